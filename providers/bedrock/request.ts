/**
 * Canonical request → Converse body, in one pass and one `JSON.stringify`: `messages`, `system`
 * (text blocks, a `cachePoint` after them when marked), `inferenceConfig` (`maxTokens`,
 * `temperature`, `topP`, `stopSequences`), `toolConfig` (`toolSpec` tools and `toolChoice`),
 * and `additionalModelRequestFields` for what only the model takes (Claude's `thinking` budget
 * and `top_k`). The model id goes in the URL, not the body. A structured output is sent as a
 * forced tool, Converse's way of asking for JSON.
 *
 * @see https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_Converse.html
 * @module
 */

import { breakpointMessages } from "../../codec/cache.ts";
import { FEATURES, requestFields } from "../../codec/fields.ts";
import { mergeProviderOptions } from "../../codec/provider_options.ts";
import { warn } from "../../codec/replay.ts";
import { validateRequest } from "../../codec/validate.ts";
import type { SerializeOptions } from "../../common/provider.ts";
import { refuse } from "../../common/refuse.ts";
import type { ChatRequest, ToolChoice, Warning } from "../../common/types.ts";
import type { JsonObject } from "../../common/json_object.ts";
import { bedrockMessages, CACHE_POINT } from "./messages.ts";
import { BEDROCK_LIMITS, type BedrockModel, bedrockModel } from "./models.ts";
import { planBedrockThinking } from "./thinking.ts";

/**
 * Serializes a request for the Converse API (`/model/{modelId}/converse`; the same body for
 * `/converse-stream`).
 *
 * @param request The canonical request.
 * @param options A `warnings` list for lossy conversions (`stream` changes nothing here).
 * @returns The JSON body.
 * @throws {ValidationError} When the request is malformed or asks what Converse cannot do.
 *
 * @example A one-message request
 * ```ts
 * import { bedrock } from "@rosetta/llm/bedrock";
 * import assert from "node:assert/strict";
 * const body = bedrock.serializeRequest({
 *   model: "amazon.nova-lite-v1:0",
 *   system: "Be brief.",
 *   maxOutputTokens: 300,
 *   messages: [{ role: "user", content: "Hi" }],
 * });
 * assert.equal(body, '{"messages":[{"role":"user","content":[{"text":"Hi"}]}],"system":[{"text":"Be brief."}],"inferenceConfig":{"maxTokens":300}}');
 * ```
 */
export function serializeBedrockRequest(
  request: ChatRequest,
  options: SerializeOptions = {},
): string {
  const fields = requestFields(request);
  validateRequest(request, "bedrock", fields, BEDROCK_LIMITS);
  const warnings = options.warnings;
  const row = bedrockModel(request.model);
  const plan = planBedrockThinking(request, row, warnings);
  const cache = (fields & FEATURES) !== 0 ? request.cache : undefined;
  const points = cache?.breakpoints;
  const marked = cache === undefined ? undefined : breakpointMessages(cache);
  const body: JsonObject = { messages: bedrockMessages(request, row, marked, warnings) };
  if (request.system !== undefined) {
    body.system = points?.includes("system")
      ? [{ text: request.system }, CACHE_POINT]
      : [{ text: request.system }];
  }
  const inference: JsonObject = {};
  if (plan.maxTokens !== undefined) inference.maxTokens = plan.maxTokens;
  if (request.temperature !== undefined) inference.temperature = request.temperature;
  if (request.topP !== undefined) inference.topP = request.topP;
  if (request.stopSequences !== undefined) inference.stopSequences = request.stopSequences;
  if (Object.keys(inference).length > 0) body.inferenceConfig = inference;
  const tools = toolConfig(
    request,
    row,
    plan.budget !== undefined,
    points?.includes("tools"),
    warnings,
  );
  if (tools !== undefined) body.toolConfig = tools;
  const additional: JsonObject = {};
  if (plan.budget !== undefined) {
    additional.thinking = { type: "enabled", budget_tokens: plan.budget };
  }
  if ((fields & FEATURES) !== 0) writeFeatures(request, row, additional, warnings);
  if (Object.keys(additional).length > 0) body.additionalModelRequestFields = additional;
  if (request.providerOptions?.bedrock !== undefined) {
    mergeProviderOptions(body, request.providerOptions.bedrock, "bedrock");
  }
  return JSON.stringify(body);
}

// Only Claude and Nova models take a named tool choice (API_runtime_ToolChoice: `tool` "Only
// supported by Anthropic Claude 3 and Amazon Nova models"); `any` and `auto` every tool model.
const namesTools = (row: BedrockModel) => row.vendor === "anthropic" || row.vendor === "amazon";

function toolChoice(
  choice: Exclude<ToolChoice, "none">,
  row: BedrockModel,
  thinks: boolean,
): JsonObject {
  if (choice === "auto") return { auto: {} };
  // Claude with thinking on takes only auto, as on Anthropic's own API.
  if (thinks && row.vendor === "anthropic") {
    refuse("bedrock", "toolChoice", "cannot force tool use when thinking is on: Claude takes auto");
  }
  if (choice === "required") return { any: {} };
  if (!namesTools(row)) {
    refuse(
      "bedrock",
      "toolChoice",
      `cannot name a tool for ${row.vendor} models: Converse forces a named tool only on Claude and Nova`,
    );
  }
  return { tool: { name: choice.name } };
}

function toolConfig(
  request: ChatRequest,
  row: BedrockModel,
  thinks: boolean,
  cached: boolean | undefined,
  warnings: Warning[] | undefined,
): JsonObject | undefined {
  const output = request.structuredOutput;
  if (output !== undefined) return outputTool(request, row, thinks);
  const defined = request.tools;
  if (defined === undefined || defined.length === 0) {
    if (request.toolChoice !== undefined && request.toolChoice !== "none") {
      refuse(
        "bedrock",
        "toolChoice",
        "needs tools: Converse takes a tool choice only beside tools",
      );
    }
    return undefined;
  }
  const choice = request.toolChoice;
  // Converse has no "none": a conversation without tool blocks is sent no tools at all.
  if (choice === "none" && !hasToolBlocks(request)) return undefined;
  const tools: JsonObject[] = defined.map((tool) => ({
    toolSpec: tool.description === undefined
      ? { name: tool.name, inputSchema: { json: tool.parameters } }
      : { name: tool.name, description: tool.description, inputSchema: { json: tool.parameters } },
  }));
  if (cached) tools.push(CACHE_POINT);
  const config: JsonObject = { tools };
  if (choice === "none") {
    warn(
      warnings,
      "bedrock",
      "toolChoice",
      `"none" dropped: Converse has no such choice, and tool blocks in the conversation need the tools sent`,
    );
  } else if (choice !== undefined) config.toolChoice = toolChoice(choice, row, thinks);
  return config;
}

// Whether a turn calls a tool or answers one: Converse then needs the tools defined.
function hasToolBlocks(request: ChatRequest): boolean {
  return request.messages.some((message) =>
    message.role === "tool" ||
    (message.role === "assistant" && typeof message.content !== "string" &&
      message.content.some((block) => block.type === "tool_call"))
  );
}

// A forced tool carries the schema; forcing excludes other tools and thinking.
function outputTool(request: ChatRequest, row: BedrockModel, thinks: boolean): JsonObject {
  const output = request.structuredOutput!;
  const why = "a structured output on Converse is a forced tool";
  if (request.tools !== undefined && request.tools.length > 0) {
    refuse("bedrock", "structuredOutput", `cannot be sent beside tools: ${why}`);
  }
  if (request.toolChoice !== undefined) {
    refuse("bedrock", "structuredOutput", `cannot be sent beside toolChoice: ${why}`);
  }
  if (thinks) refuse("bedrock", "structuredOutput", `cannot be sent with thinking on: ${why}`);
  return {
    tools: [{ toolSpec: { name: output.name, inputSchema: { json: output.schema } } }],
    // The one tool: `any` forces it where a named choice is not taken.
    toolChoice: namesTools(row) ? { tool: { name: output.name } } : { any: {} },
  };
}

// Sampling beyond temperature, end-user id, parallel calls, cache options and provider tools.
function writeFeatures(
  request: ChatRequest,
  row: BedrockModel,
  additional: JsonObject,
  warnings: Warning[] | undefined,
): void {
  if (request.providerTools !== undefined && request.providerTools.length > 0) {
    refuse("bedrock", "providerTools", "cannot be sent: Converse runs no provider tools");
  }
  if (request.topK !== undefined) {
    if (row.vendor === "anthropic") additional.top_k = request.topK;
    else {warn(
        warnings,
        "bedrock",
        "topK",
        `dropped: rosetta knows no top-k field for ${request.model}`,
      );}
  }
  for (const field of ["seed", "presencePenalty", "frequencyPenalty", "userId"] as const) {
    if (request[field] !== undefined) {
      warn(warnings, "bedrock", field, "dropped: Converse has no such field");
    }
  }
  if (request.parallelToolCalls !== undefined) {
    warn(warnings, "bedrock", "parallelToolCalls", "dropped: Converse has no such field");
  }
  const cache = request.cache;
  if (cache?.ttl !== undefined) {
    warn(warnings, "bedrock", "cache.ttl", "dropped: Converse cache points take no lifetime");
  }
  if (cache?.key !== undefined) {
    warn(warnings, "bedrock", "cache.key", "dropped: Converse has no cache key");
  }
}

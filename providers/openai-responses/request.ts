/**
 * Canonical request → Responses API body, in one pass and one `JSON.stringify`. The system prompt
 * becomes `instructions`, messages `input` items (`input.ts`), tools function tools; `thinking`
 * becomes `reasoning: {effort, summary: "auto"}` by the model's row in the table OpenAI's two
 * dialects share. Nothing is stored on OpenAI's servers unless asked (`store: false`), so a
 * reasoning model's reasoning comes back encrypted (`include: ["reasoning.encrypted_content"]`)
 * and travels in the conversation itself; {@link OpenAIResponsesSerializeOptions} continues a
 * stored response instead.
 *
 * @see https://platform.openai.com/docs/api-reference/responses/create
 * @module
 */

import { describeValue } from "../../codec/describe.ts";
import { checkOpenAISampling, planOpenAIEffort } from "../openai-shared/effort.ts";
import { OPENAI_LIMITS, openAIModel } from "../openai-shared/models.ts";
import type { SerializeOptions } from "../../common/provider.ts";
import type { ChatRequest, Message, ToolChoice } from "../../common/types.ts";
import { validateRequest } from "../../codec/validate.ts";
import { refuse } from "../../common/refuse.ts";
import { FEATURES, requestFields } from "../../codec/fields.ts";
import { writeResponsesFeatures } from "./features.ts";
import { inputItems } from "./input.ts";
import { PROVIDER } from "./mappers.ts";

/** Options of the Responses serializer: the common ones, and stored conversations. */
export interface OpenAIResponsesSerializeOptions extends SerializeOptions {
  /**
   * Keep the response on OpenAI's servers (`store: true`), so that a later request can continue
   * it by its id. Stateless by default: the conversation, encrypted reasoning included, travels
   * in each request.
   * @default true with `previousResponseId`, else false
   */
  store?: boolean;
  /**
   * Continue this stored response (`previous_response_id`): the server has the conversation up
   * to it, so the messages up to and including the last assistant turn are left out and only
   * what follows (the new user turn, or tool results) is sent.
   */
  previousResponseId?: string;
}

/** The Responses API refuses `max_output_tokens` below 16 (HTTP 400 `integer_below_min_value`). */
const MIN_OUTPUT_TOKENS = 16;

/**
 * Serializes a request for the Responses API.
 *
 * @param request The canonical request.
 * @param options `stream`, a `warnings` list, and `store` / `previousResponseId`.
 * @returns The JSON body.
 * @throws {ValidationError} When the request is malformed or asks what the model or API cannot do.
 *
 * @example Reasoning with its summary, replayable without server state
 * ```ts
 * import { openaiResponses } from "@rosetta/llm";
 * import assert from "node:assert/strict";
 * const body = JSON.parse(openaiResponses.serializeRequest({
 *   model: "gpt-5-mini", system: "Be brief.", thinking: "low", messages: [{ role: "user", content: "Hi" }],
 * }));
 * assert.deepEqual(body, {
 *   model: "gpt-5-mini",
 *   instructions: "Be brief.",
 *   input: [{ role: "user", content: "Hi" }],
 *   reasoning: { effort: "low", summary: "auto" },
 *   store: false,
 *   include: ["reasoning.encrypted_content"],
 * });
 * ```
 */
export function serializeOpenAIResponsesRequest(
  request: ChatRequest,
  options: OpenAIResponsesSerializeOptions = {},
): string {
  return serializeResponsesRequest(PROVIDER, request, options);
}

/**
 * Serializes a request for a server that speaks the Responses API: OpenAI or a host (Azure).
 *
 * @param name The server's name: what errors and warnings say, and its `providerOptions` key.
 * @param request The canonical request.
 * @param options `stream`, a `warnings` list, and `store` / `previousResponseId`.
 * @returns The JSON body.
 * @throws {ValidationError} When the request is malformed or asks what the model or API cannot do.
 */
export function serializeResponsesRequest(
  name: string,
  request: ChatRequest,
  options: OpenAIResponsesSerializeOptions,
): string {
  const fields = requestFields(request);
  validateRequest(request, name, fields, OPENAI_LIMITS);
  const row = openAIModel(request.model);
  const effort = planOpenAIEffort(name, request, row, options.warnings);
  checkOpenAISampling(name, request, row, effort, "temperature", request.temperature, 1);
  checkOptions(name, request);
  const previous = options.previousResponseId;
  const store = options.store ?? previous !== undefined;
  const body: Record<string, unknown> = { model: request.model };
  if (request.system !== undefined) body.instructions = request.system;
  body.input = inputItems(
    name,
    request.messages,
    firstUnstored(name, request.messages, previous),
    options.warnings,
  );
  if (request.tools !== undefined && request.tools.length > 0) {
    body.tools = request.tools.map((tool) => ({
      type: "function",
      name: tool.name,
      description: tool.description,
      parameters: tool.parameters,
      // Responses makes function tools strict unless told otherwise; strict mode needs schemas
      // written for it (every property required, no additional ones).
      strict: false,
    }));
  }
  if (request.toolChoice !== undefined) body.tool_choice = toolChoice(request.toolChoice);
  if (effort !== undefined) {
    body.reasoning = effort === "none" ? { effort } : { effort, summary: "auto" };
  }
  if (request.maxOutputTokens !== undefined) body.max_output_tokens = request.maxOutputTokens;
  if (request.temperature !== undefined) body.temperature = request.temperature;
  body.store = store;
  // Without server state, a reasoning item can be sent back only with its encrypted content.
  if (!store && (row.reasoning || effort !== undefined)) {
    body.include = ["reasoning.encrypted_content"];
  }
  if (previous !== undefined) body.previous_response_id = previous;
  if ((fields & FEATURES) !== 0) {
    writeResponsesFeatures(name, request, body, row, effort, options.warnings);
  }
  if (options.stream) body.stream = true;
  return JSON.stringify(body);
}

function checkOptions(name: string, request: ChatRequest): void {
  const stop = request.stopSequences;
  if (stop !== undefined && stop.length > 0) {
    refuse(name, "stopSequences", "cannot be sent: the Responses API takes no stop sequences");
  }
  const max = request.maxOutputTokens;
  if (max !== undefined && max < MIN_OUTPUT_TOKENS) {
    refuse(name, "maxOutputTokens", `must be at least ${MIN_OUTPUT_TOKENS}, got ${max}`);
  }
}

// The first message the server does not have: after the last assistant turn of a stored
// conversation, else the first.
function firstUnstored(
  name: string,
  messages: readonly Message[],
  previous: string | undefined,
): number {
  if (previous === undefined) return 0;
  if (typeof previous !== "string" || previous === "") {
    refuse(
      name,
      "previousResponseId",
      `must be a non-empty string, got ${describeValue(previous)}`,
    );
  }
  let last = messages.length - 1;
  while (last >= 0 && messages[last].role !== "assistant") last--;
  if (last === messages.length - 1) {
    refuse(
      name,
      "messages",
      "end with an assistant turn: with previousResponseId, only what follows the last one is sent",
    );
  }
  return last + 1;
}

function toolChoice(choice: ToolChoice): unknown {
  return typeof choice === "object" ? { type: "function", name: choice.name } : choice;
}

/**
 * Canonical request → Anthropic Messages API body, in one pass and one `JSON.stringify`.
 *
 * @see https://docs.anthropic.com/en/api/messages
 * @module
 */

import { blockPath } from "../../codec/paths.ts";
import { breakpointMessages } from "../../codec/cache.ts";
import type { DocumentBlock } from "../../common/features.ts";
import type { SerializeOptions } from "../../common/provider.ts";
import { acceptsOpaque, ownCitations, ownProviderBlock, warn } from "../../codec/replay.ts";
import type {
  AssistantBlock,
  AssistantMessage,
  ChatRequest,
  ImageBlock,
  TextBlock,
  ToolChoice,
  ToolResultBlock,
  Warning,
} from "../../common/types.ts";
import type { JsonObject } from "../../common/json_object.ts";
import { validateRequest } from "../../codec/validate.ts";
import { FEATURES, requestFields } from "../../codec/fields.ts";
import { cacheControl, markLastBlock } from "./cache.ts";
import { anthropicDocument } from "./documents.ts";
import { writeAnthropicFeatures } from "./features.ts";
import { ANTHROPIC_LIMITS, anthropicModel } from "./models.ts";
import { checkConstraints } from "./constraints.ts";
import { planAnthropicThinking } from "./thinking.ts";

type WireBlock = Record<string, unknown>;
interface WireMessage {
  role: "user" | "assistant";
  content: string | WireBlock[];
}

/**
 * Serializes a request for the Anthropic Messages API.
 *
 * @param request The canonical request.
 * @param options `stream` and a `warnings` list for lossy conversions.
 * @returns The JSON body.
 * @throws {ValidationError} When the request is malformed or asks what Anthropic cannot do.
 *
 * @example A one-message request
 * ```ts
 * import { anthropic } from "@rosetta/llm";
 * import assert from "node:assert/strict";
 * const body = anthropic.serializeRequest({ model: "claude-haiku-4-5", messages: [{ role: "user", content: "Hi" }] });
 * assert.equal(body, '{"model":"claude-haiku-4-5","max_tokens":4096,"messages":[{"role":"user","content":"Hi"}]}');
 * ```
 */
export function serializeAnthropicRequest(
  request: ChatRequest,
  options: SerializeOptions = {},
): string {
  const fields = requestFields(request);
  const features = (fields & FEATURES) !== 0;
  validateRequest(request, "anthropic", fields, ANTHROPIC_LIMITS);
  const warnings = options.warnings;
  const row = anthropicModel(request.model);
  const plan = planAnthropicThinking(request, row, warnings);
  const body: JsonObject = { model: request.model, max_tokens: plan.maxTokens };
  if (request.system !== undefined) body.system = request.system;
  const control = features && request.cache !== undefined ? cacheControl(request.cache) : undefined;
  const messages = convertMessages(request, warnings, control);
  const thinks = checkConstraints(plan, request, row, messages, features, warnings);
  body.messages = messages;
  if (request.tools !== undefined && request.tools.length > 0) {
    body.tools = request.tools.map((tool) =>
      tool.description === undefined
        ? { name: tool.name, input_schema: tool.parameters }
        : { name: tool.name, description: tool.description, input_schema: tool.parameters }
    );
  }
  if (request.toolChoice !== undefined) body.tool_choice = toolChoice(request.toolChoice);
  if (plan.thinking !== undefined) body.thinking = plan.thinking;
  if (plan.effort !== undefined) body.output_config = { effort: plan.effort };
  if (request.temperature !== undefined) body.temperature = request.temperature;
  if (request.stopSequences !== undefined) body.stop_sequences = request.stopSequences;
  if (features) {
    writeAnthropicFeatures(body, request, row, thinks, control, warnings);
  }
  if (options.stream) body.stream = true;
  return JSON.stringify(body);
}

function toolChoice(choice: ToolChoice): Record<string, string> {
  if (typeof choice === "object") return { type: "tool", name: choice.name };
  return { type: choice === "required" ? "any" : choice };
}

function convertMessages(
  request: ChatRequest,
  warnings: Warning[] | undefined,
  control: JsonObject | undefined,
): WireMessage[] {
  const out: WireMessage[] = [];
  const messages = request.messages;
  const marked = control === undefined ? undefined : breakpointMessages(request.cache!);
  for (let m = 0; m < messages.length; m++) {
    const message = messages[m];
    let role: "user" | "assistant";
    let content: string | WireBlock[];
    if (message.role === "assistant") {
      role = "assistant";
      content = typeof message.content === "string"
        ? message.content
        : assistantBlocks(message, m, warnings);
      if (content.length === 0) {
        if (marked?.has(m)) unmarked(m, warnings);
        continue;
      }
    } else {
      role = "user";
      content = message.role === "tool"
        ? message.content.map(toolResult)
        : typeof message.content === "string"
        ? message.content
        : userBlocks(message.content, m);
    }
    if (marked !== undefined && marked.has(m)) content = markLastBlock(content, control!);
    // Guarded: reading out[-1] of an empty array is a slow named-property lookup.
    const previous = out.length === 0 ? undefined : out[out.length - 1];
    // The API wants alternating turns: tool results and a following user turn become one.
    if (previous !== undefined && previous.role === role) {
      previous.content = [...asBlocks(previous.content), ...asBlocks(content)];
    } else {
      out.push({ role, content });
    }
  }
  return out;
}

function unmarked(m: number, warnings: Warning[] | undefined): void {
  warn(
    warnings,
    "anthropic",
    "cache.breakpoints",
    `breakpoint at message ${m} dropped: nothing in that turn can be sent to Anthropic`,
  );
}

function userBlocks(blocks: Array<TextBlock | ImageBlock | DocumentBlock>, m: number): WireBlock[] {
  const out: WireBlock[] = new Array(blocks.length);
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b];
    out[b] = block.type === "document"
      ? anthropicDocument(block, blockPath(m, b))
      : userBlock(block);
  }
  return out;
}

function asBlocks(content: string | WireBlock[]): WireBlock[] {
  return typeof content === "string" ? [{ type: "text", text: content }] : content;
}

function assistantBlocks(
  message: AssistantMessage,
  m: number,
  warnings: Warning[] | undefined,
): WireBlock[] {
  const blocks = message.content as AssistantBlock[];
  const ours = acceptsOpaque(message, "anthropic");
  const out: WireBlock[] = [];
  for (let b = 0; b < blocks.length; b++) {
    const wire = assistantBlock(blocks[b], ours, message.provider, m, b, warnings);
    if (wire !== undefined) out.push(wire);
  }
  return out;
}

// Paths are built only when a warning needs one: this runs for every replayed block.
function assistantBlock(
  block: AssistantBlock,
  ours: boolean,
  from: string | undefined,
  m: number,
  b: number,
  warnings: Warning[] | undefined,
): WireBlock | undefined {
  switch (block.type) {
    case "text": {
      if (block.signature !== undefined) {
        warn(
          warnings,
          "anthropic",
          `${blockPath(m, b)}.signature`,
          "dropped: Anthropic text blocks carry no signature",
        );
      }
      if (block.citations === undefined) return { type: "text", text: block.text };
      const citations = ownCitations(block, "anthropic", warnings, blockPath(m, b));
      return citations === undefined
        ? { type: "text", text: block.text }
        : { type: "text", text: block.text, citations };
    }
    case "thinking":
      if (ours && block.signature !== undefined) {
        return { type: "thinking", thinking: block.text, signature: block.signature };
      }
      warn(
        warnings,
        "anthropic",
        blockPath(m, b),
        "thinking block dropped: Anthropic accepts only its own signed thinking",
      );
      return undefined;
    case "redacted_thinking":
      if (ours) return { type: "redacted_thinking", data: block.data };
      warn(warnings, "anthropic", blockPath(m, b), `redacted thinking from ${from} dropped`);
      return undefined;
    case "tool_call":
      if (block.signature !== undefined) {
        warn(
          warnings,
          "anthropic",
          `${blockPath(m, b)}.signature`,
          "dropped: Anthropic tool calls carry no signature",
        );
      }
      return { type: "tool_use", id: block.id, name: block.name, input: block.arguments };
    case "image":
      warn(
        warnings,
        "anthropic",
        blockPath(m, b),
        "image block dropped: Anthropic assistant turns take no images",
      );
      return undefined;
    case "provider":
      return ownProviderBlock(block, "anthropic", warnings, blockPath(m, b));
  }
}

function userBlock(block: TextBlock | ImageBlock): WireBlock {
  if (block.type === "text") return { type: "text", text: block.text };
  return {
    type: "image",
    source: "url" in block
      ? { type: "url", url: block.url }
      : { type: "base64", media_type: block.mediaType, data: block.data },
  };
}

function toolResult(block: ToolResultBlock): WireBlock {
  const out: WireBlock = {
    type: "tool_result",
    tool_use_id: block.toolCallId,
    content: typeof block.content === "string" ? block.content : block.content.map(userBlock),
  };
  if (block.isError) out.is_error = true;
  return out;
}

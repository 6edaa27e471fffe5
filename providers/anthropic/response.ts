/**
 * Anthropic Messages API body → canonical response, plus the small mappers the stream
 * decoder shares (finish reason, usage, one content block).
 *
 * @see https://docs.anthropic.com/en/api/messages
 * @module
 */

import { ResponseParseError } from "../../common/errors.ts";
import { invalidField, isJsonObject, parseJson } from "../../common/json.ts";
import type { ChatResponse, FinishReason, JsonObject, Usage } from "../../common/types.ts";

type ResponseBlock = ChatResponse["content"][number];

/**
 * Maps `stop_reason` to a canonical finish reason.
 *
 * @see https://docs.anthropic.com/en/api/messages#response-stop-reason
 * @param reason Anthropic's stop reason.
 * @returns The canonical reason.
 */
export function mapAnthropicStopReason(reason: unknown): FinishReason {
  switch (reason) {
    case "end_turn":
    case "stop_sequence":
      return "stop";
    case "max_tokens":
    case "model_context_window_exceeded":
      return "length";
    case "tool_use":
      return "tool_use";
    case "refusal":
      return "content_filter";
  }
  return "unknown";
}

function count(usage: JsonObject, key: string): number {
  const value = usage[key];
  return typeof value === "number" ? value : 0;
}

/**
 * Maps Anthropic `usage`. Input counts cached tokens too: Anthropic reports them apart.
 * Anthropic's `output_tokens` include thinking, which it does not report separately.
 *
 * @param usage The wire usage object (absent fields count as 0).
 * @returns Canonical usage.
 */
export function mapAnthropicUsage(usage: JsonObject): Usage {
  const cacheRead = count(usage, "cache_read_input_tokens");
  const cacheWrite = count(usage, "cache_creation_input_tokens");
  const input = count(usage, "input_tokens") + cacheRead + cacheWrite;
  const output = count(usage, "output_tokens");
  return {
    inputTokens: input,
    outputTokens: output,
    thinkingTokens: 0,
    cacheReadTokens: cacheRead,
    cacheWriteTokens: cacheWrite,
    totalTokens: input + output,
  };
}

/**
 * Reads one response content block; unknown types are an error naming the path.
 *
 * @param block The wire block.
 * @param path Its path, for errors.
 * @returns The canonical block.
 */
export function readAnthropicBlock(block: unknown, path: string): ResponseBlock {
  if (!isJsonObject(block)) throw invalidField("anthropic", path, "an object", block);
  const string = (key: string): string => {
    const value = block[key];
    if (typeof value !== "string") {
      throw invalidField("anthropic", `${path}.${key}`, "a string", value);
    }
    return value;
  };
  switch (block.type) {
    case "text":
      return { type: "text", text: string("text") };
    case "thinking":
      return { type: "thinking", text: string("thinking"), signature: string("signature") };
    case "redacted_thinking":
      return { type: "redacted_thinking", data: string("data") };
    case "tool_use": {
      const input = block.input;
      if (!isJsonObject(input)) {
        throw invalidField("anthropic", `${path}.input`, "an object", input);
      }
      return { type: "tool_call", id: string("id"), name: string("name"), arguments: input };
    }
  }
  throw new ResponseParseError(
    "unknown_block",
    `Cannot parse anthropic response: ${path}.type ${
      JSON.stringify(block.type)
    } is not a known block type`,
    { provider: "anthropic", path: `${path}.type` },
  );
}

/**
 * Parses an Anthropic Messages API response body.
 *
 * @param body The JSON text.
 * @returns The canonical response.
 * @throws {ResponseParseError} When the body is not the documented format.
 *
 * @example
 * ```ts
 * import { anthropic } from "@rosetta/llm";
 * import assert from "node:assert/strict";
 * const response = anthropic.parseResponse(JSON.stringify({
 *   id: "msg_1", type: "message", role: "assistant", model: "claude-haiku-4-5",
 *   content: [{ type: "text", text: "Hello" }], stop_reason: "end_turn",
 *   usage: { input_tokens: 5, output_tokens: 2 },
 * }));
 * assert.equal(response.finishReason, "stop");
 * assert.deepEqual(response.content, [{ type: "text", text: "Hello" }]);
 * ```
 */
export function parseAnthropicResponse(body: string): ChatResponse {
  const data = parseJson("anthropic", body, "response body");
  if (!isJsonObject(data)) throw invalidField("anthropic", "(body)", "an object", data);
  const wire = data.content;
  if (!Array.isArray(wire)) throw invalidField("anthropic", "content", "an array", wire);
  if (typeof data.model !== "string") {
    throw invalidField("anthropic", "model", "a string", data.model);
  }
  const content: ResponseBlock[] = new Array(wire.length);
  for (let i = 0; i < wire.length; i++) content[i] = readAnthropicBlock(wire[i], `content[${i}]`);
  const usage = data.usage;
  if (usage !== undefined && !isJsonObject(usage)) {
    throw invalidField("anthropic", "usage", "an object", usage);
  }
  const response: ChatResponse = {
    provider: "anthropic",
    model: data.model,
    content,
    finishReason: mapAnthropicStopReason(data.stop_reason),
    usage: mapAnthropicUsage(usage ?? {}),
  };
  if (typeof data.id === "string") response.id = data.id;
  if (typeof data.stop_reason === "string") response.rawFinishReason = data.stop_reason;
  return response;
}

/**
 * Anthropic Messages API body → canonical response, read by the same handlers as the stream:
 * the message as its start, each block started and stopped, then its stop reason.
 *
 * @see https://docs.anthropic.com/en/api/messages
 * @module
 */

import { ResponseAccumulator } from "../../codec/accumulator.ts";
import { invalidField, isJsonObject, parseJson } from "../../codec/json.ts";
import type { ChatResponse } from "../../common/types.ts";
import { anthropicStreamError } from "./errors.ts";
import { onBlockStart, onMessageStart, onStopReason } from "./reader.ts";

/**
 * Parses an Anthropic Messages API response body.
 *
 * @param body The JSON text.
 * @returns The canonical response.
 * @throws {ResponseParseError} When the body is not the documented format.
 * @throws {ProviderError} When the body is an error object (`{"type": "error", ...}`).
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
  if (data.type === "error" || (data.error !== undefined && data.error !== null)) {
    throw anthropicStreamError(data);
  }
  const content = data.content;
  if (!Array.isArray(content)) throw invalidField("anthropic", "content", "an array", content);
  const acc = new ResponseAccumulator("anthropic");
  onMessageStart(acc, data, true);
  // Every block arrives whole: there is no block stop to wait for.
  for (let i = 0; i < content.length; i++) onBlockStart(acc, i, content[i], true);
  onStopReason(acc, data.stop_reason);
  acc.endAll();
  acc.terminate();
  return acc.finalize("the end of the body");
}

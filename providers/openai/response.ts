/**
 * OpenAI Chat Completions body → canonical response, read by the same handlers as a stream
 * chunk (a body is one chunk whose choices carry `message` instead of `delta`).
 *
 * @see https://platform.openai.com/docs/api-reference/chat/object
 * @module
 */

import { ResponseAccumulator } from "../../codec/accumulator.ts";
import { invalidField, isJsonObject, parseJson } from "../../codec/json.ts";
import type { ChatResponse } from "../../common/types.ts";
import { openAIStreamError } from "./errors.ts";
import { onChunk } from "./reader.ts";

/**
 * Parses an OpenAI Chat Completions response body. Choices after the first become
 * `alternatives`.
 *
 * A `refusal` becomes a text block and the finish reason `content_filter` (the raw reason
 * stays `stop`). `reasoning_content`, sent by OpenAI-compatible servers, becomes thinking;
 * `annotations` become citations on the text.
 *
 * @param body The JSON text.
 * @returns The canonical response.
 * @throws {ResponseParseError} When the body is not the documented format.
 * @throws {ProviderError} When the body is an error object (`{"error": {...}}`).
 *
 * @example
 * ```ts
 * import { openai } from "@rosetta/llm";
 * import assert from "node:assert/strict";
 * const response = openai.parseResponse(JSON.stringify({
 *   id: "chatcmpl-1", object: "chat.completion", model: "gpt-4o",
 *   choices: [{ index: 0, message: { role: "assistant", content: "Hello" }, finish_reason: "stop" }],
 *   usage: { prompt_tokens: 5, completion_tokens: 2, total_tokens: 7 },
 * }));
 * assert.deepEqual(response.content, [{ type: "text", text: "Hello" }]);
 * assert.equal(response.usage.totalTokens, 7);
 * ```
 */
export function parseOpenAIResponse(body: string): ChatResponse {
  return parseChatResponse("openai", body);
}

/**
 * Parses a Chat Completions body from OpenAI or a host.
 *
 * @param provider Who answered (`openai` or a host's name), named in the response and errors.
 * @param body The response body text.
 * @returns The canonical response.
 * @throws {ResponseParseError} When the body is not a Chat Completions response.
 * @throws {ProviderError} When it holds an `error` object.
 */
export function parseChatResponse(provider: string, body: string): ChatResponse {
  const data = parseJson(provider, body, "response body");
  if (!isJsonObject(data)) throw invalidField(provider, "(body)", "an object", data);
  if (data.error !== undefined && data.error !== null) throw openAIStreamError(provider, data);
  if (typeof data.model !== "string") throw invalidField(provider, "model", "a string", data.model);
  const choices = data.choices;
  if (!Array.isArray(choices) || choices.length === 0) {
    throw invalidField(provider, "choices", "a non-empty array", choices);
  }
  const acc = new ResponseAccumulator(provider);
  onChunk(acc, data, true);
  acc.terminate();
  return acc.finalize("the end of the body");
}

/**
 * Responses API body → canonical response, read by the same handlers as a stream: each output
 * item is read as if it had been added and then done, between the response's start and end.
 *
 * @see https://platform.openai.com/docs/api-reference/responses/object
 * @module
 */

import { ResponseAccumulator } from "../../codec/accumulator.ts";
import { invalidField, isJsonObject, parseJson } from "../../codec/json.ts";
import type { ChatResponse } from "../../common/types.ts";
import type { JsonObject } from "../../common/json_object.ts";
import { responsesError } from "./errors.ts";
import { PROVIDER } from "./mappers.ts";
import { onItemDone, onResponseEnd, onResponseStart } from "./reader.ts";
import { responsesReader } from "./state.ts";

/**
 * Parses a Responses API body (`POST /v1/responses`, or a stored response fetched again).
 *
 * Output items become content in order: message text (annotations as citations; a refusal as
 * text, with the finish reason content_filter), reasoning summaries as thinking blocks whose
 * signature sends the reasoning item back, function calls as tool calls, anything else as a
 * provider block. `status` and `incomplete_details` give the finish reason; the response's other
 * fields stay in `providerMetadata`.
 *
 * @param body The JSON text.
 * @returns The canonical response.
 * @throws {ResponseParseError} When the body is not the documented format.
 * @throws {ProviderError} For an error body (`{"error": {...}}`) or a failed response (with the
 * output read so far as `partial`).
 *
 * @example
 * ```ts
 * import { openaiResponses } from "@rosetta/llm";
 * import assert from "node:assert/strict";
 * const response = openaiResponses.parseResponse(JSON.stringify({
 *   id: "resp_1", object: "response", model: "gpt-5-mini", status: "completed",
 *   output: [{ id: "msg_1", type: "message", role: "assistant", status: "completed",
 *     content: [{ type: "output_text", text: "Hello", annotations: [] }] }],
 *   usage: { input_tokens: 5, output_tokens: 2, total_tokens: 7 },
 * }));
 * assert.deepEqual(response.content, [{ type: "text", text: "Hello" }]);
 * assert.equal(response.finishReason, "stop");
 * ```
 */
export function parseOpenAIResponsesResponse(body: string): ChatResponse {
  return parseResponsesResponse(PROVIDER, body);
}

/**
 * Parses a Responses API body from OpenAI or a host (Azure).
 *
 * @param provider Who answered, named in the response and errors.
 * @param body The response body text.
 * @returns The canonical response.
 * @throws {ResponseParseError} When the body is not a Responses object.
 * @throws {ProviderError} When it is an error body, or a response that failed.
 */
export function parseResponsesResponse(provider: string, body: string): ChatResponse {
  const data = parseJson(provider, body, "response body");
  if (!isJsonObject(data)) throw invalidField(provider, "(body)", "an object", data);
  const output = data.output;
  if (!Array.isArray(output)) {
    // An HTTP error body: `{"error": {message, type, param, code}}`.
    if (isJsonObject(data.error)) throw responsesError(provider, data.error);
    throw invalidField(provider, "output", "an array", output);
  }
  const reader = responsesReader(new ResponseAccumulator(provider));
  onResponseStart(reader, data, true);
  for (let i = 0; i < output.length; i++) onItemDone(reader, i, output[i], true);
  onResponseEnd(reader, data as JsonObject, true);
  reader.acc.terminate();
  return reader.acc.finalize("the end of the body");
}

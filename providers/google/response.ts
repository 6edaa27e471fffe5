/**
 * Gemini `GenerateContentResponse` body → canonical response: the body is read as a one-chunk
 * stream, by the same reader.
 *
 * @see https://ai.google.dev/api/generate-content#generatecontentresponse
 * @module
 */

import { ResponseAccumulator } from "../../codec/accumulator.ts";
import { randomId } from "../../common/ids.ts";
import { invalidField, isJsonObject, parseJson } from "../../codec/json.ts";
import type { ParseOptions } from "../../common/provider.ts";
import type { ChatResponse } from "../../common/types.ts";
import { googleStreamError } from "./errors.ts";
import { onChunk } from "./reader.ts";
import { CandidateRead } from "./parts.ts";

/**
 * Parses a Gemini `generateContent` response body. Candidates after the first become
 * `alternatives`. A prompt blocked before generation (`promptFeedback.blockReason`, no
 * candidates) gives no content and the finish reason content_filter.
 *
 * @param body The JSON text.
 * @param options `generateId` for function-call ids.
 * @returns The canonical response.
 * @throws {ResponseParseError} When the body is not the documented format.
 * @throws {ProviderError} When the body is an error object (`{"error": {...}}`).
 *
 * @example
 * ```ts
 * import { google, seededIdGenerator } from "@rosetta/llm";
 * import assert from "node:assert/strict";
 * const response = google.parseResponse(JSON.stringify({
 *   candidates: [{ content: { role: "model", parts: [{ functionCall: { name: "now", args: {} } }] }, finishReason: "STOP" }],
 *   modelVersion: "gemini-2.5-flash",
 * }), { generateId: seededIdGenerator(1) });
 * assert.equal(response.finishReason, "tool_use");
 * assert.equal(response.content[0].type === "tool_call" && response.content[0].id.length, 22);
 * ```
 */
export function parseGoogleResponse(body: string, options: ParseOptions = {}): ChatResponse {
  const data = parseJson("google", body, "response body");
  if (!isJsonObject(data)) throw invalidField("google", "(body)", "an object", data);
  if (data.error !== undefined && data.error !== null) throw googleStreamError(data);
  const candidates = data.candidates;
  if (candidates === undefined || candidates === null) {
    const feedback = data.promptFeedback;
    if (!isJsonObject(feedback) || feedback.blockReason == null) {
      throw invalidField("google", "candidates", "an array", candidates);
    }
  } else if (!Array.isArray(candidates) || candidates.length === 0) {
    throw invalidField("google", "candidates", "a non-empty array", candidates);
  }
  const acc = new ResponseAccumulator("google");
  onChunk(new CandidateRead(acc, options.generateId ?? randomId), data);
  // A body is complete whether or not its candidate names a finish reason.
  acc.terminate();
  return acc.finalize("the end of the body");
}

/**
 * Gemini `streamGenerateContent?alt=sse` → canonical events. Each `data:` line is a whole
 * `GenerateContentResponse`, read by the reader that also reads bodies; the first candidate's
 * `finishReason` ends the stream.
 *
 * @see https://ai.google.dev/api/generate-content#method:-models.streamgeneratecontent
 * @module
 */

import { ResponseAccumulator } from "../../codec/accumulator.ts";
import { EventBuffer } from "../../codec/sink.ts";
import { randomId } from "../../common/ids.ts";
import { invalidField, isJsonObject } from "../../codec/json.ts";
import { assembleStreamDecoder } from "../../codec/stream.ts";
import type { StreamDecoder, StreamDecoderOptions } from "../../common/provider.ts";
import { onChunk } from "./reader.ts";
import { CandidateRead } from "./parts.ts";

/**
 * Creates a decoder for a Gemini SSE stream.
 *
 * @param options `generateId` for function-call ids; event size cap.
 * @returns The decoder: push bytes or text, get events; `end()` gives the response.
 *
 * @example
 * ```ts
 * import { google } from "@rosetta/llm";
 * import assert from "node:assert/strict";
 * const decoder = google.createStreamDecoder();
 * decoder.push('data: {"candidates":[{"content":{"role":"model","parts":[{"text":"Hel"}]}}],"modelVersion":"gemini-2.5-flash"}\r\n\r\n');
 * decoder.push('data: {"candidates":[{"content":{"role":"model","parts":[{"text":"lo"}]},"finishReason":"STOP"}],"modelVersion":"gemini-2.5-flash"}\r\n\r\n');
 * assert.deepEqual(decoder.end().content, [{ type: "text", text: "Hello" }]);
 * ```
 */
export function createGoogleStreamDecoder(options: StreamDecoderOptions = {}): StreamDecoder {
  const acc = new ResponseAccumulator("google", new EventBuffer());
  const reader = new CandidateRead(acc, options.generateId ?? randomId);
  return assembleStreamDecoder(acc, "a chunk with finishReason", options, (_event, data) => {
    const json = JSON.parse(data);
    if (!isJsonObject(json)) throw invalidField("google", "chunk", "an object", json);
    onChunk(reader, json);
  });
}

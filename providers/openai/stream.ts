/**
 * OpenAI Chat Completions SSE → canonical events: each `chat.completion.chunk` goes to the
 * reader that also reads whole bodies; `data: [DONE]` ends the stream. The usage chunk (empty
 * `choices`), filter-only chunks and an `error` object are handled there.
 *
 * @see https://platform.openai.com/docs/api-reference/chat-streaming
 * @module
 */

import { ResponseAccumulator } from "../../codec/accumulator.ts";
import { EventBuffer } from "../../codec/sink.ts";
import { invalidField, isJsonObject } from "../../codec/json.ts";
import { assembleStreamDecoder } from "../../codec/stream.ts";
import type { StreamDecoder, StreamDecoderOptions } from "../../common/provider.ts";
import { onChunk } from "./reader.ts";

/**
 * Creates a decoder for an OpenAI Chat Completions stream.
 *
 * @param options Event size cap.
 * @returns The decoder: push bytes or text, get events; `end()` gives the response.
 *
 * @example
 * ```ts
 * import { openai } from "@rosetta/llm";
 * import assert from "node:assert/strict";
 * const decoder = openai.createStreamDecoder();
 * decoder.push('data: {"id":"c1","object":"chat.completion.chunk","model":"gpt-4o","choices":[{"index":0,"delta":{"role":"assistant","content":"Hel"},"finish_reason":null}]}\n\n');
 * decoder.push('data: {"id":"c1","object":"chat.completion.chunk","model":"gpt-4o","choices":[{"index":0,"delta":{"content":"lo"},"finish_reason":"stop"}]}\n\ndata: [DONE]\n\n');
 * assert.deepEqual(decoder.end().content, [{ type: "text", text: "Hello" }]);
 * ```
 */
export function createOpenAIStreamDecoder(options: StreamDecoderOptions = {}): StreamDecoder {
  return createChatStreamDecoder("openai", options);
}

/**
 * A decoder for a Chat Completions stream from OpenAI or a host.
 *
 * @param provider Who answers (`openai` or a host's name), named in events and errors.
 * @param options Decoder options.
 * @returns The decoder.
 */
export function createChatStreamDecoder(
  provider: string,
  options: StreamDecoderOptions,
): StreamDecoder {
  // The finish chunk comes before the usage chunk: its event waits, so usage comes first as on
  // every dialect.
  const events = new EventBuffer(true);
  const acc = new ResponseAccumulator(provider, events);
  return assembleStreamDecoder(acc, "data: [DONE]", options, (_event, data) => {
    if (data === "[DONE]") {
      events.release();
      return acc.terminate();
    }
    const json = JSON.parse(data);
    if (!isJsonObject(json)) throw invalidField(provider, "chunk", "an object", json);
    onChunk(acc, json, false);
  });
}

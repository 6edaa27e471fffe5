/**
 * Anthropic Messages SSE → canonical events: each event type goes to its named handler in
 * `reader.ts`, the same handlers that read a whole body. `ping` and unknown event types are
 * skipped. One `JSON.parse` per event.
 *
 * @see https://docs.anthropic.com/en/docs/build-with-claude/streaming
 * @module
 */

import { ResponseAccumulator } from "../../codec/accumulator.ts";
import { EventBuffer } from "../../codec/sink.ts";
import { invalidField, isJsonObject } from "../../codec/json.ts";
import { assembleStreamDecoder } from "../../codec/stream.ts";
import type { StreamDecoder, StreamDecoderOptions } from "../../common/provider.ts";
import { anthropicStreamError } from "./errors.ts";
import {
  onContentBlockDelta,
  onContentBlockStart,
  onContentBlockStop,
  onMessageDelta,
  onMessageStart,
} from "./reader.ts";

function onEvent(acc: ResponseAccumulator, data: string): void {
  const json = JSON.parse(data);
  if (!isJsonObject(json)) throw invalidField("anthropic", "event", "an object", json);
  switch (json.type) {
    case "content_block_delta":
      return onContentBlockDelta(acc, json);
    case "content_block_start":
      return onContentBlockStart(acc, json);
    case "content_block_stop":
      return onContentBlockStop(acc, json);
    case "message_start": {
      const message = json.message;
      if (!isJsonObject(message)) {
        throw invalidField("anthropic", "message", "an object", message);
      }
      return onMessageStart(acc, message, false);
    }
    case "message_delta":
      return onMessageDelta(acc, json);
    case "message_stop":
      return acc.terminate();
    case "error":
      return acc.fail(anthropicStreamError(json));
  }
}

/**
 * Creates a decoder for an Anthropic Messages stream.
 *
 * @param options Event size cap.
 * @returns The decoder: push bytes or text, get events; `end()` gives the response.
 *
 * @example
 * ```ts
 * import { anthropic } from "@rosetta/llm";
 * import assert from "node:assert/strict";
 * const decoder = anthropic.createStreamDecoder();
 * decoder.push('event: message_start\ndata: {"type":"message_start","message":{"id":"msg_1","model":"claude-haiku-4-5","usage":{"input_tokens":3,"output_tokens":1}}}\n\n');
 * decoder.push('event: content_block_start\ndata: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}\n\n');
 * const events = decoder.push('event: content_block_delta\ndata: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Hi"}}\n\n');
 * assert.deepEqual(events, [{ type: "text_delta", index: 0, text: "Hi" }]);
 * decoder.push('event: message_delta\ndata: {"type":"message_delta","delta":{"stop_reason":"end_turn"},"usage":{"output_tokens":2}}\n\nevent: message_stop\ndata: {"type":"message_stop"}\n\n');
 * assert.equal(decoder.end().content[0].type, "text");
 * ```
 */
export function createAnthropicStreamDecoder(options: StreamDecoderOptions = {}): StreamDecoder {
  const acc = new ResponseAccumulator("anthropic", new EventBuffer());
  return assembleStreamDecoder(acc, "message_stop", options, (_event, data) => {
    onEvent(acc, data);
  });
}

/**
 * Anthropic Messages SSE → canonical events: `message_start`, `content_block_start` /
 * `_delta` / `_stop`, `message_delta`, `message_stop`, `ping`, `error`. Unknown event, block
 * and delta types are skipped. One `JSON.parse` per event; blocks keyed by their `index`.
 *
 * @see https://docs.anthropic.com/en/docs/build-with-claude/streaming
 * @module
 */

import { invalidField, isJsonObject } from "../../common/json.ts";
import {
  assembleStreamDecoder,
  type StreamDecoder,
  type StreamDecoderOptions,
} from "../../common/stream.ts";
import type { JsonObject } from "../../common/types.ts";
import { anthropicStreamError } from "./errors.ts";
import { mapAnthropicStopReason, mapAnthropicUsage } from "./response.ts";

function string(value: unknown, path: string): string {
  if (typeof value !== "string") throw invalidField("anthropic", path, "a string", value);
  return value;
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
  return assembleStreamDecoder("anthropic", "message_stop", options, (acc) => {
    // message_start carries input usage, message_delta the final output count: merge them.
    const usage: JsonObject = {};
    return (_event, data) => {
      const json = JSON.parse(data);
      if (!isJsonObject(json)) throw invalidField("anthropic", "event", "an object", json);
      switch (json.type) {
        case "content_block_delta": {
          const delta = json.delta as JsonObject;
          const index = json.index as number;
          switch (delta?.type) {
            case "text_delta":
              return acc.text(index, string(delta.text, "delta.text"));
            case "input_json_delta":
              return acc.toolDelta(index, string(delta.partial_json, "delta.partial_json"));
            case "thinking_delta":
              return acc.thinking(index, string(delta.thinking, "delta.thinking"));
            case "signature_delta":
              return acc.signature(index, string(delta.signature, "delta.signature"));
          }
          return;
        }
        case "content_block_start": {
          const block = json.content_block;
          const index = json.index;
          if (!isJsonObject(block)) {
            throw invalidField("anthropic", "content_block", "an object", block);
          }
          if (typeof index !== "number") {
            throw invalidField("anthropic", "index", "a number", index);
          }
          switch (block.type) {
            case "text":
              acc.open(index, "text");
              if (block.text) acc.text(index, string(block.text, "content_block.text"));
              return;
            case "thinking":
              acc.open(index, "thinking");
              if (block.thinking) {
                acc.thinking(index, string(block.thinking, "content_block.thinking"));
              }
              return;
            case "redacted_thinking":
              return acc.redacted(index, string(block.data, "content_block.data"));
            case "tool_use":
              return acc.toolStart(
                index,
                string(block.id, "content_block.id"),
                string(block.name, "content_block.name"),
              );
          }
          return;
        }
        case "content_block_stop":
          return acc.end(json.index as number);
        case "message_start": {
          const message = json.message;
          if (!isJsonObject(message)) {
            throw invalidField("anthropic", "message", "an object", message);
          }
          acc.start(message.id as string | undefined, string(message.model, "message.model"));
          // Report input usage now: a stream cut before message_delta must not lose it.
          if (isJsonObject(message.usage)) {
            Object.assign(usage, message.usage);
            acc.usage(mapAnthropicUsage(usage));
          }
          return;
        }
        case "message_delta": {
          if (isJsonObject(json.usage)) {
            Object.assign(usage, json.usage);
            acc.usage(mapAnthropicUsage(usage));
          }
          const reason = isJsonObject(json.delta) ? json.delta.stop_reason : undefined;
          if (reason !== undefined && reason !== null) {
            acc.finish(mapAnthropicStopReason(reason), reason);
          }
          return;
        }
        case "message_stop":
          return acc.terminate();
        case "error":
          return acc.fail(anthropicStreamError(json));
      }
    };
  });
}

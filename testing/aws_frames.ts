/**
 * AWS event-stream frames written for the mock server, tests and benchmarks: string headers and
 * a payload, with both CRC32s, as `application/vnd.amazon.eventstream` lays them out. Bedrock
 * ConverseStream events are frames with `:event-type`, `:content-type: application/json` and
 * `:message-type: event`; its exceptions have `:message-type: exception` and `:exception-type`.
 * Checked byte for byte against AWS's own encoder in `testing/aws_frames_test.ts`.
 *
 * @see https://docs.aws.amazon.com/transcribe/latest/dg/streaming-setting-up.html#streaming-event-stream
 * @module
 */

import { crc32 } from "../codec/crc32.ts";

const utf8 = new TextEncoder();

/**
 * One frame with string headers (type 7) and a payload.
 *
 * @param headers Header names and string values, in order.
 * @param payload The payload, bytes or text (UTF-8).
 * @returns The frame's bytes.
 *
 * @example
 * ```ts
 * import { awsEventFrame } from "@rosetta/llm/testing";
 * import { createAwsEventStreamDecoder } from "@rosetta/llm/bedrock";
 * import assert from "node:assert/strict";
 * const frame = awsEventFrame({ ":event-type": "messageStop" }, '{"stopReason":"end_turn"}');
 * const [message] = createAwsEventStreamDecoder().push(frame);
 * assert.equal(message.headers[":event-type"], "messageStop");
 * ```
 */
export function awsEventFrame(
  headers: Record<string, string>,
  payload: Uint8Array | string,
): Uint8Array {
  const body = typeof payload === "string" ? utf8.encode(payload) : payload;
  const parts: Uint8Array[] = [];
  let headerBytes = 0;
  for (const name in headers) {
    const key = utf8.encode(name);
    const value = utf8.encode(headers[name]);
    const part = new Uint8Array(1 + key.length + 3 + value.length);
    part[0] = key.length;
    part.set(key, 1);
    part[1 + key.length] = 7;
    part[2 + key.length] = value.length >> 8;
    part[3 + key.length] = value.length & 0xff;
    part.set(value, 4 + key.length);
    parts.push(part);
    headerBytes += part.length;
  }
  const total = 16 + headerBytes + body.length;
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  view.setUint32(0, total);
  view.setUint32(4, headerBytes);
  view.setUint32(8, crc32(out, 0, 8));
  let at = 12;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  out.set(body, at);
  view.setUint32(total - 4, crc32(out, 0, total - 4));
  return out;
}

/**
 * The headers of a Converse stream event frame.
 *
 * @param event The event type, e.g. `contentBlockDelta`.
 * @returns `:event-type`, `:content-type` and `:message-type`.
 */
export function converseEventHeaders(event: string): Record<string, string> {
  return { ":event-type": event, ":content-type": "application/json", ":message-type": "event" };
}

/**
 * The headers of a Converse stream exception frame.
 *
 * @param exception The exception type as the stream names it, e.g. `throttlingException`.
 * @returns `:exception-type`, `:content-type` and `:message-type`.
 */
export function converseExceptionHeaders(exception: string): Record<string, string> {
  return {
    ":exception-type": exception,
    ":content-type": "application/json",
    ":message-type": "exception",
  };
}

/**
 * Frames joined into one body.
 *
 * @param frames The frames, in order.
 * @returns Their bytes, one after another.
 */
export function joinFrames(frames: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(frames.reduce((n, f) => n + f.length, 0));
  let at = 0;
  for (const frame of frames) {
    out.set(frame, at);
    at += frame.length;
  }
  return out;
}

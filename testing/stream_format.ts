/**
 * How a provider's stream fixtures are framed, so that one contract serves every dialect: SSE
 * text (`.sse`) or AWS binary event-stream frames (`.bin`, Bedrock). A format takes a fixture
 * apart into events (a name, the payload text, and for frames every header) and puts events back
 * together, so that the contract can break one event and reframe the stream.
 *
 * @module
 */

import { createAwsEventStreamDecoder } from "../codec/aws_event_stream.ts";
import type { Provider } from "../common/provider.ts";
import { awsEventFrame, converseEventHeaders, joinFrames } from "./aws_frames.ts";
import { sseEvents, sseText } from "./mutate.ts";

/** One event of a stream fixture. */
export interface FixtureEvent {
  /** The event's name (SSE `event:`, a frame's `:event-type`), if any. */
  event?: string;
  /** The payload text (SSE `data:`, a frame's payload). */
  data: string;
  /** Every string header of a frame (AWS event stream only). */
  headers?: Record<string, string>;
}

/** A stream framing: its fixture extension, and events in and out. */
export interface StreamFormat {
  /** The fixture file extension, with its dot. */
  readonly extension: ".sse" | ".bin";
  /** Takes a well-formed stream apart. */
  events(bytes: Uint8Array): FixtureEvent[];
  /** Frames events as a stream. */
  encode(events: readonly FixtureEvent[]): Uint8Array;
}

const utf8 = new TextDecoder();
const encoder = new TextEncoder();

/** Server-sent events, one `data:` line per event. */
export const sseFormat: StreamFormat = {
  extension: ".sse",
  events: (bytes) => sseEvents(utf8.decode(bytes)),
  encode: (events) => encoder.encode(sseText(events)),
};

/** AWS event-stream frames with string headers and a JSON payload. */
export const awsEventStreamFormat: StreamFormat = {
  extension: ".bin",
  events(bytes) {
    const decoder = createAwsEventStreamDecoder();
    const frames = decoder.push(bytes);
    decoder.end();
    return frames.map((frame) => {
      const headers: Record<string, string> = {};
      for (const name in frame.headers) headers[name] = String(frame.headers[name]);
      const data = utf8.decode(frame.payload);
      const event = headers[":event-type"];
      return event === undefined ? { data, headers } : { event, data, headers };
    });
  },
  encode: (events) =>
    joinFrames(
      events.map((e) => awsEventFrame(e.headers ?? converseEventHeaders(e.event ?? ""), e.data)),
    ),
};

/**
 * The stream format of a provider, from its profile.
 *
 * @param provider A provider.
 * @returns Its format (SSE unless the profile says otherwise).
 */
export function streamFormatOf(provider: Provider): StreamFormat {
  return provider.profile?.streamFormat === "aws-event-stream" ? awsEventStreamFormat : sseFormat;
}

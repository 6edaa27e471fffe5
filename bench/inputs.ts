/**
 * Bench inputs, built once at module load: fixtures per provider and their calibration
 * floors. Bench files take what they need from here; nothing in here is timed.
 *
 * @module
 */

import { createParser, type EventSourceParser } from "eventsource-parser";
import { type ChatRequest, type Provider, type ProviderName, providers } from "../mod.ts";
import { readFixture, readFixtureBytes, readJsonFixture } from "../testing/internal/fixtures.ts";
import { crc32 } from "../codec/crc32.ts";
import type { Library } from "./bench.ts";

/**
 * A library's providers, in registry (and report) order.
 *
 * @param lib The library under measurement.
 * @returns Its providers.
 */
export function providersOf(lib: Library): Provider<ProviderName>[] {
  return Object.values(lib.providers);
}

/**
 * A provider's model for the request benchmarks (one that takes thinking), from this checkout's
 * registry: the reference library is measured on the same inputs.
 *
 * @param provider The provider.
 * @returns Its thinking model.
 */
export function benchModel(provider: ProviderName): string {
  return providers[provider].profile.models.thinking;
}

/**
 * A JSON fixture as compact JSON re-parsed: the strings a floor's wire body holds too (it is
 * parsed from a serializer's output). On Bun, `JSON.stringify` of strings parsed from the
 * indented fixture file takes ~1.4× as long as of the same strings re-parsed (2.6 vs 1.9 µs for
 * the complex request): left as read, the floor ratio would measure where the strings came from.
 *
 * @param name The fixture's path under `fixtures/`.
 * @returns The parsed fixture.
 */
export function requestFixture<T>(name: string): T {
  return JSON.parse(JSON.stringify(readJsonFixture<T>(name)));
}

/**
 * A canonical request fixture with a provider's model.
 *
 * @param name `request_simple` or `request_complex`.
 * @param provider The provider.
 * @returns The request.
 */
export function request(
  name: "request_simple" | "request_complex",
  provider: ProviderName,
): ChatRequest {
  return {
    ...requestFixture<ChatRequest>(`benchmarks/${name}.json`),
    model: benchModel(provider),
  };
}

/**
 * The JSON.stringify floor of what a request serializes to: the wire object, stringified.
 *
 * @param provider The provider.
 * @param req The request.
 * @returns The floor function.
 */
export function stringifyFloor(provider: Provider<ProviderName>, req: ChatRequest): () => string {
  const wire = JSON.parse(provider.serializeRequest(req));
  return () => JSON.stringify(wire);
}

// JSON texts carried inside a body's strings: OpenAI's tool-call `arguments` (both dialects). A
// reader that gives arguments as objects must parse them, as any library must: floor work.
function embeddedJson(value: unknown, found: string[] = []): string[] {
  if (typeof value === "string") {
    const first = value.trimStart()[0];
    if (first === "{" || first === "[") {
      try {
        JSON.parse(value);
        found.push(value);
      } catch { /* text that only looks like JSON */ }
    }
  } else if (typeof value === "object" && value !== null) {
    for (const item of Object.values(value)) embeddedJson(item, found);
  }
  return found;
}

/**
 * The JSON.parse floor of a body: the body, and each JSON text carried in one of its strings
 * (found once, here, not in the timed function).
 *
 * @param body JSON text.
 * @returns The floor function.
 */
export function parseFloor(body: string): () => unknown {
  const embedded = embeddedJson(JSON.parse(body));
  if (embedded.length === 0) return () => JSON.parse(body);
  return () => {
    const parsed = JSON.parse(body);
    for (let i = 0; i < embedded.length; i++) JSON.parse(embedded[i]);
    return parsed;
  };
}

/**
 * A bench fixture's text.
 *
 * @param provider The provider.
 * @param file e.g. `response_complex.json`, `stream_basic.txt`.
 * @returns The text.
 */
export function benchFixture(provider: ProviderName, file: string): string {
  return readFixture(`benchmarks/${provider}/${file}`);
}

/**
 * The floor of stream decoding: a bare `eventsource-parser` over the same bytes with one
 * `JSON.parse` per event.
 *
 * @param bytes The stream.
 * @returns The floor function; it returns the number of events.
 */
export function sseFloor(bytes: Uint8Array): () => number {
  return () => {
    const events = parsedEvents();
    events.parser.feed(new TextDecoder().decode(bytes));
    return events.count;
  };
}

// A bare eventsource-parser that JSON.parses each event's data and counts the events.
function parsedEvents(): { parser: EventSourceParser; count: number } {
  const events = {
    count: 0,
    parser: createParser({
      onEvent(event) {
        if (event.data !== "[DONE]") JSON.parse(event.data);
        events.count++;
      },
    }),
  };
  return events;
}

/**
 * The floor of stream decoding over a body: the same parser fed chunk by chunk as they arrive.
 *
 * @param body A response body.
 * @returns The number of events.
 */
export async function readSseBody(body: ReadableStream<Uint8Array>): Promise<number> {
  const events = parsedEvents();
  const decoder = new TextDecoder();
  const reader = body.getReader();
  while (true) {
    const chunk = await reader.read();
    if (chunk.done) return events.count;
    events.parser.feed(decoder.decode(chunk.value, { stream: true }));
  }
}

/** How a dialect frames its streams: server-sent events, or AWS's binary event stream. */
export type Framing = "sse" | "aws-event-stream";

/**
 * A provider's stream framing.
 *
 * @param provider The provider.
 * @returns Its framing (SSE unless its profile says otherwise).
 */
export function framingOf(provider: Provider<ProviderName>): Framing {
  return provider.profile.streamFormat ?? "sse";
}

/**
 * A bench stream fixture: `<name>.txt` for SSE dialects, `<name>.bin` for event-stream ones.
 *
 * @param provider The provider.
 * @param name `stream_basic`, `stream_tools` or `stream_complex`.
 * @returns The stream's bytes.
 */
export function benchStream(provider: Provider<ProviderName>, name: string): Uint8Array {
  return framingOf(provider) === "sse"
    ? bytesOf(benchFixture(provider.name, `${name}.txt`))
    : readFixtureBytes(`benchmarks/${provider.name}/${name}.bin`);
}

const utf8 = new TextDecoder();

// Each frame of an event stream, by the total length its prelude starts with.
function frames(bytes: Uint8Array): Uint8Array[] {
  const out: Uint8Array[] = [];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = 0; at + 12 <= bytes.length;) {
    const total = view.getUint32(at);
    out.push(bytes.subarray(at, at + total));
    at += total;
  }
  return out;
}

/**
 * The floor of an event-stream frame's decoding: its length read from the prelude, the CRC32 over
 * the frame that any decoder must check (AWS's own do), its payload decoded as UTF-8 and
 * `JSON.parse`d; its headers are not read. Like {@link sseFloor}, which makes its parser and its
 * `TextDecoder` per call, it makes its `TextDecoder` per call: a stream's reader starts afresh.
 *
 * @param bytes The stream.
 * @returns The floor function; it returns the number of frames.
 */
export function frameFloor(bytes: Uint8Array): () => number {
  return () => {
    const utf8 = new TextDecoder();
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let count = 0;
    for (let at = 0; at + 12 <= bytes.length; count++) {
      const total = view.getUint32(at);
      const payload = at + 12 + view.getUint32(at + 4);
      if (crc32(bytes, at, at + total - 4) !== view.getUint32(at + total - 4)) return -1;
      JSON.parse(utf8.decode(bytes.subarray(payload, at + total - 4)));
      at += total;
    }
    return count;
  };
}

/**
 * The floor of a stream in its framing.
 *
 * @param bytes The stream.
 * @param framing How it is framed.
 * @returns The floor function; it returns the number of events.
 */
export function streamFloor(bytes: Uint8Array, framing: Framing = "sse"): () => number {
  return framing === "sse" ? sseFloor(bytes) : frameFloor(bytes);
}

/**
 * What a stream floor is, for reports.
 *
 * @param framing The framing.
 * @returns The floor's name.
 */
export function floorNameOf(framing: Framing): string {
  return framing === "sse"
    ? "eventsource-parser + JSON.parse"
    : "frame lengths + CRC32 + JSON.parse";
}

/**
 * How many events a stream holds (what streaming times are reported per).
 *
 * @param bytes The stream.
 * @param framing How it is framed.
 * @returns The event count.
 */
export function countEvents(bytes: Uint8Array, framing: Framing = "sse"): number {
  return streamFloor(bytes, framing)();
}

/** UTF-8 bytes of a string. */
export const bytesOf = (text: string): Uint8Array => new TextEncoder().encode(text);

/**
 * A stream cut after each event, one chunk per event as a server flushes them.
 *
 * @param bytes The stream.
 * @param framing How it is framed.
 * @returns Its events' bytes, in order.
 */
export function eventChunks(bytes: Uint8Array, framing: Framing = "sse"): Uint8Array[] {
  if (framing !== "sse") return frames(bytes);
  return utf8.decode(bytes).split(/(?<=\r?\n\r?\n)/).map(bytesOf);
}

/**
 * The floor of stream decoding over a body in its framing, chunk by chunk as they arrive.
 *
 * @param body A response body.
 * @param framing How it is framed.
 * @returns The number of events.
 */
export async function readBody(
  body: ReadableStream<Uint8Array>,
  framing: Framing = "sse",
): Promise<number> {
  if (framing === "sse") return await readSseBody(body);
  const chunks: Uint8Array[] = [];
  let length = 0;
  const reader = body.getReader();
  while (true) {
    const chunk = await reader.read();
    if (chunk.done) break;
    chunks.push(chunk.value);
    length += chunk.value.length;
  }
  const all = new Uint8Array(length);
  chunks.reduce((at, chunk) => (all.set(chunk, at), at + chunk.length), 0);
  return frameFloor(all)();
}

/**
 * A body that hands out one chunk per pull, as a fetch body delivers them.
 *
 * @param chunks The chunks.
 * @param highWaterMark Chunks queued ahead of the reader: the stream default, 1, or 0 to pull only
 *   when the reader asks.
 * @returns A fresh body over the chunks.
 */
export function chunkedBody(chunks: Uint8Array[], highWaterMark = 1): ReadableStream<Uint8Array> {
  let next = 0;
  return new ReadableStream<Uint8Array>({
    pull: (controller) =>
      next < chunks.length ? controller.enqueue(chunks[next++]) : controller.close(),
  }, { highWaterMark });
}

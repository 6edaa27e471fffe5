/**
 * Bench inputs, built once at module load: fixtures per provider and their calibration
 * floors. Bench files take what they need from here; nothing in here is timed.
 *
 * @module
 */

import { createParser, type EventSourceParser } from "eventsource-parser";
import { type ChatRequest, type Provider, type ProviderName, providers } from "../mod.ts";
import { readFixture, readJsonFixture } from "../testing/internal/fixtures.ts";
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

/**
 * How many SSE events a stream holds (what streaming times are reported per).
 *
 * @param bytes The stream.
 * @returns The event count.
 */
export function countEvents(bytes: Uint8Array): number {
  return sseFloor(bytes)();
}

/** UTF-8 bytes of a string. */
export const bytesOf = (text: string): Uint8Array => new TextEncoder().encode(text);

/**
 * A stream's text cut after each event, one chunk per SSE event as a server flushes them.
 *
 * @param text The stream.
 * @returns Its events' bytes, in order.
 */
export function eventChunks(text: string): Uint8Array[] {
  return text.split(/(?<=\r?\n\r?\n)/).map(bytesOf);
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

/**
 * Ways the same bytes can arrive: whole, one byte at a time, cut at every line end (between
 * CR and LF too), cut inside every multi-byte UTF-8 character, and seeded random splits.
 *
 * @module
 */

import type { ChatResponse } from "../common/types.ts";
import type { StreamEvent } from "../common/events.ts";
import type { StreamDecoder } from "../common/provider.ts";

/** A named way of cutting a byte string into chunks. */
export interface Chunking {
  /** What the cut is, for failure messages. */
  name: string;
  /** The chunks, in order; concatenated they are the input. */
  chunks: Uint8Array[];
}

function cutAt(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  let start = 0;
  for (const cut of [...new Set(cuts)].sort((a, b) => a - b)) {
    if (cut <= start || cut >= bytes.length) continue;
    chunks.push(bytes.subarray(start, cut));
    start = cut;
  }
  chunks.push(bytes.subarray(start));
  return chunks;
}

/**
 * Every chunking the stream tests feed.
 *
 * @param bytes The whole input.
 * @param seeds Seeds for random splits.
 * @returns Named chunkings.
 */
export function chunkings(bytes: Uint8Array, seeds: number[] = [1, 2, 3, 4, 5]): Chunking[] {
  const lineEnds: number[] = [];
  const insideChars: number[] = [];
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x0d || bytes[i] === 0x0a) lineEnds.push(i, i + 1);
    // A continuation byte: cutting before it splits a code point.
    if ((bytes[i] & 0xc0) === 0x80) insideChars.push(i);
  }
  const result: Chunking[] = [
    { name: "whole", chunks: [bytes] },
    { name: "1-byte", chunks: Array.from(bytes, (_, i) => bytes.subarray(i, i + 1)) },
    { name: "line ends", chunks: cutAt(bytes, lineEnds) },
    { name: "inside UTF-8 characters", chunks: cutAt(bytes, insideChars) },
  ];
  for (const seed of seeds) {
    let state = seed * 2654435761 >>> 0 || 1;
    const cuts: number[] = [];
    for (let at = 0; at < bytes.length;) {
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      at += 1 + ((state >>> 0) % 64);
      cuts.push(at);
    }
    result.push({ name: `random seed ${seed}`, chunks: cutAt(bytes, cuts) });
  }
  return result;
}

/** What a decoder made of one chunking. */
export interface Decoded {
  /** Every event, in order. */
  events: StreamEvent[];
  /** The final response, when `end()` returned one. */
  response?: ChatResponse;
  /** What `end()` threw, otherwise. */
  error?: unknown;
}

/**
 * Feeds chunks to a decoder and collects the events and the outcome of `end()`.
 *
 * @param decoder A fresh decoder.
 * @param chunks The input, bytes or text.
 * @returns Events and the response or error.
 */
export function decodeChunks(decoder: StreamDecoder, chunks: Array<Uint8Array | string>): Decoded {
  const events: StreamEvent[] = [];
  for (const chunk of chunks) {
    for (const event of decoder.push(chunk)) events.push(event);
  }
  try {
    return { events, response: decoder.end() };
  } catch (error) {
    return { events, error };
  }
}

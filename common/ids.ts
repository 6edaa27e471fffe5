/**
 * Tool-call ids for providers that send none (Google): 22 characters of base64url, i.e.
 * 128 bits. Injectable, so tests and benchmarks are deterministic.
 *
 * @module
 */

/** Makes one id per call. */
export type IdGenerator = () => string;

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

function encode(bytes: Uint8Array, offset: number): string {
  let id = "";
  // 16 bytes → 22 characters: 21 full 6-bit groups from 126 bits, then the last 2 bits.
  let bits = 0;
  let value = 0;
  for (let i = offset; i < offset + 16; i++) {
    value = (value << 8) | bytes[i];
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      id += ALPHABET[(value >> bits) & 63];
    }
  }
  return id + ALPHABET[(value << (6 - bits)) & 63];
}

// A call to crypto.getRandomValues costs about as much for 4 KiB as for 16 bytes (~1.5 µs on
// Node), three times what a Gemini tool call costs to decode: draw 256 ids' worth at once.
const pool = new Uint8Array(4096);
let poolOffset = pool.length;

/**
 * A random 22-character base64url id from `crypto.getRandomValues`.
 *
 * @returns A fresh id.
 *
 * @example
 * ```ts
 * import { randomId } from "@rosetta/llm";
 * import assert from "node:assert/strict";
 * assert.match(randomId(), /^[A-Za-z0-9_-]{22}$/);
 * ```
 */
export function randomId(): string {
  if (poolOffset === pool.length) {
    crypto.getRandomValues(pool);
    poolOffset = 0;
  }
  const id = encode(pool, poolOffset);
  poolOffset += 16;
  return id;
}

/**
 * A deterministic id generator (xorshift32 from `seed`), for tests and benchmarks.
 *
 * @param seed Any non-zero 32-bit integer.
 * @returns A generator giving the same ids for the same seed.
 *
 * @example
 * ```ts
 * import { seededIdGenerator } from "@rosetta/llm";
 * import assert from "node:assert/strict";
 * assert.equal(seededIdGenerator(7)(), seededIdGenerator(7)());
 * ```
 */
export function seededIdGenerator(seed: number): IdGenerator {
  let state = seed | 0 || 0x9e3779b9;
  const bytes = new Uint8Array(16);
  return () => {
    for (let i = 0; i < 16; i++) {
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      bytes[i] = state & 255;
    }
    return encode(bytes, 0);
  };
}

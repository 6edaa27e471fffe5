/**
 * Tool-call ids for providers that send none (Google): 22 characters of the base64url
 * alphabet, unique (not secret). Injectable, so tests and benchmarks are deterministic.
 *
 * @module
 */

/** Makes one id per call. */
export type IdGenerator = () => string;

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const CODES = Uint8Array.from(ALPHABET, (char) => char.charCodeAt(0));

// Three bytes at `i` as one 24-bit number: four 6-bit characters.
function triple(bytes: Uint8Array, i: number): number {
  return (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
}

// 16 bytes → 22 characters: five triples, then the last byte's 6 + 2 bits. One fromCharCode:
// building it with `+=` a character at a time cost ~180 ns an id on Bun and Node (3–5×).
function encode(bytes: Uint8Array, offset: number): string {
  const c = CODES;
  const a = triple(bytes, offset);
  const b = triple(bytes, offset + 3);
  const d = triple(bytes, offset + 6);
  const e = triple(bytes, offset + 9);
  const f = triple(bytes, offset + 12);
  const last = bytes[offset + 15];
  return String.fromCharCode(
    c[a >> 18],
    c[(a >> 12) & 63],
    c[(a >> 6) & 63],
    c[a & 63],
    c[b >> 18],
    c[(b >> 12) & 63],
    c[(b >> 6) & 63],
    c[b & 63],
    c[d >> 18],
    c[(d >> 12) & 63],
    c[(d >> 6) & 63],
    c[d & 63],
    c[e >> 18],
    c[(e >> 12) & 63],
    c[(e >> 6) & 63],
    c[e & 63],
    c[f >> 18],
    c[(f >> 12) & 63],
    c[(f >> 6) & 63],
    c[f & 63],
    c[last >> 2],
    c[(last << 4) & 63],
  );
}

// A call to crypto.getRandomValues costs about as much for 4 KiB as for 16 bytes (~1.5 µs on
// Node): draw 256 prefixes' worth at once.
const pool = new Uint8Array(4096);
let poolOffset = pool.length;
// The current prefix and the place of the next id under it, in one object: each module-scope
// variable read costs JSC 16–19 bytes of bytecode, and randomId must stay small enough (170)
// to be inlined where ids are made.
const ids = { prefix: "", place: 64, alphabet: ALPHABET };

// 21 random characters (126 bits) for the next 64 ids.
function renew(): void {
  if (poolOffset === pool.length) {
    crypto.getRandomValues(pool);
    poolOffset = 0;
  }
  ids.prefix = encode(pool, poolOffset).slice(0, 21);
  ids.place = 0;
  poolOffset += 16;
}

// One two-piece string per id, joined when first read: an id made and read cost 31 ns on Bun
// and 33 on Node, where encoding 22 random characters per id cost 64 and 37 (~90 ns a call in
// a Gemini body parse on Bun).
/**
 * A unique id of 22 characters of the base64url alphabet: 21 random characters (126 bits from
 * `crypto.getRandomValues`) shared by 64 consecutive ids, then the id's place among them.
 * Unique within a process (each copy of the module) and, with 126 random bits, across
 * processes; not secret (the next ids of a process can be guessed from one).
 *
 * @returns A fresh id.
 *
 * @example
 * ```ts
 * import { randomId } from "@rosetta/llm";
 * import assert from "node:assert/strict";
 * assert.match(randomId(), /^[A-Za-z0-9_-]{22}$/);
 * assert.notEqual(randomId(), randomId());
 * ```
 */
export function randomId(): string {
  const next = ids;
  if (next.place === 64) renew();
  return next.prefix + next.alphabet[next.place++];
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

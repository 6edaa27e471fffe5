import { test } from "node:test";
import assert from "node:assert/strict";
import { Random } from "../testing/internal/random.ts";
import { Utf8Decoder } from "./utf8.ts";

// What TextDecoder's stream mode makes of the same chunks: the behaviour to keep.
function reference(chunks: Uint8Array[]): string {
  const decoder = new TextDecoder();
  return chunks.map((chunk) => decoder.decode(chunk, { stream: true })).join("") +
    decoder.decode();
}

function decode(chunks: Uint8Array[]): string {
  const decoder = new Utf8Decoder();
  return chunks.map((chunk) => decoder.decode(chunk)).join("") + decoder.end();
}

// Splits `bytes` into chunks of 0 to 5 bytes at seeded random points, so that a failure repeats.
function split(bytes: Uint8Array, seed: number): Uint8Array[] {
  const random = new Random(seed);
  const chunks: Uint8Array[] = [];
  for (let at = 0; at < bytes.length;) {
    const size = random.int(6);
    chunks.push(bytes.subarray(at, at + size));
    at += size;
  }
  return chunks;
}

const text = "\ufeffdata: 27 × 453 ☀️ 𝄞 é\n\n\ufeff€";
const valid = new TextEncoder().encode(text);
// Cut and stray sequences: a lead without its continuation, lone continuations, invalid leads.
const invalid = new Uint8Array([
  ...valid.subarray(0, 8),
  0xe2,
  0x82,
  0x41,
  0x80,
  0xbf,
  0xf0,
  0x9f,
  0xff,
  0xc0,
  0xaf,
  ...valid.subarray(8),
  0xf0,
  0x9f,
  0x98,
]);

test("Utf8Decoder decodes any split of valid UTF-8 as TextDecoder's stream mode does", () => {
  let empty = 0;
  for (let seed = 1; seed <= 200; seed++) {
    const chunks = split(valid, seed);
    empty += chunks.filter((chunk) => chunk.length === 0).length;
    assert.equal(decode(chunks), reference(chunks), `seed ${seed}`);
  }
  assert.ok(empty > 0, "the splits include empty chunks");
  assert.equal(decode([valid]), text.slice(1));
});

test("Utf8Decoder replaces invalid and cut sequences as TextDecoder's stream mode does", () => {
  let empty = 0;
  for (let seed = 1; seed <= 200; seed++) {
    const chunks = split(invalid, seed);
    empty += chunks.filter((chunk) => chunk.length === 0).length;
    assert.equal(decode(chunks), reference(chunks), `seed ${seed}`);
  }
  assert.ok(empty > 0, "the splits include empty chunks");
  assert.equal(decode([invalid]), reference([invalid]));
});

test("Utf8Decoder strips one byte-order mark, at the start of the stream only", () => {
  const bom = new Uint8Array([0xef, 0xbb, 0xbf]);
  assert.equal(
    decode([bom.subarray(0, 1), bom.subarray(1), bom, new Uint8Array([0x61])]),
    "\ufeffa",
  );
  assert.equal(decode([new Uint8Array([0x61]), bom]), "a\ufeff");
});

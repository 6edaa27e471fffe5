// CRC-32 in JavaScript (slicing-by-8) and in WebAssembly memory (slicing-by-16) against the
// one-bit-at-a-time definition, at every length 0..300 and seeded random offsets and splits.
import { test } from "node:test";
import assert from "node:assert/strict";
import { Random } from "../testing/internal/random.ts";
import {
  crc32,
  crc32Memory,
  crc32Update,
  createJsCrc32Memory,
  createWasmCrc32Memory,
  zeroFeed,
} from "./crc32.ts";

// The definition: reflected polynomial 0xEDB88320, one bit at a time, no table.
function bitwiseCrc32(bytes: Uint8Array, start: number, end: number): number {
  let c = ~0;
  for (let i = start; i < end; i++) {
    c ^= bytes[i];
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return ~c >>> 0;
}

function randomBytes(random: Random, length: number): Uint8Array {
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) out[i] = random.int(256);
  return out;
}

const check = new TextEncoder().encode("xx123456789yy");
const memories = [
  { name: "WebAssembly", memory: createWasmCrc32Memory() },
  { name: "JavaScript", memory: createJsCrc32Memory() },
];

test("crc32 and both CRC memories give the standard check value", () => {
  assert.equal(crc32(check, 2, 11), 0xcbf43926);
  assert.equal(bitwiseCrc32(check, 2, 11), 0xcbf43926);
  for (const { name, memory } of memories) {
    memory.load(check);
    assert.equal(~memory.update(~0, 2, 7, 11) >>> 0, 0xcbf43926, name);
    assert.equal(~memory.registerAtMid() >>> 0, bitwiseCrc32(check, 2, 7), name);
  }
});

test("crc32 and both CRC memories match the bitwise CRC at every length 0..300 (seeded)", () => {
  const random = new Random(23);
  for (let length = 0; length <= 300; length++) {
    const offset = random.int(40);
    const bytes = randomBytes(random, offset + length + random.int(40));
    const start = offset;
    const end = offset + length;
    const mid = start + random.int(length + 1);
    const want = bitwiseCrc32(bytes, start, end);
    assert.equal(crc32(bytes, start, end), want, `length ${length}`);
    assert.equal(~crc32Update(crc32Update(~0, bytes, start, mid), bytes, mid, end) >>> 0, want);
    for (const { name, memory } of memories) {
      // Loaded from a random point before the range, as a decoder loads a window of a chunk.
      const from = random.int(offset + 1);
      memory.load(bytes.subarray(from));
      const got = memory.update(~0, start - from, mid - from, end - from);
      assert.equal(~got >>> 0, want, `${name}, length ${length}`);
      assert.equal(~memory.registerAtMid() >>> 0, bitwiseCrc32(bytes, start, mid), name);
    }
  }
});

test("the WebAssembly CRC memory grows for a large load and keeps its tables", () => {
  const memory = createWasmCrc32Memory();
  const bytes = randomBytes(new Random(7), 300_000);
  memory.load(bytes);
  assert.equal(~memory.update(~0, 5, 150_000, 300_000) >>> 0, crc32(bytes, 5, 300_000));
  memory.load(check);
  assert.equal(~memory.update(~0, 2, 2, 11) >>> 0, 0xcbf43926);
});

test("crc32Memory is made once per process", () => {
  assert.equal(crc32Memory(), crc32Memory());
});

test("zeroFeed gives a part's raw CRC from the registers around it", () => {
  const random = new Random(5);
  for (let n = 0; n <= 100; n += 7) {
    const bytes = randomBytes(random, 20 + n);
    const before = crc32Update(~0, bytes, 0, 20);
    const after = crc32Update(before, bytes, 20, 20 + n);
    assert.equal((after ^ zeroFeed(n, before)) >>> 0, crc32Update(0, bytes, 20, 20 + n) >>> 0);
  }
});

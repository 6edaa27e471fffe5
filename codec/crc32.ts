/**
 * CRC-32 (IEEE 802.3, the zlib and PNG checksum), table-driven: what AWS event-stream frames
 * carry over their prelude and their whole message. `crc32` and `crc32Update` compute in
 * JavaScript (slicing-by-8); a decoder checks whole frames in WebAssembly memory (`crc32Memory`,
 * slicing-by-16), where a frame of the framing bench costs ~70% as much on V8 and ~55% on
 * JavaScriptCore.
 *
 * @module
 */

import { CRC32_WASM_BASE64 } from "./crc32_wasm.ts";

// Slicing tables: T[0] is the classic reflected 0xEDB88320 table; T[k][n] is the CRC of byte n
// followed by k zero bytes, so that eight bytes (here) or sixteen (the WebAssembly module) are
// folded per step (on Deno: ~5 ns a byte one at a time, a quarter of that eight at a time).
const TABLES: Uint32Array = /* @__PURE__ */ (() => {
  const t = new Uint32Array(16 * 256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  for (let n = 0; n < 256; n++) {
    for (let k = 1; k < 16; k++) {
      const previous = t[(k - 1) * 256 + n];
      t[k * 256 + n] = t[previous & 0xff] ^ (previous >>> 8);
    }
  }
  return t;
})();

/**
 * CRC-32 of `bytes[start, end)`, as the event-stream prelude and message checksums use.
 *
 * @param bytes The data.
 * @param start First byte.
 * @param end One past the last byte.
 * @returns The checksum, an unsigned 32-bit integer.
 *
 * @example
 * ```ts
 * import { crc32 } from "./crc32.ts";
 * import assert from "node:assert/strict";
 * assert.equal(crc32(new TextEncoder().encode("123456789"), 0, 9), 0xcbf43926);
 * ```
 */
export function crc32(bytes: Uint8Array, start: number, end: number): number {
  return ~crc32Update(~0, bytes, start, end) >>> 0;
}

/**
 * Feeds `bytes[start, end)` to a CRC-32 register, without the initial and final inversions: a
 * checksum taken in parts is `~crc32Update(crc32Update(~0, a…), b…)`.
 *
 * @param state The register before.
 * @param bytes The data.
 * @param start First byte.
 * @param end One past the last byte.
 * @returns The register after.
 */
export function crc32Update(state: number, bytes: Uint8Array, start: number, end: number): number {
  const t = TABLES;
  let c = state;
  let i = start;
  for (const last = end - 8; i <= last; i += 8) {
    const a = c ^ (bytes[i] | (bytes[i + 1] << 8) | (bytes[i + 2] << 16) | (bytes[i + 3] << 24));
    c = t[1792 + (a & 0xff)] ^ t[1536 + ((a >>> 8) & 0xff)] ^ t[1280 + ((a >>> 16) & 0xff)] ^
      t[1024 + (a >>> 24)] ^ t[768 + bytes[i + 4]] ^ t[512 + bytes[i + 5]] ^
      t[256 + bytes[i + 6]] ^ t[bytes[i + 7]];
  }
  for (; i < end; i++) c = t[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return c;
}

// The register maps that feed n zero bytes, by n: linear, so tabled by the register's bytes.
const zeroFeeds = new Map<number, Uint32Array>();

/**
 * A register fed `n` zero bytes. The register is linear in what it was fed, so
 * `crc32Update(s, d) = zeroFeed(n, s) ^ crc32Update(0, d)` for `n` bytes `d`: the second term is
 * the raw CRC of `d` alone, whatever came before it. Tabled once per `n`.
 *
 * @param n How many zero bytes.
 * @param state The register.
 * @returns The register after them.
 *
 * @example The raw CRC of a part, from the registers around it
 * ```ts
 * import { crc32Update, zeroFeed } from "./crc32.ts";
 * import assert from "node:assert/strict";
 * const bytes = new TextEncoder().encode("prelude|headers|payload");
 * const before = crc32Update(~0, bytes, 0, 8);
 * const after = crc32Update(before, bytes, 8, 16);
 * assert.equal(after ^ zeroFeed(8, before), crc32Update(0, bytes, 8, 16));
 * ```
 */
export function zeroFeed(n: number, state: number): number {
  let t = zeroFeeds.get(n);
  if (t === undefined) {
    t = zeroFeedTable(n);
    if (zeroFeeds.size >= 64) zeroFeeds.clear();
    zeroFeeds.set(n, t);
  }
  return t[state & 0xff] ^ t[256 + ((state >>> 8) & 0xff)] ^ t[512 + ((state >>> 16) & 0xff)] ^
    t[768 + (state >>> 24)];
}

// Each register bit fed n zero bytes, then every byte value of each register byte as XORs of them.
function zeroFeedTable(n: number): Uint32Array {
  const basis = new Int32Array(32);
  for (let bit = 0; bit < 32; bit++) {
    let c = 1 << bit;
    for (let k = 0; k < n; k++) c = TABLES[c & 0xff] ^ (c >>> 8);
    basis[bit] = c;
  }
  const table = new Uint32Array(1024);
  for (let k = 0; k < 4; k++) {
    for (let value = 0; value < 256; value++) {
      let out = 0;
      for (let bit = 0; bit < 8; bit++) if (value & (1 << bit)) out ^= basis[8 * k + bit];
      table[256 * k + value] = out;
    }
  }
  return table;
}

/**
 * CRC-32 over bytes copied once into WebAssembly memory (slicing-by-16, `scripts/crc32.wat`):
 * what a stream decoder checks its frames with, one copy per chunk and one call per range.
 */
export interface Crc32Memory {
  /** Copies `bytes` in, in place of what was loaded; `update` offsets count from its start. */
  load(bytes: Uint8Array): void;
  /**
   * {@linkcode crc32Update} over the loaded bytes `[start, end)`, in one call with the register
   * at `mid` kept for {@linkcode Crc32Memory.registerAtMid}.
   */
  update(state: number, start: number, mid: number, end: number): number;
  /** The register at `mid` of the last `update`. */
  registerAtMid(): number;
}

let shared: Crc32Memory | undefined;

/**
 * The process's CRC-32 memory, made on first use. Where WebAssembly cannot be compiled (an
 * embedder that forbids it) it computes in JavaScript, on the loaded bytes themselves.
 *
 * @returns The shared memory: load, then update, with nothing else in between.
 *
 * @example
 * ```ts
 * import { crc32, crc32Memory } from "./crc32.ts";
 * import assert from "node:assert/strict";
 * const memory = crc32Memory();
 * memory.load(new TextEncoder().encode("xx123456789"));
 * assert.equal(~memory.update(~0, 2, 5, 11) >>> 0, 0xcbf43926);
 * assert.equal(~memory.registerAtMid() >>> 0, crc32(new TextEncoder().encode("123"), 0, 3));
 * ```
 */
export function crc32Memory(): Crc32Memory {
  if (shared === undefined) {
    try {
      shared = createWasmCrc32Memory();
    } catch {
      shared = createJsCrc32Memory();
    }
  }
  return shared;
}

const PAGE = 65536;
const SPLIT = TABLES.length * 4; // where the module leaves the register at `mid`
const DATA = SPLIT + 16;

/**
 * A new CRC-32 memory in WebAssembly (compiled synchronously: the module is small). Throws where
 * the embedder forbids compiling WebAssembly.
 *
 * @returns The memory.
 */
export function createWasmCrc32Memory(): Crc32Memory {
  const bytes = Uint8Array.from(atob(CRC32_WASM_BASE64), (c) => c.charCodeAt(0));
  const { exports } = new WebAssembly.Instance(new WebAssembly.Module(bytes));
  const memory = exports.memory as WebAssembly.Memory;
  const split = exports.split as (state: number, start: number, mid: number, end: number) => number;
  // WebAssembly memory is little-endian whatever the host's order: words go through a DataView.
  let words = new DataView(memory.buffer);
  for (let i = 0; i < TABLES.length; i++) words.setUint32(4 * i, TABLES[i], true);
  let view = new Uint8Array(memory.buffer);
  return {
    load(bytes) {
      if (DATA + bytes.length > view.length) {
        memory.grow(Math.ceil((DATA + bytes.length - view.length) / PAGE));
        view = new Uint8Array(memory.buffer);
        words = new DataView(memory.buffer);
      }
      view.set(bytes, DATA);
    },
    update: (state, start, mid, end) => split(state, DATA + start, DATA + mid, DATA + end),
    registerAtMid: () => words.getInt32(SPLIT, true),
  };
}

/**
 * The JavaScript stand-in for {@linkcode createWasmCrc32Memory}: it keeps the loaded bytes
 * themselves, not a copy.
 *
 * @returns The memory.
 */
export function createJsCrc32Memory(): Crc32Memory {
  let loaded: Uint8Array = new Uint8Array(0);
  let atMid = 0;
  return {
    load(bytes) {
      loaded = bytes;
    },
    update(state, start, mid, end) {
      atMid = crc32Update(state, loaded, start, mid);
      return crc32Update(atMid, loaded, mid, end);
    },
    registerAtMid: () => atMid,
  };
}

/**
 * CRC-32 (IEEE 802.3, the zlib and PNG checksum), table-driven: what AWS event-stream frames
 * carry over their prelude and their whole message.
 *
 * @module
 */

// The CRC-32 (IEEE 802.3, reflected 0xEDB88320) table, built once at load.
const CRC_TABLE: Uint32Array = /* @__PURE__ */ (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
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
  let c = 0xffffffff;
  for (let i = start; i < end; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

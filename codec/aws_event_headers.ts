/**
 * The headers of AWS event-stream frames: typed values after a one-byte name length and name, and
 * the process-wide cache of header blocks that repeat from frame to frame.
 *
 * @module
 */

import { setOwn } from "./set_own.ts";

/** A header's value: bool, byte/short/int (number), long (bigint), bytes, string, timestamp, UUID (string). */
export type AwsEventHeaderValue = boolean | number | bigint | Uint8Array | string | Date;

/** Headers by name. */
export type AwsEventHeaders = Record<string, AwsEventHeaderValue>;

const utf8 = new TextDecoder();

// Value sizes of the fixed-size types, by type number (bytes and strings carry a 2-byte length).
const FIXED: Record<number, number> = { 2: 1, 3: 2, 4: 4, 5: 8, 8: 8, 9: 16 };

/**
 * Reads the headers in `frame[start, end)`.
 *
 * @param frame The frame's bytes.
 * @param start Where the headers start (after the prelude).
 * @param end Where they end.
 * @param fault Makes the decoder's error for a malformed header, from its description.
 * @returns The headers, and whether every value is immutable (no byte array, no date), so that the
 * block may be kept for later frames.
 */
export function parseHeaders(
  frame: Uint8Array,
  start: number,
  end: number,
  fault: (detail: string) => Error,
): { headers: AwsEventHeaders; constant: boolean } {
  const headers: AwsEventHeaders = {};
  let constant = true;
  const runsPast = (at: number, what: string) =>
    fault(`header at byte ${at} (${what}) runs past the end of the headers`);
  for (let at = start; at < end;) {
    const first = at;
    const nameEnd = at + 1 + frame[at];
    if (nameEnd + 1 > end) throw runsPast(first, "its name");
    const name = utf8.decode(frame.subarray(at + 1, nameEnd));
    const type = frame[nameEnd];
    at = nameEnd + 1;
    if (type > 9) throw fault(`header "${name}" has unknown type ${type}`);
    const size = type < 2 ? 0 : FIXED[type] ?? (at + 2 <= end ? 2 + u16(frame, at) : -1);
    if (size < 0 || at + size > end) throw runsPast(first, `"${name}"`);
    const value = readValue(frame, type, at);
    // Byte arrays view the frame and dates are mutable: a block holding them is not kept.
    if (type === 6 || type === 8) constant = false;
    at += size;
    setOwn(headers, name, value);
  }
  return { headers, constant };
}

function readValue(frame: Uint8Array, type: number, at: number): AwsEventHeaderValue {
  const view = new DataView(frame.buffer, frame.byteOffset, frame.byteLength);
  switch (type) {
    case 0:
      return true;
    case 1:
      return false;
    case 2:
      return view.getInt8(at);
    case 3:
      return view.getInt16(at);
    case 4:
      return view.getInt32(at);
    case 5:
      return view.getBigInt64(at);
    case 6:
      return frame.subarray(at + 2, at + 2 + view.getUint16(at));
    case 7:
      return utf8.decode(frame.subarray(at + 2, at + 2 + view.getUint16(at)));
    case 8:
      return new Date(Number(view.getBigInt64(at)));
    default: {
      let s = "";
      for (let i = 0; i < 16; i++) s += (frame[at + i] + 0x100).toString(16).slice(1);
      return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${
        s.slice(20)
      }`;
    }
  }
}

function u16(bytes: Uint8Array, at: number): number {
  return (bytes[at] << 8) | bytes[at + 1];
}

/** A kept header block: its bytes and its frozen headers. */
export interface KnownBlock {
  bytes: Uint8Array;
  headers: Readonly<AwsEventHeaders>;
}

// Header blocks repeat from frame to frame (Bedrock's are the same three strings for every
// delta): each distinct block is kept with its parsed headers, frozen, and found again by the raw
// CRC-32 of its bytes — which the message checksum computes anyway, so a frame's headers cost
// four table lookups where parsing them (a TextDecoder call per name and value, six per Bedrock
// frame) cost about a microsecond. The map is the process's, so that a short stream finds the
// blocks earlier streams parsed (kept per stream, a 16-event stream read 1.3–1.6× slower); a
// CRC-32 can be forged, so a stream confirms a block's bytes the first time it meets it (a block
// confirmed byte for byte in every frame read 8–10% slower). Only blocks of immutable values are
// kept.
const KNOWN_MAX = 64;
const knownHeaders = new Map<number, KnownBlock>();

/**
 * The kept block whose bytes have this raw CRC-32, if any (a CRC-32 can be forged: confirm the
 * bytes before trusting it).
 *
 * @param key The raw CRC-32 of a header block.
 * @returns The block.
 */
export function knownBlock(key: number): KnownBlock | undefined {
  return knownHeaders.get(key);
}

/**
 * Keeps a parsed block of immutable values, frozen, under the raw CRC-32 of its bytes.
 *
 * @param key The raw CRC-32 of `bytes`.
 * @param bytes The block's bytes (a copy: the frame's buffer is the caller's).
 * @param headers The block parsed.
 * @returns The kept block.
 */
export function rememberHeaders(
  key: number,
  bytes: Uint8Array,
  headers: AwsEventHeaders,
): KnownBlock {
  Object.freeze(headers);
  if (knownHeaders.size >= KNOWN_MAX) knownHeaders.clear();
  const block = { bytes, headers };
  knownHeaders.set(key, block);
  return block;
}

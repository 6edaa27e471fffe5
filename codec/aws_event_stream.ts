/**
 * AWS event-stream frames (`application/vnd.amazon.eventstream`, what Bedrock's ConverseStream
 * answers in) from raw bytes: a pure state machine, no I/O. A frame is a 12-byte prelude (total
 * length, headers length, CRC32 of those 8 bytes), typed headers, the payload and a CRC32 of
 * everything before it; all integers big-endian. Frames may be split anywhere and several may
 * share a chunk. Memory is bounded: a frame larger than `maxFrameSize` is refused as soon as its
 * prelude arrives.
 *
 * @see https://docs.aws.amazon.com/transcribe/latest/dg/streaming-setting-up.html#streaming-event-stream
 * @module
 */

import { ResponseParseError, ValidationError } from "../common/errors.ts";
import { crc32, crc32Memory, crc32Update, zeroFeed } from "./crc32.ts";
import { describeValue } from "./describe.ts";
import {
  type AwsEventHeaders,
  type KnownBlock,
  knownBlock,
  parseHeaders,
  rememberHeaders,
} from "./aws_event_headers.ts";

export type { AwsEventHeaderValue } from "./aws_event_headers.ts";

/** One decoded frame. `payload` and byte-array headers are views into the received bytes. */
export interface AwsEventMessage {
  /**
   * Headers by name, e.g. `:event-type`, `:message-type`, `:content-type`. Frozen: frames whose
   * header bytes are the same (every delta of a stream) share one object.
   */
  headers: Readonly<AwsEventHeaders>;
  /** The payload bytes (Bedrock: one JSON event). */
  payload: Uint8Array;
}

/** A push-based event-stream decoder. */
export interface AwsEventStreamDecoder {
  /**
   * Feeds bytes in any split; returns the frames completed by this chunk, in order. A faulty
   * frame throws; whole frames before it in the same chunk are returned first, and the fault
   * is thrown by the next call.
   */
  push(chunk: Uint8Array): AwsEventMessage[];
  /** Declares the end of input: throws a `truncated_stream` error if a frame was cut short. */
  end(): void;
}

/** Default cap on one frame's total length, in bytes (16 MiB, the format's own maximum). */
export const DEFAULT_MAX_FRAME_SIZE: number = 16 * 1024 * 1024;

const PRELUDE = 12; // total length, headers length, prelude CRC
const OVERHEAD = 16; // prelude and message CRC
const WINDOW = 65536; // bytes of a chunk copied to the CRC memory at once, unless a frame is larger
// Fewer bytes than this are checked in JavaScript: copying them into WebAssembly memory and calling
// across costs more than the faster loop saves (a one-frame chunk of ~150 bytes read +9–28% through
// the module in the bench's `stream: single event`).
const SMALL_LOAD = 512;

/**
 * Creates an event-stream decoder. Pending bytes are kept as a list of chunks and joined once,
 * when a frame is complete: appending per push would copy a frame O(n²) times when it arrives
 * byte by byte. A frame that arrives whole inside one chunk is decoded in place, without a copy.
 * After an error, every later call throws the same error.
 *
 * @param provider Named in errors (default `bedrock`).
 * @param maxFrameSize Largest frame (total length, bytes) to accept.
 * @returns The decoder.
 *
 * @example Two frames split across chunks
 * ```ts
 * import { createAwsEventStreamDecoder } from "@rosetta/llm/bedrock";
 * import assert from "node:assert/strict";
 * // An empty frame: total 16, no headers, prelude CRC, message CRC.
 * const frame = Uint8Array.of(0, 0, 0, 16, 0, 0, 0, 0, 0x05, 0xc2, 0x48, 0xeb, 0x7d, 0x98, 0xc8, 0xff);
 * const decoder = createAwsEventStreamDecoder();
 * assert.equal(decoder.push(frame.subarray(0, 5)).length, 0);
 * const bytes = new Uint8Array([...frame.subarray(5), ...frame]);
 * assert.equal(decoder.push(bytes).length, 2);
 * assert.doesNotThrow(() => decoder.end());
 * ```
 */
export function createAwsEventStreamDecoder(
  provider: string = "bedrock",
  maxFrameSize: number = DEFAULT_MAX_FRAME_SIZE,
): AwsEventStreamDecoder {
  const pending: Uint8Array[] = [];
  const crcMemory = crc32Memory();
  // Blocks of the shared map this stream has confirmed byte for byte.
  const confirmed = new Set<KnownBlock>();
  // Whether a block another stream parsed has these bytes; if so, this stream trusts it from now.
  const confirm = (known: KnownBlock, bytes: Uint8Array, at: number, length: number): boolean => {
    const kept = known.bytes;
    if (kept.length !== length) return false;
    for (let i = 0; i < length; i++) if (kept[i] !== bytes[at + i]) return false;
    confirmed.add(known);
    return true;
  };
  let pendingBytes = 0;
  let expected = 0; // the pending frame's total length, once its prelude is read
  let failed: ResponseParseError | undefined;

  const fail = (path: string, detail: string, type: "invalid_frame" | "event_too_large") => {
    failed = new ResponseParseError(type, `Cannot decode ${provider} event stream: ${detail}`, {
      provider,
      path,
    });
    return failed;
  };

  // Checks a prelude at `at` and returns the frame's total length.
  const prelude = (bytes: Uint8Array, at: number): number => {
    const total = u32(bytes, at);
    const headers = u32(bytes, at + 4);
    const crc = crc32(bytes, at, at + 8);
    if (crc !== u32(bytes, at + 8)) {
      throw fail(
        "prelude",
        `prelude CRC32 mismatch (${hex(u32(bytes, at + 8))}, computed ${hex(crc)})`,
        "invalid_frame",
      );
    }
    if (total < OVERHEAD) {
      throw fail("prelude", `total length ${total} is below the 16-byte minimum`, "invalid_frame");
    }
    if (headers > total - OVERHEAD) {
      throw fail(
        "prelude",
        `headers length ${headers} runs past the end of a ${total}-byte frame`,
        "invalid_frame",
      );
    }
    if (total > maxFrameSize) {
      throw fail(
        "prelude",
        `a frame of ${total} bytes exceeds the ${maxFrameSize}-byte cap`,
        "event_too_large",
      );
    }
    return total;
  };

  // Decodes the whole frame at `at` of `bytes` (its prelude already checked), in place; its bytes
  // are loaded in the CRC memory from `loaded` on, or not at all (-1: checked in JavaScript).
  const decode = (
    bytes: Uint8Array,
    at: number,
    total: number,
    loaded: number,
  ): AwsEventMessage => {
    const stop = at + total - 4;
    const start = at + PRELUDE;
    const length = u32(bytes, at + 4);
    const end = start + length;
    // The message CRC in three parts. The register after the prelude's first eight bytes is the
    // inverse of the prelude CRC, checked already; the register after the headers also names them.
    const prelude = crc32Update(~u32(bytes, at + 8), bytes, at + 8, start);
    let headed: number;
    let crc: number;
    if (loaded < 0) {
      headed = crc32Update(prelude, bytes, start, end);
      crc = ~crc32Update(headed, bytes, end, stop) >>> 0;
    } else {
      const from = loaded + PRELUDE;
      crc = ~crcMemory.update(prelude, from, from + length, loaded + total - 4) >>> 0;
      headed = crcMemory.registerAtMid();
    }
    if (crc !== u32(bytes, stop)) {
      throw fail(
        "message",
        `message CRC32 mismatch (${hex(u32(bytes, stop))}, computed ${hex(crc)})`,
        "invalid_frame",
      );
    }
    const key = headed ^ zeroFeed(length, prelude);
    const known = knownBlock(key);
    const headers =
      known !== undefined && (confirmed.has(known) || confirm(known, bytes, start, length))
        ? known.headers
        : readHeaders(bytes.subarray(at, end), end - at, key, length);
    return { headers, payload: bytes.subarray(end, stop) };
  };

  // Reads a frame's headers (`frame` from its prelude to the headers' end) and keeps a block of
  // immutable values for later frames, confirmed for this stream.
  const readHeaders = (
    frame: Uint8Array,
    end: number,
    key: number,
    length: number,
  ): Readonly<AwsEventHeaders> => {
    const { headers, constant } = parseHeaders(
      frame,
      PRELUDE,
      end,
      (detail) => fail("headers", detail, "invalid_frame"),
    );
    if (constant) {
      confirmed.add(rememberHeaders(key, frame.slice(PRELUDE, PRELUDE + length), headers));
    }
    return headers;
  };

  // Decodes the whole frames of `chunk` in place; keeps a cut last one pending. The chunk goes
  // to the CRC memory in windows of whole frames: [from, to) is the one loaded.
  const scan = (chunk: Uint8Array, out: AwsEventMessage[]): void => {
    let at = 0;
    let from = 0;
    let to = 0;
    while (at < chunk.length) {
      const left = chunk.length - at;
      const total = left >= PRELUDE ? prelude(chunk, at) : 0;
      if (total === 0 || left < total) {
        pending.push(chunk.subarray(at));
        pendingBytes = left;
        expected = total;
        return;
      }
      if (at + total > to) {
        from = at;
        to = Math.min(chunk.length, at + Math.max(total, WINDOW));
        if (to - from >= SMALL_LOAD) crcMemory.load(chunk.subarray(from, to));
      }
      out.push(decode(chunk, at, total, to - from >= SMALL_LOAD ? at - from : -1));
      at += total;
    }
  };

  // Reads a chunk's frames into `out`: those of a frame pending from earlier chunks first.
  const read = (chunk: Uint8Array, out: AwsEventMessage[]): void => {
    if (pendingBytes === 0) return scan(chunk, out);
    pending.push(chunk);
    pendingBytes += chunk.length;
    if (expected === 0 && pendingBytes >= PRELUDE) expected = prelude(join(pending, PRELUDE), 0);
    if (expected === 0 || pendingBytes < expected) return;
    // The frame ends inside this chunk: join it once, then read the rest of the chunk in place.
    const rest = pendingBytes - expected;
    pending[pending.length - 1] = chunk.subarray(0, chunk.length - rest);
    const frame = join(pending, expected);
    pending.length = 0;
    pendingBytes = 0;
    expected = 0;
    if (frame.length >= SMALL_LOAD) crcMemory.load(frame);
    out.push(decode(frame, 0, frame.length, frame.length >= SMALL_LOAD ? 0 : -1));
    scan(chunk.subarray(chunk.length - rest), out);
  };

  return {
    push(chunk) {
      if (failed) throw failed;
      if (!(chunk instanceof Uint8Array)) {
        throw new ValidationError(
          `Cannot decode ${provider} event stream: push takes a Uint8Array, got ${
            describeValue(chunk)
          }`,
          { provider, path: "chunk" },
        );
      }
      const out: AwsEventMessage[] = [];
      try {
        read(chunk, out);
      } catch (error) {
        // The frames before a faulty one are delivered now; the fault at the next call.
        if (error !== failed || out.length === 0) throw error;
      }
      return out;
    },
    end() {
      if (failed) throw failed;
      if (pendingBytes === 0) return;
      const detail = expected === 0
        ? `the stream ended inside a frame's prelude (${pendingBytes} of 12 bytes)`
        : `the stream ended inside a frame (${pendingBytes} of ${expected} bytes)`;
      failed = new ResponseParseError(
        "truncated_stream",
        `Cannot decode ${provider} event stream: ${detail}`,
        {
          provider,
        },
      );
      throw failed;
    },
  };
}

// Big-endian unsigned integers, read without a DataView (one per frame cost an allocation).
function u32(bytes: Uint8Array, at: number): number {
  return ((bytes[at] << 24) | (bytes[at + 1] << 16) | (bytes[at + 2] << 8) | bytes[at + 3]) >>> 0;
}

// The first `length` bytes of the chunks, as one array (the only copy a split frame costs).
function join(chunks: Uint8Array[], length: number): Uint8Array {
  if (chunks[0].length >= length) return chunks[0].subarray(0, length);
  const out = new Uint8Array(length);
  let filled = 0;
  for (const chunk of chunks) {
    const take = Math.min(chunk.length, length - filled);
    out.set(take === chunk.length ? chunk : chunk.subarray(0, take), filled);
    filled += take;
    if (filled === length) break;
  }
  return out;
}

function hex(n: number): string {
  return `0x${n.toString(16).padStart(8, "0")}`;
}

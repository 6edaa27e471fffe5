/**
 * An image's pixel size read from the first bytes of its base64 data (PNG, GIF, JPEG, WebP
 * headers), for token estimates: providers bill images by their dimensions.
 *
 * @module
 */

/** Width and height in pixels. */
export interface ImageSize {
  /** Pixels across. */
  width: number;
  /** Pixels down. */
  height: number;
}

// Enough for every header here: a JPEG's frame header comes after its EXIF and tables, which
// rarely pass 64 KiB.
const PREFIX_CHARACTERS = 87_384;

function bytesOf(base64: string): Uint8Array | undefined {
  const prefix = base64.slice(0, PREFIX_CHARACTERS);
  try {
    const binary = atob(prefix.slice(0, prefix.length - (prefix.length % 4)));
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return undefined;
  }
}

const u16be = (b: Uint8Array, i: number) => (b[i] << 8) | b[i + 1];
const u16le = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8);
const u24le = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8) | (b[i + 2] << 16);
const u32be = (b: Uint8Array, i: number) => u16be(b, i) * 65536 + u16be(b, i + 2);

function jpegSize(b: Uint8Array): ImageSize | undefined {
  let i = 2;
  while (i + 9 < b.length && b[i] === 0xff) {
    const marker = b[i + 1];
    // SOF0–SOF15 but DHT (C4), JPG (C8) and DAC (CC) carry the frame size.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: u16be(b, i + 5), width: u16be(b, i + 7) };
    }
    i += 2 + u16be(b, i + 2);
  }
  return undefined;
}

function webpSize(b: Uint8Array): ImageSize | undefined {
  const chunk = String.fromCharCode(b[12], b[13], b[14], b[15]);
  if (chunk === "VP8X") return { width: u24le(b, 24) + 1, height: u24le(b, 27) + 1 };
  if (chunk === "VP8 ") return { width: u16le(b, 26) & 0x3fff, height: u16le(b, 28) & 0x3fff };
  if (chunk === "VP8L") {
    const bits = b[21] | (b[22] << 8) | (b[23] << 16) | (b[24] << 24);
    return { width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 };
  }
  return undefined;
}

/**
 * The pixel size of a base64 image, from its header.
 *
 * @param base64 The image's base64 data (no `data:` prefix).
 * @returns Its size, or undefined for a format or header not read here.
 *
 * @example A 1×1 PNG
 * ```ts
 * import { imageSize } from "./image_size.ts";
 * import assert from "node:assert/strict";
 * const png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";
 * assert.deepEqual(imageSize(png), { width: 1, height: 1 });
 * assert.equal(imageSize("not an image"), undefined);
 * ```
 */
export function imageSize(base64: string): ImageSize | undefined {
  const b = bytesOf(base64);
  if (b === undefined || b.length < 30) return undefined;
  if (b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) {
    return { width: u32be(b, 16), height: u32be(b, 20) };
  }
  if (b[0] === 0x47 && b[1] === 0x49 && b[2] === 0x46) {
    return { width: u16le(b, 6), height: u16le(b, 8) };
  }
  if (b[0] === 0xff && b[1] === 0xd8) return jpegSize(b);
  if (b[0] === 0x52 && b[1] === 0x49 && b[8] === 0x57 && b[9] === 0x45) return webpSize(b);
  return undefined;
}

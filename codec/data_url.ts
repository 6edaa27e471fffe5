/**
 * Base64 `data:` URLs for request bodies.
 *
 * @module
 */

/**
 * A base64 `data:` URL as one flat string.
 *
 * Joined rather than concatenated: `+` and template literals make a rope (a string of two
 * halves), and on V8 14+ (Deno 2.9) a single rope anywhere in a body sends `JSON.stringify` off
 * its fast path for the whole body, about twice as slow.
 *
 * @param mediaType e.g. `image/png`.
 * @param data The base64 data.
 * @returns `data:<mediaType>;base64,<data>`.
 */
export function dataUrl(mediaType: string, data: string): string {
  return ["data:", mediaType, ";base64,", data].join("");
}

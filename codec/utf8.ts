/**
 * Incremental UTF-8 decoding of a byte stream, as `TextDecoder`'s `stream` mode does it but
 * through the engines' one-shot path whenever a chunk ends on a code point boundary (nearly
 * always). On Deno a `{ stream: true }` decode of a 24 KB stream took 15 µs against 1.4 µs
 * one-shot, and a `TextDecoder` costs 1.4 µs to make; on Bun the final flush alone took 0.2 µs.
 * A streaming decoder is made only when a chunk splits a code point, and used until one ends
 * on a boundary again.
 *
 * @module
 */

// Shared: a one-shot decode keeps no state. The byte-order mark is stripped by Utf8Decoder,
// once, at the start of the stream (a one-shot decoder would strip one at every chunk's start).
const oneShot = new TextDecoder("utf-8", { ignoreBOM: true });

/**
 * Whether the streaming decoder holds the start of a code point after `bytes`.
 *
 * @param bytes The chunk just decoded.
 * @param held Whether it held one before.
 */
function holdsAfter(bytes: Uint8Array, held: boolean): boolean {
  const n = bytes.length;
  // A held prefix is at most three bytes: a lead byte, then continuation bytes only. Invalid
  // leads count as leads here: that only keeps the streaming decoder a chunk longer.
  for (let i = n - 1; i >= 0 && i >= n - 3; i--) {
    const byte = bytes[i];
    if (byte < 0x80) return false;
    if (byte >= 0xc0) return n - i < (byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2);
  }
  // Only continuation bytes: they finish a prefix held from before, or are invalid.
  return n < 3 && held;
}

/** Decodes a UTF-8 byte stream chunk by chunk, a code point split between chunks included. */
export class Utf8Decoder {
  private streaming: TextDecoder | undefined = undefined;
  private held = false;
  private started = false;

  /**
   * Decodes the next chunk; bytes of a code point it splits wait for the next one.
   *
   * @param bytes The chunk.
   * @returns Its text.
   */
  decode(bytes: Uint8Array): string {
    const text = this.held ? this.continued(bytes) : this.whole(bytes);
    return this.started || text === "" ? text : this.start(text);
  }

  /**
   * Ends the stream.
   *
   * @returns U+FFFD for a code point cut at the end, else "".
   */
  end(): string {
    if (!this.held) return "";
    this.held = false;
    return this.streaming!.decode();
  }

  private whole(bytes: Uint8Array): string {
    return holdsAfter(bytes, false) ? this.continued(bytes) : oneShot.decode(bytes);
  }

  private continued(bytes: Uint8Array): string {
    const streaming = this.streaming ??= new TextDecoder("utf-8", { ignoreBOM: true });
    this.held = holdsAfter(bytes, this.held);
    return streaming.decode(bytes, { stream: true });
  }

  // The stream's first text: a byte-order mark is dropped, as TextDecoder does.
  private start(text: string): string {
    this.started = true;
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  }
}

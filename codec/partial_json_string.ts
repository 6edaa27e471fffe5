/**
 * The string value a {@link PartialJsonReader} is in the middle of, as snapshots see it: the text
 * decoded so far, grown by what arrived since the last snapshot, never re-read.
 *
 * @module
 */

import { decode } from "./partial_json_chars.ts";
import type { TextWindow } from "./text_window.ts";

/** An open string value, decoded piece by piece as snapshots ask for it. */
export class OpenString {
  /** Where the decoded text ends in the whole text; -1 until a snapshot looks at the string. */
  to = -1;
  #decoded = "";
  /** `#decoded` ends with a high surrogate. */
  #halfPair = false;

  /** A new string starts: no snapshot has seen it. */
  forget(): void {
    this.to = -1;
    this.#decoded = "";
  }

  /**
   * The text that arrived since the last snapshot, undecoded, and marks it read.
   *
   * @param text The reader's text.
   * @param start Where the string's content starts.
   * @param to Where its whole characters end (before an unfinished escape).
   * @returns The raw text from where the last snapshot stopped.
   */
  take(text: TextWindow, start: number, to: number): string {
    if (this.to < 0) {
      this.to = start;
      this.#halfPair = false;
    }
    const piece = text.range(this.to, to);
    this.to = to;
    return piece;
  }

  /**
   * Appends decoded text.
   *
   * @param piece What {@link take} gave, decoded.
   * @returns The string so far; a trailing high surrogate waits for its pair, so that no
   * snapshot holds half a character.
   */
  grow(piece: string): string {
    if (piece !== "") {
      this.#decoded += piece;
      // Read on the piece: reading the joined string by index would flatten it every time.
      const last = piece.charCodeAt(piece.length - 1);
      this.#halfPair = last >= 0xd800 && last <= 0xdbff;
    }
    return this.#halfPair ? this.#decoded.slice(0, -1) : this.#decoded;
  }

  /**
   * The whole string, once its closing quote arrived: what was decoded and the rest.
   *
   * @param text The reader's text.
   * @param end Where the content ends (the closing quote).
   * @returns The string.
   */
  finish(text: TextWindow, end: number): string {
    const value = this.#decoded + decode(text.range(this.to, end));
    this.forget();
    return value;
  }
}

/**
 * Text that arrives in pieces, kept as one string from the first offset still needed on. Appending
 * with `+=` is O(1) (V8 and JavaScriptCore make a rope); the engine copies the rope into one flat
 * string when it is first sliced, so the reader slices only at a snapshot, a built child or the
 * end, and drops what it no longer needs there: each character is copied a few times at most.
 *
 * @module
 */

/** One text, addressed by offset from its start; the front can be dropped. */
export class TextWindow {
  /** The text from `#start` on. */
  #kept = "";
  #start = 0;
  #length = 0;

  /** The text's length so far, dropped text included. */
  get length(): number {
    return this.#length;
  }

  /** Appends a piece. */
  append(piece: string): void {
    this.#kept += piece;
    this.#length += piece.length;
  }

  /** The text from `from` to `to` (offsets of the whole text); `from` must not be dropped. */
  range(from: number, to: number): string {
    return from >= to ? "" : this.#kept.slice(from - this.#start, to - this.#start);
  }

  /** Drops the text before `offset`: it will not be read again. */
  drop(offset: number): void {
    // Unmoved, nothing is sliced: a long key or number in progress is not copied again.
    if (offset <= this.#start) return;
    this.#kept = this.#kept.slice(offset - this.#start);
    this.#start = offset;
  }
}

/**
 * Text that arrives in pieces, kept as the pieces. A string grown by `+=` is a rope that the
 * engine flattens whenever it is sliced or read by index, so slicing a growing rope after each
 * piece copies all of it each time (quadratic); here a range costs only the pieces it spans.
 *
 * @module
 */

/** Pieces of one text, addressed by offset from the text's start; the front can be dropped. */
export class TextChunks {
  #pieces: string[] = [];
  /** `#starts[k]`: the offset of `#pieces[k]`. */
  #starts: number[] = [];
  /** Index of the first piece kept. */
  #head = 0;
  #length = 0;

  /** The text's length so far, dropped pieces included. */
  get length(): number {
    return this.#length;
  }

  /** Appends a piece. */
  append(piece: string): void {
    if (piece === "") return;
    this.#pieces.push(piece);
    this.#starts.push(this.#length);
    this.#length += piece.length;
  }

  /** The text from `from` to `to` (offsets of the whole text); `from` must not be dropped. */
  range(from: number, to: number): string {
    if (from >= to) return "";
    const k = this.#find(from);
    const first = this.#pieces[k];
    const start = this.#starts[k];
    if (to - start <= first.length) return first.substring(from - start, to - start);
    // Many pieces: one join copies each once, where `+=` would build a deep rope to flatten.
    const out: string[] = [];
    this.collect(out, from, to);
    return out.join("");
  }

  /** Appends the text from `from` to `to` to `out`, as pieces (joined by the caller). */
  collect(out: string[], from: number, to: number): void {
    const pieces = this.#pieces;
    const starts = this.#starts;
    let k = this.#find(from);
    let offset = from - starts[k];
    for (; k < pieces.length && starts[k] < to; k++, offset = 0) {
      const piece = pieces[k];
      const end = Math.min(piece.length, to - starts[k]);
      out.push(offset === 0 && end === piece.length ? piece : piece.substring(offset, end));
    }
  }

  /** Drops the pieces that end at or before `offset`: they will not be read again. */
  drop(offset: number): void {
    const pieces = this.#pieces;
    let head = this.#head;
    while (head < pieces.length && this.#starts[head] + pieces[head].length <= offset) head++;
    // Shifting the arrays on every drop would copy them each time: compact once they are half
    // dropped, so each piece is moved at most a constant number of times.
    if (head > 64 && head * 2 > pieces.length) {
      this.#pieces = pieces.slice(head);
      this.#starts = this.#starts.slice(head);
      head = 0;
    }
    this.#head = head;
  }

  // The index of the piece holding `offset`: the latest one usually, so look there first.
  #find(offset: number): number {
    const starts = this.#starts;
    let high = starts.length - 1;
    if (starts[high] <= offset) return high;
    let low = this.#head;
    while (low < high) {
      const middle = (low + high + 1) >>> 1;
      if (starts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    return low;
  }
}

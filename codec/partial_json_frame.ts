/**
 * One open container of a {@link PartialJsonReader} (or the top level): where its child in
 * progress starts, the run of complete children not yet built (text), and the container built
 * so far from the ones that were.
 *
 * @module
 */

import type { TextWindow } from "./text_window.ts";
import { decode } from "./partial_json_chars.ts";
import { setOwn } from "./set_own.ts";

/** The top level: one value. */
export const ROOT = 0;
/** An open array. */
export const ARRAY = 1;
/** An open object. */
export const OBJECT = 2;

/** An open container; the reader reuses one per depth. */
export class Frame {
  /** ROOT, ARRAY or OBJECT. */
  kind: number;
  /** Where the child in progress starts (an object's: at its key), or -1. */
  childStart = -1;
  /** Start of the complete children not yet built, or -1 when there are none. */
  regionStart = -1;
  /** End of the last complete child. */
  regionEnd = 0;
  /** The container built so far (for the root, its value), once a snapshot asked for it. */
  live: unknown = undefined;
  /** An array's complete children in `live`. */
  count = 0;
  /** Where an object's key of the child in progress is, between its quotes. */
  keyStart = 0;
  keyEnd = 0;
  /** That key, once read (keys are read only when a value must be put under one). */
  key: string | undefined = undefined;
  /** The root's value is complete. */
  complete = false;
  /** What the last snapshot showed for this container. */
  shown: unknown = undefined;

  /** @param kind ROOT, ARRAY or OBJECT. */
  constructor(kind: number) {
    this.kind = kind;
  }

  /** Makes this the frame of a newly opened container. */
  reset(kind: number): void {
    this.kind = kind;
    this.childStart = -1;
    this.regionStart = -1;
    this.live = undefined;
    this.count = 0;
    this.key = undefined;
    this.shown = undefined;
  }

  /** Notes the key of the child in progress (its text between the quotes). */
  setKey(start: number, end: number): void {
    this.keyStart = start;
    this.keyEnd = end;
    this.key = undefined;
  }

  /** The key of the child in progress, read from the text the first time it is asked for. */
  keyOf(text: TextWindow): string {
    return this.key ??= decode(text.range(this.keyStart, this.keyEnd));
  }

  /**
   * Builds the complete children not yet built, with one `JSON.parse` of their text (checked
   * by the reader already, so it cannot throw), and makes `live` exist.
   */
  build(text: TextWindow): void {
    if (this.regionStart < 0) return this.ensure();
    this.take(JSON.parse(this.written(text)));
  }

  /** Makes `live` exist (an empty container) when nothing was built yet. */
  ensure(): void {
    if (this.live === undefined && this.kind !== ROOT) this.live = this.kind === ARRAY ? [] : {};
  }

  /**
   * The complete children not yet built as one JSON value (an array's as an array, an object's
   * as an object), for {@link take} once parsed; there must be some.
   */
  written(text: TextWindow): string {
    const run = text.range(this.regionStart, this.regionEnd);
    const kind = this.kind;
    return kind === ROOT ? run : kind === ARRAY ? "[" + run + "]" : "{" + run + "}";
  }

  /** Adds the children {@link written} gave, parsed. */
  take(parsed: unknown): void {
    this.regionStart = -1;
    if (this.kind === ROOT) {
      this.live = parsed;
      this.complete = true;
    } else if (this.kind === ARRAY) this.#addItems(parsed as unknown[]);
    else this.#addFields(parsed as Record<string, unknown>);
  }

  #addItems(items: unknown[]): void {
    const live = this.live as unknown[] | undefined;
    if (live === undefined) this.live = items;
    // Written from `count` on: over the partial child a snapshot may have put there.
    else for (let i = 0, count = this.count; i < items.length; i++) live[count + i] = items[i];
    this.count += items.length;
  }

  #addFields(fields: Record<string, unknown>): void {
    const live = this.live as Record<string, unknown> | undefined;
    if (live === undefined) this.live = fields;
    else for (const key in fields) setOwn(live, key, fields[key]);
  }

  /** Adds a complete child built already; `live` exists (a snapshot built this frame). */
  add(value: unknown, text: TextWindow): void {
    if (this.kind === ARRAY) {
      (this.live as unknown[])[this.count++] = value;
    } else if (this.kind === OBJECT) {
      setOwn(this.live as Record<string, unknown>, this.keyOf(text), value);
    } else {
      this.live = value;
      this.complete = true;
    }
  }
}

/**
 * Builds what every open frame holds but has not built, with one `JSON.parse` for all of it (a
 * call costs more than a short text does), and decodes the open string's new text.
 *
 * @param frames The reader's frames.
 * @param depth The innermost open one.
 * @param text The reader's text.
 * @param piece The open string's raw new text, if a string is open.
 * @returns `piece` decoded.
 */
export function buildFrames(
  frames: Frame[],
  depth: number,
  text: TextWindow,
  piece: string | undefined,
): string | undefined {
  let first = -1;
  let count = 0;
  for (let d = depth; d >= 0; d--) {
    if (frames[d].regionStart >= 0) {
      first = d;
      count++;
    }
  }
  if (count === 1) frames[first].build(text);
  else if (count > 1) {
    let run = "[";
    for (let d = first; d <= depth; d++) {
      const frame = frames[d];
      if (frame.regionStart >= 0) run += (d === first ? "" : ",") + frame.written(text);
    }
    const values = JSON.parse(run + "]") as unknown[];
    for (let d = first, k = 0; k < count; d++) {
      if (frames[d].regionStart >= 0) frames[d].take(values[k++]);
    }
  }
  return piece === undefined ? undefined : decode(piece);
}

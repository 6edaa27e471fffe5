/**
 * One open container of a {@link PartialJsonReader} (or the top level): where its child in
 * progress starts, the run of complete children not yet built (text), and the container built
 * so far from the ones that were.
 *
 * @module
 */

import type { TextChunks } from "./text_chunks.ts";
import { decode } from "./partial_json_chars.ts";

/** The top level: one value. */
export const ROOT = 0;
/** An open array. */
export const ARRAY = 1;
/** An open object. */
export const OBJECT = 2;

/** Sets an own property, `__proto__` included (as `JSON.parse` does), never the prototype. */
export function setOwn(object: Record<string, unknown>, key: string, value: unknown): void {
  if (key === "__proto__") {
    Object.defineProperty(object, key, {
      value,
      writable: true,
      enumerable: true,
      configurable: true,
    });
  } else object[key] = value;
}

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
  keyOf(text: TextChunks): string {
    return this.key ??= decode(text.range(this.keyStart, this.keyEnd));
  }

  /**
   * Builds the complete children not yet built, with one `JSON.parse` of their text (checked
   * by the reader already, so it cannot throw), and makes `live` exist.
   */
  build(text: TextChunks): void {
    if (this.regionStart < 0) return this.ensure();
    const run: string[] = [];
    this.write(run, text);
    this.take(JSON.parse(run.join("")));
  }

  /** Makes `live` exist (an empty container) when nothing was built yet. */
  ensure(): void {
    if (this.live === undefined && this.kind !== ROOT) this.live = this.kind === ARRAY ? [] : {};
  }

  /**
   * Writes the complete children not yet built as one JSON value (an array's as an array, an
   * object's as an object) into `out`, for {@link take} once parsed; there must be some.
   */
  write(out: string[], text: TextChunks): void {
    const kind = this.kind;
    if (kind !== ROOT) out.push(kind === ARRAY ? "[" : "{");
    text.collect(out, this.regionStart, this.regionEnd);
    if (kind !== ROOT) out.push(kind === ARRAY ? "]" : "}");
    this.regionStart = -1;
  }

  /** Adds the children {@link write} wrote, parsed. */
  take(parsed: unknown): void {
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
  add(value: unknown, text: TextChunks): void {
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
  text: TextChunks,
  piece: string | undefined,
): string | undefined {
  let first = 0;
  while (first <= depth && frames[first].regionStart < 0) first++;
  if (first <= depth) {
    const out: string[] = ["["];
    const written: Frame[] = [];
    for (let d = first; d <= depth; d++) {
      const frame = frames[d];
      if (frame.regionStart < 0) continue;
      if (written.length !== 0) out.push(",");
      frame.write(out, text);
      written.push(frame);
    }
    out.push("]");
    const values = JSON.parse(out.join("")) as unknown[];
    for (let k = 0; k < written.length; k++) written[k].take(values[k]);
  }
  return piece === undefined ? undefined : decode(piece);
}

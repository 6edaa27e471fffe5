/**
 * {@link PartialJsonReader}: JSON text read as it streams, each character once, with the value
 * so far available at any point. The reader only checks and delimits the text as it arrives;
 * values are built when a snapshot asks for them, by `JSON.parse` over the runs of complete
 * children not yet built — so each character is also parsed once, by the engine's own parser,
 * and a reader nobody asks pays only for the scan. (One class over ~400 lines: the scan and the
 * snapshots share its private state; the character rules, the frames and the open string are in
 * the `partial_json_*` modules beside it.)
 *
 * @module
 */

import { PartialJsonError, type PartialJsonErrorType } from "../common/errors.ts";
import { TextWindow } from "./text_window.ts";
import { ARRAY, buildFrames, Frame, OBJECT, ROOT } from "./partial_json_frame.ts";
import { setOwn } from "./set_own.ts";
import { OpenString } from "./partial_json_string.ts";
import {
  decode,
  EXPONENT,
  FRACTION,
  INTEGER,
  isEscape,
  isHex,
  MINUS,
  NUMBER_ENDS,
  numberStep,
  ZERO,
} from "./partial_json_chars.ts";

// What the scanner expects next. The token states come last: `state >= STRING` is one test.
const VALUE = 0; // a value (the start, after `:`, after `,` in an array)
const VALUE_OR_END = 1; // after `[`
const AFTER = 2; // after a child: `,` or the closer
const KEY_OR_END = 3; // after `{`
const KEY = 4; // after `,` in an object
const COLON = 5;
const DONE = 6; // the value is complete: only whitespace may follow
const STRING = 7; // in a string, a key's when `#key`
const ESCAPE = 8; // after a backslash
const HEX = 9; // in `\uXXXX`
const NUMBER = 10;
const LITERAL = 11; // in true, false or null

/** Options of {@link PartialJsonReader}. */
export interface PartialJsonReaderOptions {
  /**
   * Arrays and objects nested deeper than this are refused with a `too_deep` error.
   * @default 256
   */
  maxDepth?: number;
}

/**
 * Reads JSON text delivered in pieces and gives the value read so far.
 *
 * What a snapshot holds: objects and arrays as far as they go; strings as far as they have
 * arrived (an escape only once whole, a high surrogate only once its pair is there); numbers,
 * `true`, `false`, `null` and keys only once complete — a key shows once its value starts.
 *
 * Identity, and what is shared: a complete value (a closed array or object, a finished string)
 * is the same instance in every later snapshot and is never changed again, so a UI can skip it
 * by identity. Containers still open are on one path from the root to where the text stops:
 * each open object is a fresh shallow copy in every snapshot after a change (its cost is its
 * number of keys), while each open array is one instance, grown in place (a list of thousands
 * of items stays linear) — a snapshot is therefore valid until the next one is taken; keep the
 * closed parts, not the open arrays. `snapshot()` returns the same value when nothing changed.
 * An open string grows by appending what arrived since the last snapshot (a rope, never re-read
 * here); a consumer that reads a growing 1 MiB string in full after every piece still pays for
 * its length each time.
 *
 * @example Watch an object fill in
 * ```ts
 * import { PartialJsonReader } from "@rosetta/llm";
 * import assert from "node:assert/strict";
 * const reader = new PartialJsonReader();
 * reader.push('{"city":"Par');
 * assert.deepEqual(reader.snapshot(), { city: "Par" });
 * reader.push('is","days":[{"t":18},{"t":1');
 * const first = reader.snapshot() as { days: unknown[] };
 * assert.deepEqual(first, { city: "Paris", days: [{ t: 18 }, {}] });
 * reader.push("9}]}");
 * const done = reader.end() as { days: unknown[] };
 * assert.deepEqual(done, { city: "Paris", days: [{ t: 18 }, { t: 19 }] });
 * assert.equal(done.days[0], first.days[0]); // a closed child keeps its identity
 * ```
 */
export class PartialJsonReader {
  #text = new TextWindow();
  #frames: Frame[] = [new Frame(ROOT)];
  /** The innermost open frame (`#frames[#depth]`). */
  #top: Frame = this.#frames[0];
  #depth = 0;
  #maxDepth: number;
  #state = VALUE;
  /** How much of the text was scanned. */
  #scanned = 0;
  /** The string in progress is a key. */
  #key = false;
  /** Where the token in progress starts (a string's content, a number, a literal). */
  #tokenStart = 0;
  #escapeStart = 0;
  #hexLeft = 0;
  #number = MINUS;
  #literal = "";
  #literalAt = 0;
  /** The value string in progress, as snapshots decoded it. */
  #string = new OpenString();
  #changed = false;
  #snapshot: unknown = undefined;
  #error: PartialJsonError | undefined;

  /** @param options The nesting cap. */
  constructor(options: PartialJsonReaderOptions = {}) {
    this.#maxDepth = options.maxDepth ?? 256;
  }

  /**
   * Reads the next piece of text.
   *
   * @param piece Any piece: a split escape, number, key or surrogate pair is fine.
   * @throws {PartialJsonError} `invalid_json` at the first character that cannot be JSON, or
   * `too_deep`; again on every later call.
   */
  push(piece: string): void {
    if (this.#error !== undefined) throw this.#error;
    const base = this.#text.length;
    this.#text.append(piece);
    const n = piece.length;
    let state = this.#state;
    let i = 0;
    while (i < n) {
      let c = piece.charCodeAt(i);
      if (state === STRING) {
        const from = i;
        while (c !== 34 && c !== 92 && c >= 32 && ++i < n) c = piece.charCodeAt(i);
        if (i > from && !this.#key) this.#changed = true;
        if (i === n) break;
        if (c === 34) state = this.#closeString(base + ++i);
        else if (c === 92) {
          this.#escapeStart = base + i++;
          state = ESCAPE;
        } else this.#fail(base + i, state, "a control character in a string");
        continue;
      }
      if (state === NUMBER) {
        const number = this.#number;
        if (number === INTEGER || number === FRACTION || number === EXPONENT) {
          // Digits after the first are most of a number.
          while (c >= 48 && c <= 57 && ++i < n) c = piece.charCodeAt(i);
          if (i === n) break;
        }
        const next = numberStep(number, c);
        if (next >= 0) {
          this.#number = next;
          i++;
          continue;
        }
        if ((NUMBER_ENDS >> number & 1) === 0) this.#fail(base + i, state, "an unfinished number");
        // The character after the number is read again, in the state after it.
        state = this.#endScalar(base + i, NUMBER);
        continue;
      }
      if (state > STRING) {
        state = this.#token(state, c, base + i++);
        continue;
      }
      switch (c) {
        case 32:
        case 10:
        case 13:
        case 9:
          break;
        case 34: // a quote: a key or a string value
          if (state === KEY || state === KEY_OR_END) {
            this.#top.childStart = base + i;
            this.#key = true;
          } else if (state <= VALUE_OR_END) {
            if (this.#top.kind !== OBJECT) this.#top.childStart = base + i;
            this.#key = false;
            this.#string.forget();
            this.#changed = true;
          } else this.#fail(base + i, state, 'unexpected "\\""');
          this.#tokenStart = base + i + 1;
          state = STRING;
          break;
        case 44: // ,
          if (state !== AFTER) this.#fail(base + i, state, 'unexpected ","');
          state = this.#top.kind === ARRAY ? VALUE : KEY;
          break;
        case 58: // :
          if (state !== COLON) this.#fail(base + i, state, 'unexpected ":"');
          state = VALUE;
          break;
        case 93: // ]
        case 125: // }
          if (
            state === (c === 93 ? VALUE_OR_END : KEY_OR_END) ||
            state === AFTER && this.#top.kind === (c === 93 ? ARRAY : OBJECT)
          ) state = this.#close(base + i);
          else this.#fail(base + i, state, `unexpected "${String.fromCharCode(c)}"`);
          break;
        default:
          if (state > VALUE_OR_END) {
            this.#fail(base + i, state, `unexpected ${JSON.stringify(String.fromCharCode(c))}`);
          }
          state = this.#startValue(state, c, base + i);
      }
      i++;
    }
    this.#state = state;
    this.#scanned = base + n;
  }

  /**
   * The value read so far; `undefined` before anything shows. Built now, only if something
   * changed since the last call (see the class notes on identity).
   *
   * @returns The partial value.
   */
  snapshot(): unknown {
    if (!this.#changed) return this.#snapshot;
    this.#changed = false;
    const frames = this.#frames;
    const text = this.#text;
    let value: unknown = this.#openString();
    for (let d = this.#depth; d >= 0; d--) {
      const frame = frames[d];
      frame.ensure();
      if (frame.kind === ARRAY) {
        const array = frame.live as unknown[];
        if (value !== undefined) array[frame.count] = value;
        else if (array.length !== frame.count) array.length = frame.count;
        value = frame.shown = array;
      } else if (frame.kind === OBJECT) {
        const object = { ...frame.live as Record<string, unknown> };
        if (value !== undefined) setOwn(object, frame.keyOf(text), value);
        value = frame.shown = object;
      } else if (frame.complete) value = frame.live;
    }
    const start = this.#top.childStart;
    text.drop(this.#string.to >= 0 ? this.#string.to : start >= 0 ? start : this.#scanned);
    return this.#snapshot = value;
  }

  /**
   * Whether a container of the last snapshot is still open: it may change (an open array grows in
   * place) where a closed one never does. For a UI that skips what kept its identity.
   *
   * @param value An array or object of the last snapshot.
   * @returns True while the text has not closed it.
   */
  isOpen(value: unknown): boolean {
    for (let d = 1; d <= this.#depth; d++) if (this.#frames[d].shown === value) return true;
    return false;
  }

  /**
   * Ends the text: the complete value, equal to `JSON.parse` of the whole text.
   *
   * @returns The value.
   * @throws {PartialJsonError} `invalid_json` when the text stops before the value ends.
   */
  end(): unknown {
    if (this.#error !== undefined) throw this.#error;
    const at = this.#scanned;
    if (this.#state === NUMBER && this.#depth === 0 && (NUMBER_ENDS >> this.#number & 1) !== 0) {
      this.#state = this.#endValue(at);
    }
    if (this.#state !== DONE) this.#fail(at, this.#state, "the end of the text");
    return this.snapshot();
  }

  // A character in an escape or a literal: the next state.
  #token(state: number, c: number, at: number): number {
    if (state === ESCAPE) {
      if (c === 117) {
        this.#hexLeft = 4;
        return HEX;
      }
      if (!isEscape(c)) this.#fail(at, state, "a bad escape");
      if (!this.#key) this.#changed = true;
      return STRING;
    }
    if (state === HEX) {
      if (!isHex(c)) this.#fail(at, state, "a bad \\u escape");
      if (--this.#hexLeft !== 0) return HEX;
      if (!this.#key) this.#changed = true;
      return STRING;
    }
    if (c !== this.#literal.charCodeAt(this.#literalAt)) {
      this.#fail(at, state, `unexpected ${JSON.stringify(String.fromCharCode(c))}`);
    }
    return ++this.#literalAt === this.#literal.length ? this.#endScalar(at + 1, LITERAL) : LITERAL;
  }

  #startValue(state: number, c: number, at: number): number {
    const top = this.#top;
    if (top.kind !== OBJECT) top.childStart = at;
    if (c === 123 || c === 91) return this.#open(c === 91 ? ARRAY : OBJECT, state, at);
    if (c === 45 || (c >= 48 && c <= 57)) {
      this.#tokenStart = at;
      this.#number = c === 45 ? MINUS : c === 48 ? ZERO : INTEGER;
      return NUMBER;
    }
    const literal = c === 116 ? "true" : c === 102 ? "false" : c === 110 ? "null" : "";
    if (literal === "") {
      this.#fail(at, state, `unexpected ${JSON.stringify(String.fromCharCode(c))}`);
    }
    this.#literal = literal;
    this.#literalAt = 1;
    return LITERAL;
  }

  // `end` is just past the closing quote.
  #closeString(end: number): number {
    if (this.#key) {
      this.#top.setKey(this.#tokenStart, end - 1);
      return COLON;
    }
    if (this.#string.to < 0) return this.#endScalar(end, STRING);
    // A snapshot showed part of it: finish it here, once, rather than parse it all again.
    return this.#insert(this.#string.finish(this.#text, end - 1), end);
  }

  #open(kind: number, state: number, at: number): number {
    if (this.#depth === this.#maxDepth) {
      this.#fail(at, state, `nesting deeper than ${this.#maxDepth}`, "too_deep");
    }
    const depth = ++this.#depth;
    const frames = this.#frames;
    if (depth === frames.length) frames.push(new Frame(kind));
    else frames[depth].reset(kind);
    this.#top = frames[depth];
    this.#changed = true;
    return kind === ARRAY ? VALUE_OR_END : KEY_OR_END;
  }

  // A closer at `at`.
  #close(at: number): number {
    const frame = this.#top;
    this.#top = this.#frames[--this.#depth];
    if (frame.live === undefined) return this.#endValue(at + 1);
    // A snapshot showed it: its parent holds the values before it, so add it there whole.
    frame.build(this.#text);
    const value = frame.live;
    if (frame.kind === ARRAY && (value as unknown[]).length !== frame.count) {
      (value as unknown[]).length = frame.count;
    }
    frame.live = undefined;
    return this.#insert(value, at + 1);
  }

  // A number, literal or string ended at `end`: built now if a snapshot showed its container
  // (and no text waits before it), else left as text like any child.
  #endScalar(end: number, kind: number): number {
    const top = this.#top;
    if (top.live === undefined || top.regionStart >= 0) return this.#endValue(end);
    const literal = this.#literal;
    let value: unknown;
    if (kind === STRING) value = decode(this.#text.range(this.#tokenStart, end - 1));
    else if (kind === NUMBER) value = +this.#text.range(this.#tokenStart, end);
    else value = literal === "true" ? true : literal === "false" ? false : null;
    return this.#insert(value, end);
  }

  // A child of the innermost frame ended at `end`, as text to parse when a snapshot asks.
  #endValue(end: number): number {
    this.#changed = true;
    const top = this.#top;
    if (top.regionStart < 0) top.regionStart = top.childStart;
    top.regionEnd = end;
    top.childStart = -1;
    return top.kind === ROOT ? DONE : AFTER;
  }

  // A child of the innermost frame ended at `end` as a value already built. No text before it
  // waits to be built (its frame was shown, and built, by a snapshot since it became the
  // innermost), so that text is dropped: slicing a text that only grows would copy it each time.
  #insert(value: unknown, end: number): number {
    this.#changed = true;
    const top = this.#top;
    top.add(value, this.#text);
    this.#text.drop(end);
    top.childStart = -1;
    return top.kind === ROOT ? DONE : AFTER;
  }

  // Builds what the open frames hold but have not built, and the value string in progress as
  // far as whole characters go (undefined if none).
  #openString(): string | undefined {
    const state = this.#state;
    const open = (state === STRING || state === ESCAPE || state === HEX) && !this.#key;
    const piece = open
      ? this.#string.take(
        this.#text,
        this.#tokenStart,
        state === STRING ? this.#scanned : this.#escapeStart,
      )
      : undefined;
    const decoded = buildFrames(this.#frames, this.#depth, this.#text, piece);
    return decoded === undefined ? undefined : this.#string.grow(decoded);
  }

  #fail(
    at: number,
    state: number,
    what: string,
    type: PartialJsonErrorType = "invalid_json",
  ): never {
    this.#state = state;
    this.#scanned = at;
    this.#changed = true;
    const value = this.snapshot();
    throw this.#error = new PartialJsonError(
      type,
      `Cannot read JSON: ${what} at position ${at}`,
      { position: at, value },
    );
  }
}

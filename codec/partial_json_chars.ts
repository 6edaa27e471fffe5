/**
 * The character rules of {@link PartialJsonReader}: JSON's number grammar as a small state
 * machine, escapes, and decoding a run of string text.
 *
 * @module
 */

/** After `-`. */
export const MINUS = 0;
/** A leading `0`. */
export const ZERO = 1;
/** In the integer digits. */
export const INTEGER = 2;
/** After `.`. */
const POINT = 3;
/** In the fraction digits. */
export const FRACTION = 4;
/** After `e` or `E`. */
export const E = 5;
/** After the exponent's sign. */
const E_SIGN = 6;
/** In the exponent digits. */
export const EXPONENT = 7;
/** The number states a number may end in, as bits. */
export const NUMBER_ENDS: number = 1 << ZERO | 1 << INTEGER | 1 << FRACTION | 1 << EXPONENT;

/**
 * The next state of a number (-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?) with `c`.
 *
 * @param state The number's state.
 * @param c The next character's code.
 * @returns The new state, or -1 when `c` is not part of the number.
 */
export function numberStep(state: number, c: number): number {
  if (c >= 48 && c <= 57) {
    if (state === MINUS) return c === 48 ? ZERO : INTEGER;
    if (state === ZERO) return -1;
    if (state === POINT) return FRACTION;
    if (state === E || state === E_SIGN) return EXPONENT;
    return state;
  }
  if (c === 46) return state === ZERO || state === INTEGER ? POINT : -1;
  if (c === 101 || c === 69) {
    return state === ZERO || state === INTEGER || state === FRACTION ? E : -1;
  }
  if (c === 43 || c === 45) return state === E ? E_SIGN : -1;
  return -1;
}

/**
 * Whether `c` may follow a backslash (`u` aside): `" \ / b f n r t`.
 *
 * @param c A character code.
 * @returns Whether it is a one-character escape.
 */
export function isEscape(c: number): boolean {
  return c === 34 || c === 92 || c === 47 || c === 98 || c === 102 || c === 110 || c === 114 ||
    c === 116;
}

/**
 * Whether `c` is a hex digit.
 *
 * @param c A character code.
 * @returns Whether it is 0-9, a-f or A-F.
 */
export function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
}

// What each one-character escape stands for, by the code of the character after the backslash.
const ESCAPED: string[] = [];
for (
  const [c, v] of Object.entries({
    '"': '"',
    "\\": "\\",
    "/": "/",
    b: "\b",
    f: "\f",
    n: "\n",
    r: "\r",
    t: "\t",
  })
) {
  ESCAPED[c.charCodeAt(0)] = v;
}

/**
 * String text between quotes (checked, whole escapes only) as the string it stands for. Written
 * out rather than left to `JSON.parse`: the pieces are short, and a call costs more than they do.
 *
 * @param raw The text.
 * @returns The decoded string.
 */
export function decode(raw: string): string {
  let at = raw.indexOf("\\");
  if (at < 0) return raw;
  let out = "";
  let from = 0;
  do {
    out += raw.slice(from, at);
    const c = raw.charCodeAt(at + 1);
    if (c === 117) {
      out += String.fromCharCode(parseInt(raw.slice(at + 2, at + 6), 16));
      from = at + 6;
    } else {
      out += ESCAPED[c];
      from = at + 2;
    }
    at = raw.indexOf("\\", from);
  } while (at >= 0);
  return out + raw.slice(from);
}

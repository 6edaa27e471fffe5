/**
 * Test helpers for `PartialJsonReader`: a slow reference of the partial value of a prefix
 * (the documented rules, written the plain way) and seeded generated JSON text.
 *
 * @module
 */

import type { Random } from "./random.ts";

/**
 * The value a reader should show after `prefix`, read by recursive descent from the start.
 *
 * @param prefix The JSON text so far (valid so far).
 * @returns The partial value, undefined when nothing shows yet.
 */
export function partialOf(prefix: string): unknown {
  let i = 0;
  const n = prefix.length;
  const space = () => {
    while (i < n && " \t\n\r".includes(prefix[i])) i++;
  };
  const string = (): [string, boolean] => {
    const start = i++;
    while (i < n && prefix[i] !== '"') i += prefix[i] === "\\" ? 2 : 1;
    if (i < n) return [JSON.parse(prefix.slice(start, ++i)), true];
    const raw = prefix.slice(start + 1);
    // Up to the last whole escape.
    let whole = 0;
    for (let j = 0; j < raw.length; whole = j) {
      if (raw[j] !== "\\") j++;
      else if (j + 1 >= raw.length || (raw[j + 1] === "u" && j + 6 > raw.length)) break;
      else j += raw[j + 1] === "u" ? 6 : 2;
    }
    const text: string = JSON.parse(`"${raw.slice(0, whole)}"`);
    const last = text.charCodeAt(text.length - 1);
    return [last >= 0xd800 && last <= 0xdbff ? text.slice(0, -1) : text, false];
  };
  const value = (): [unknown, boolean] => {
    space();
    if (i >= n) return [undefined, false];
    const c = prefix[i];
    if (c === '"') return string();
    if (c === "[" || c === "{") {
      i++;
      const out: Record<string, unknown> | unknown[] = c === "[" ? [] : {};
      for (;;) {
        space();
        if (i >= n) return [out, false];
        if (prefix[i] === "]" || prefix[i] === "}") return [out, (i++, true)];
        if (prefix[i] === ",") i++;
        let key = "";
        if (!Array.isArray(out)) {
          space();
          if (i >= n) return [out, false];
          const [name, named] = string();
          space();
          if (!named || i >= n) return [out, false];
          i++;
          key = name;
        }
        const [item, done] = value();
        if (item !== undefined) {
          if (Array.isArray(out)) out.push(item);
          else {Object.defineProperty(out, key, {
              value: item,
              enumerable: true,
              writable: true,
              configurable: true,
            });}
        }
        if (!done) return [out, false];
      }
    }
    const token = /^[-+0-9.eE]+|^[a-z]+/.exec(prefix.slice(i))![0];
    i += token.length;
    const literal = token === "true" || token === "false" || token === "null";
    if (i >= n && !literal) return [undefined, false];
    return [JSON.parse(token), true];
  };
  return value()[0];
}

const NUMBERS = [
  "0",
  "-0",
  "7",
  "-12",
  "3.25",
  "1e3",
  "1E+2",
  "2.5e-3",
  "-0.5",
  "123456789",
  "6.02E23",
];
const LETTERS = [
  "a",
  "b",
  "Z",
  " ",
  "é",
  "😀",
  "中",
  '\\"',
  "\\\\",
  "\\/",
  "\\b",
  "\\f",
  "\\n",
  "\\r",
  "\\t",
  "\\u00e9",
  "\\u0041",
  "\\ud83d\\ude00",
  "\\uD834\\uDD1E",
  "{",
  "]",
  ",",
  ":",
];
const SPACES = [" ", "\n", "\t", "\r\n", "  "];

/**
 * Generated JSON text: every kind of value, escapes, non-ASCII, whitespace in every place.
 *
 * @param random The seeded source.
 * @param depth How deep this value is.
 * @returns JSON text.
 */
export function generateJson(random: Random, depth = 0): string {
  const space = () => random.chance(0.15) ? random.pick(SPACES) : "";
  const string = () => {
    let out = '"';
    for (let k = random.int(depth === 0 ? 12 : 6); k > 0; k--) out += random.pick(LETTERS);
    return `${out}"`;
  };
  const kind = random.int(depth >= 4 ? 5 : 8);
  if (kind === 0) return random.pick(["true", "false", "null"]);
  if (kind === 1) return random.pick(NUMBERS);
  if (kind <= 3) return string();
  if (kind === 4) return random.pick(NUMBERS);
  const parts: string[] = [];
  for (let k = random.int(5); k > 0; k--) {
    const item = generateJson(random, depth + 1);
    parts.push(
      kind === 5
        ? space() + item + space()
        : `${space()}${string()}${space()}:${space()}${item}${space()}`,
    );
  }
  const body = parts.length === 0 ? space() : parts.join(",");
  return kind === 5 ? `[${body}]` : `{${body}}`;
}

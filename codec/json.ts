/**
 * Reading provider JSON: one `JSON.parse`, then direct field access. These helpers only build
 * an error (with its field path) when a check fails, so the happy path allocates nothing extra.
 *
 * @module
 */

import { describeValue } from "./describe.ts";
import { ResponseParseError } from "../common/errors.ts";
import type { JsonObject } from "../common/json_object.ts";

/**
 * Whether a value is a plain JSON object (not null, not an array).
 *
 * @param value Any parsed JSON value.
 * @returns True for objects.
 */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Parses JSON text, or throws a {@link ResponseParseError} of type `invalid_json`.
 *
 * @param provider Named in the error.
 * @param text The JSON text.
 * @param what What the text is, e.g. `response body` or `event "message_start"`.
 * @returns The parsed value.
 */
export function parseJson(provider: string, text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw unreadable(provider, text, what, cause);
  }
}

// Built apart, so that parseJson stays small enough for V8 to inline into every body parse.
function unreadable(provider: string, text: string, what: string, cause: unknown): Error {
  return new ResponseParseError(
    "invalid_json",
    `Cannot parse ${provider} ${what}: ${(cause as Error).message}`,
    { provider, path: "body", cause, raw: text },
  );
}

/**
 * The error for a field that does not have the documented type.
 *
 * @param provider Named in the error.
 * @param path Field path, e.g. `choices[0].message.content`.
 * @param expected What the format documents, e.g. `a string`.
 * @param got The value found.
 * @returns The error, to throw.
 */
export function invalidField(
  provider: string,
  path: string,
  expected: string,
  got: unknown,
): ResponseParseError {
  return new ResponseParseError(
    "invalid_field",
    `Cannot parse ${provider} response: ${path} must be ${expected}, got ${describeValue(got)}`,
    { provider, path },
  );
}

/**
 * Reads a field that must be a string.
 *
 * @param provider Named in the error.
 * @param value The field's value.
 * @param path The field's path, for the error.
 * @returns The string.
 */
export function requireString(provider: string, value: unknown, path: string): string {
  return typeof value === "string" ? value : wrong(provider, value, path, "a string");
}

/**
 * Reads a field that must be an index: a non-negative integer.
 *
 * @param provider Named in the error.
 * @param value The field's value.
 * @param path The field's path, for the error.
 * @param what What it indexes, for the error, e.g. `a block index`.
 * @returns The index.
 */
export function requireIndex(provider: string, value: unknown, path: string, what: string): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0) {
    wrong(provider, value, path, what);
  }
  return value;
}

/**
 * Reads an optional object field: absent or null gives undefined, anything but an object throws.
 *
 * @param provider Named in the error.
 * @param value The field's value.
 * @param path The field's path, for the error.
 * @returns The object, or undefined.
 */
export function optionalObject(
  provider: string,
  value: unknown,
  path: string,
): JsonObject | undefined {
  return isJsonObject(value) ? value : absent(provider, value, path, "an object");
}

/**
 * Reads an optional array field: absent or null gives undefined, anything but an array throws.
 *
 * @param provider Named in the error.
 * @param value The field's value.
 * @param path The field's path, for the error.
 * @returns The array, or undefined.
 */
export function optionalArray(
  provider: string,
  value: unknown,
  path: string,
): unknown[] | undefined {
  return Array.isArray(value) ? value : absent(provider, value, path, "an array");
}

// The rest of an optional field's check, apart so that the check itself stays small enough
// for V8 to inline anywhere: undefined for an absent or null field, else the error.
function absent(
  provider: string,
  value: unknown,
  path: string,
  expected: string,
): undefined {
  if (value === undefined || value === null) return undefined;
  throw invalidField(provider, path, expected, value);
}

// Throws the error for a field of the wrong type (apart, as `absent`).
function wrong(provider: string, value: unknown, path: string, expected: string): never {
  throw invalidField(provider, path, expected, value);
}

/**
 * 1 for a field that is present (null included), 0 for an absent one: for counting the usual
 * fields of an object by named loads, see {@link hasOtherKeys}.
 *
 * @param value The field's value.
 * @returns 1 or 0.
 */
export function present(value: unknown): number {
  return value === undefined ? 0 : 1;
}

/**
 * Whether an object has keys besides the usual ones it has. A reader counts its usual fields by
 * named loads ({@link present}) and compares every key with the usual ones only when there are
 * others: that comparison, for every key of every OpenAI chunk, cost ~470 instructions a chunk
 * on Bun (cachegrind). Counted by for-in, which allocates nothing (`Object.keys` made an array:
 * +150 B a body).
 *
 * @param object A parsed object.
 * @param usual How many of its keys are usual ones.
 * @returns Whether it has others.
 */
export function hasOtherKeys(object: JsonObject, usual: number): boolean {
  let count = 0;
  for (const _ in object) count++;
  return count !== usual;
}

/**
 * Copies the fields of `source` that are neither null nor undefined onto `target` (a provider's
 * cumulative report, such as Anthropic's usage, where an absent count means "unchanged").
 *
 * @param target Updated in place.
 * @param source The newer report.
 * @returns `target`.
 */
export function assignPresent(target: JsonObject, source: JsonObject): JsonObject {
  for (const key in source) {
    const value = source[key];
    if (value !== null && value !== undefined) target[key] = value;
  }
  return target;
}

// A block position becomes a path only for an error: parsing runs for every tool call.
function argumentsPath(where: string | number): string {
  return typeof where === "number" ? `content[${where}].arguments` : where;
}

/**
 * Parses tool-call argument text into an object. Empty text means no arguments (`{}`), as
 * OpenAI-compatible servers send for parameterless tools. Anything but a JSON object throws a
 * {@link ResponseParseError} of type `invalid_tool_arguments` that keeps the raw text.
 *
 * @param provider Named in the error.
 * @param text The argument JSON text as the provider sent it.
 * @param where Where the arguments were: a path, or the position `n` of the canonical block
 * (`content[n].arguments`; the path is then built only for an error).
 * @returns The arguments object.
 */
export function parseToolArguments(
  provider: string,
  text: string,
  where: string | number,
): JsonObject {
  if (text === "") return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    throw new ResponseParseError(
      "invalid_tool_arguments",
      `Cannot parse ${provider} tool call arguments at ${argumentsPath(where)}: ${
        (cause as Error).message
      }`,
      { provider, path: argumentsPath(where), raw: text, cause },
    );
  }
  if (!isJsonObject(value)) {
    throw new ResponseParseError(
      "invalid_tool_arguments",
      `Cannot parse ${provider} tool call arguments at ${
        argumentsPath(where)
      }: expected a JSON object, got ${text.slice(0, 40)}`,
      { provider, path: argumentsPath(where), raw: text },
    );
  }
  return value;
}

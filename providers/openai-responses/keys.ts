/**
 * Where a Responses block lives in the accumulator: one key per part of an output item, computed
 * for every delta — a number, not a string, so that a delta allocates nothing for it. Message
 * parts and reasoning summary parts use their index; a reasoning item's `reasoning_text` parts
 * sit above {@link REASONING_TEXT}; a function call or any other item is its item's part 0.
 *
 * @module
 */

import { invalidField, requireIndex } from "../../codec/json.ts";

// Parts per output item, and where an item's reasoning_text parts begin within them.
const PARTS = 0x10000;

/** Offset of `reasoning_text` parts within a reasoning item's keys. */
export const REASONING_TEXT = 0x8000;

/**
 * The key of a part.
 *
 * @param output The item's `output_index`.
 * @param part The part's index (plus {@link REASONING_TEXT} for reasoning text).
 * @returns The key.
 */
export function partKey(output: number, part: number): number {
  return output * PARTS + part;
}

/**
 * Checks an `output_index`.
 *
 * @param provider Named in the error.
 * @param value The field's value.
 * @returns The index.
 * @throws {ResponseParseError} For anything but a non-negative integer.
 */
export function outputIndex(provider: string, value: unknown): number {
  return requireIndex(provider, value, "output_index", "an item index");
}

/**
 * Checks a part index (`content_index`, `summary_index`, or a position in a body's list).
 *
 * @param value The index.
 * @param field Its name, for errors.
 * @returns The index.
 * @throws {ResponseParseError} For anything but an integer in [0, 32768).
 */
export function partIndex(provider: string, value: unknown, field: string): number {
  if (
    typeof value !== "number" || !Number.isInteger(value) || value < 0 || value >= REASONING_TEXT
  ) {
    throw invalidField(provider, field, "a part index", value);
  }
  return value;
}

/**
 * Where an item is, for errors: in a body's `output`, or an event's `item`.
 *
 * @param output The item's index.
 * @param inBody Whether it is in a body.
 * @returns The path.
 */
export function itemPath(output: number, inBody: boolean): string {
  return inBody ? `output[${output}]` : "item";
}

/**
 * Where a part is, for errors, read back from its key: built only when an error needs it.
 *
 * @param key The part's key.
 * @param list `content` or `summary`.
 * @param inBody Whether the item is in a body; undefined for an event's own `part`.
 * @returns The path.
 */
export function partPath(key: number, list: string, inBody: boolean | undefined): string {
  if (inBody === undefined) return "part";
  const part = key % PARTS;
  const index = part >= REASONING_TEXT ? part - REASONING_TEXT : part;
  return `${itemPath((key - part) / PARTS, inBody)}.${list}[${index}]`;
}

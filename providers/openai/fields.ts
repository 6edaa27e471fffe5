/**
 * What the Chat Completions reader and its readers of host shapes share: the accumulator's block
 * keys, and the field readers that build an error's path only when they throw.
 *
 * @module
 */

import { invalidField } from "../../codec/json.ts";
import type { ResponseParseError } from "../../common/errors.ts";

// Block keys for the accumulator: the three text channels, then tool calls by their index
// (0 up). Numbers all: keys of two types made every key comparison a generic one (V8's
// StrictEqual builtin, ~150 instructions for the complex bench body).
export const REASONING = -1;
export const CONTENT = -2;
export const REFUSAL = -3;
// OpenRouter's `reasoning_details`, one provider block.
export const REASONING_DETAILS = -4;
// Content chunks of kinds not read (Mistral's `reference`, …), each kept under a key of its own.
export const OTHER_CHUNKS = -5;

// Where a choice's message or delta is, for errors.
export function at(position: number, inBody: boolean, rest: string): string {
  return `choices[${position}].${inBody ? "message" : "delta"}${rest}`;
}

// Field readers take the value, not the key: a named load at the call site stays fast. They
// leave the rest to a function of its own, so that each stays small enough for V8 to inline.
export function textField(
  provider: string,
  value: unknown,
  key: string,
  position: number,
  inBody: boolean,
): string {
  return typeof value === "string" ? value : noText(provider, value, key, position, inBody);
}

export function noText(
  provider: string,
  value: unknown,
  key: string,
  position: number,
  inBody: boolean,
): string {
  if (value === undefined || value === null) return "";
  throw invalidField(provider, at(position, inBody, `.${key}`), "a string or null", value);
}

// A list field of a message or delta; the path is built only for the error.
export function listField(
  provider: string,
  value: unknown,
  key: string,
  position: number,
  inBody: boolean,
): unknown[] | undefined {
  return Array.isArray(value) ? value : noList(provider, value, key, position, inBody);
}

function noList(
  provider: string,
  value: unknown,
  key: string,
  position: number,
  inBody: boolean,
): undefined {
  if (value === undefined || value === null) return undefined;
  throw invalidField(provider, at(position, inBody, `.${key}`), "an array", value);
}

export function notObject(provider: string, value: unknown, path: string): ResponseParseError {
  return invalidField(provider, path, "an object", value);
}

/**
 * The tool checks of {@link validateRequest}, against the dialect's {@link RequestLimits}: each
 * tool an object with a name the provider takes (its documented pattern), defined once, and an
 * object schema for its arguments.
 *
 * @module
 */

import { describeValue } from "./describe.ts";
import { type StringLookup, StringMap } from "./string_map.ts";
import type { ChatRequest } from "../common/types.ts";
import { type Fail, notObjectSchema } from "./validate_features.ts";

/**
 * What a dialect's API takes for the fields checked before anything is sent, from its capability
 * table (`providers/<name>/models.ts`). Ranges the dialects share (topP 0–1, penalties −2…2, topK
 * ≥ 1) are checked for all.
 */
export interface RequestLimits {
  /** The highest `temperature` (the lowest is 0). */
  readonly maxTemperature: number;
  /** What a tool (function) name must match. */
  readonly toolName: RegExp;
  /** The same rule in words, for the error. */
  readonly toolNameRule: string;
}

/** The limits of a dialect not otherwise known: OpenAI's. */
export const DEFAULT_LIMITS: RequestLimits = {
  maxTemperature: 2,
  toolName: /^[a-zA-Z0-9_-]{1,64}$/,
  toolNameRule: "1-64 letters, digits, _ or -",
};

/** The shared empty answer, so that a request without tools or tool calls allocates none. */
export const NONE: StringLookup = new StringMap();

/** Whether a value is a plain object (not null, not an array). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// Names that passed a dialect's rule: its regex costs V8 ~65 ns a name, a set lookup ~13 (with
// the regex alone, serialize: with tool definitions read +11% on every dialect). Bounded, as a
// caller may invent names.
const passed = new WeakMap<RequestLimits, Set<string>>();
const KNOWN_LIMIT = 1024;

function knownNames(limits: RequestLimits): Set<string> {
  let known = passed.get(limits);
  if (known === undefined) passed.set(limits, known = new Set());
  return known;
}

function validName(known: Set<string>, rule: RegExp, name: string): boolean {
  if (known.has(name)) return true;
  if (!rule.test(name)) return false;
  if (known.size >= KNOWN_LIMIT) known.clear();
  known.add(name);
  return true;
}

/**
 * Checks a request's tools.
 *
 * @param request The request, with `tools` present.
 * @param limits The dialect's tool-name rule.
 * @param fail Throws the validation error.
 * @returns The tool names.
 * @throws {ValidationError} Through `fail`, naming `tools[i]` and the field.
 *
 * @example
 * ```ts
 * import { DEFAULT_LIMITS, validateTools } from "./validate_tools.ts";
 * import assert from "node:assert/strict";
 * const request = { model: "m", messages: [], tools: [{ name: "f", parameters: { type: "object" } }] };
 * const fail = (path: string, detail: string): never => { throw new Error(`${path} ${detail}`); };
 * assert.equal(validateTools(request, DEFAULT_LIMITS, fail).size, 1);
 * ```
 */
export function validateTools(
  request: ChatRequest,
  limits: RequestLimits,
  fail: Fail,
): StringLookup {
  if (request.tools === undefined) return NONE;
  const names = new StringMap();
  const known = knownNames(limits);
  if (!Array.isArray(request.tools)) {
    fail("tools", `must be an array, got ${describeValue(request.tools)}`);
  }
  for (let t = 0; t < request.tools.length; t++) {
    const tool = request.tools[t];
    // The path is built only when a check fails.
    if (!isObject(tool)) fail(`tools[${t}]`, `must be an object, got ${describeValue(tool)}`);
    if (typeof tool.name !== "string" || !validName(known, limits.toolName, tool.name)) {
      fail(`tools[${t}].name`, `must be ${limits.toolNameRule}, got ${describeValue(tool.name)}`);
    }
    if (names.has(tool.name)) {
      fail(`tools[${t}].name`, `${describeValue(tool.name)} is defined twice`);
    }
    names.set(tool.name, tool.name);
    if (tool.description !== undefined && typeof tool.description !== "string") {
      fail(`tools[${t}].description`, `must be a string, got ${describeValue(tool.description)}`);
    }
    if (!isObject(tool.parameters) || tool.parameters.type !== "object") {
      fail(`tools[${t}].parameters`, notObjectSchema(tool.name, tool.parameters));
    }
  }
  return names;
}

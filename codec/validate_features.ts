/**
 * The cheap checks of {@link validateRequest} for the request features: sampling, user id,
 * structured output, caching, provider tools and documents. A request without feature fields
 * skips them all ({@link requestFields}).
 *
 * @module
 */

import { describeValue } from "./describe.ts";
import { isJsonObject } from "./json.ts";
import type { StringLookup } from "./string_map.ts";
import type { ChatRequest } from "../common/types.ts";

/** Throws the validation error for a path. */
export type Fail = (path: string, detail: string) => never;

const NAME = /^[a-zA-Z0-9_-]{1,64}$/;
const TTLS = new Set(["5m", "1h"]);
const PROVIDER_TOOLS = new Set(["web_search", "web_fetch", "code_execution"]);
/** Anthropic and OpenAI both write at most four breakpoints per request. */
const MAX_BREAKPOINTS = 4;

function number(value: unknown, path: string, fail: Fail, min: number, max: number): void {
  if (typeof value !== "number" || !(value >= min && value <= max)) {
    fail(path, `must be a number from ${min} to ${max}, got ${describeValue(value)}`);
  }
}

function integer(value: unknown, path: string, fail: Fail, min: number): void {
  if (!Number.isInteger(value) || (value as number) < min) {
    fail(path, `must be an integer >= ${min}, got ${describeValue(value)}`);
  }
}

function string(value: unknown, path: string, fail: Fail): void {
  if (typeof value !== "string" || value === "") {
    fail(path, `must be a non-empty string, got ${describeValue(value)}`);
  }
}

function strings(value: unknown, path: string, fail: Fail): void {
  if (!Array.isArray(value) || value.some((s) => typeof s !== "string")) {
    fail(path, "must be an array of strings");
  }
}

/**
 * The detail of a refused tool or output schema: the providers take only object schemas
 * (`{type: "object", properties}`) for a tool's arguments or a structured answer.
 *
 * @param name The tool's or output's name.
 * @param schema What was given.
 * @returns The detail, read after the path.
 *
 * @example
 * ```ts
 * import { notObjectSchema } from "./validate_features.ts";
 * import assert from "node:assert/strict";
 * assert.match(notObjectSchema("echo", { type: "string" }), /got type "string"$/);
 * ```
 */
export function notObjectSchema(name: string, schema: unknown): string {
  const got = isJsonObject(schema)
    ? schema.type === undefined ? "a schema without type" : `type ${describeValue(schema.type)}`
    : describeValue(schema);
  return `of "${name}" must be a JSON Schema of type "object" (wrap a value in z.object), got ${got}`;
}

/**
 * Checks the feature fields of a request.
 *
 * @param request The request.
 * @param toolNames The names of the request's tools.
 * @param fail Throws the validation error.
 * @throws {ValidationError} Through `fail`, on the first field that does not fit.
 */
export function validateFeatures(
  request: ChatRequest,
  toolNames: StringLookup,
  fail: Fail,
): void {
  if (request.topP !== undefined) number(request.topP, "topP", fail, 0, 1);
  if (request.topK !== undefined) integer(request.topK, "topK", fail, 1);
  if (request.seed !== undefined && !Number.isSafeInteger(request.seed)) {
    fail("seed", `must be an integer, got ${describeValue(request.seed)}`);
  }
  if (request.presencePenalty !== undefined) {
    number(request.presencePenalty, "presencePenalty", fail, -2, 2);
  }
  if (request.frequencyPenalty !== undefined) {
    number(request.frequencyPenalty, "frequencyPenalty", fail, -2, 2);
  }
  if (request.parallelToolCalls !== undefined && typeof request.parallelToolCalls !== "boolean") {
    fail("parallelToolCalls", `must be a boolean, got ${describeValue(request.parallelToolCalls)}`);
  }
  if (request.userId !== undefined) string(request.userId, "userId", fail);
  if (request.structuredOutput !== undefined) {
    validateOutput(request.structuredOutput, toolNames, fail);
  }
  if (request.cache !== undefined) validateCache(request, toolNames, fail);
  if (request.providerTools !== undefined) validateProviderTools(request.providerTools, fail);
}

function validateOutput(output: unknown, toolNames: StringLookup, fail: Fail): void {
  if (!isJsonObject(output)) {
    fail("structuredOutput", `must be an object, got ${describeValue(output)}`);
  }
  if (typeof output.name !== "string" || !NAME.test(output.name)) {
    fail(
      "structuredOutput.name",
      `must be 1-64 letters, digits, _ or -, got ${describeValue(output.name)}`,
    );
  }
  if (toolNames.has(output.name)) {
    fail("structuredOutput.name", `"${output.name}" is also the name of a tool`);
  }
  if (!isJsonObject(output.schema) || output.schema.type !== "object") {
    fail("structuredOutput.schema", notObjectSchema(output.name, output.schema));
  }
  if (output.strict !== undefined && typeof output.strict !== "boolean") {
    fail("structuredOutput.strict", `must be a boolean, got ${describeValue(output.strict)}`);
  }
}

function validateCache(request: ChatRequest, toolNames: StringLookup, fail: Fail): void {
  const cache: unknown = request.cache;
  if (!isJsonObject(cache)) fail("cache", `must be an object, got ${describeValue(cache)}`);
  if (cache.ttl !== undefined && !TTLS.has(cache.ttl as string)) {
    fail("cache.ttl", `must be "5m" or "1h", got ${describeValue(cache.ttl)}`);
  }
  if (cache.key !== undefined) string(cache.key, "cache.key", fail);
  const points = cache.breakpoints;
  if (points === undefined) return;
  if (!Array.isArray(points) || points.length > MAX_BREAKPOINTS) {
    fail("cache.breakpoints", `must be an array of at most ${MAX_BREAKPOINTS} breakpoints`);
  }
  for (let i = 0; i < points.length; i++) {
    const point: unknown = points[i];
    const at = `cache.breakpoints[${i}]`;
    if (points.indexOf(point) !== i) fail(at, `${describeValue(point)} is listed twice`);
    if (point === "tools") {
      if (toolNames.size === 0 && request.providerTools === undefined) {
        fail(at, `"tools" needs tools in the request`);
      }
    } else if (point === "system") {
      if (request.system === undefined) fail(at, `"system" needs a system prompt`);
    } else if (!Number.isInteger(point) || !((point as number) >= 0)) {
      fail(at, `must be "tools", "system" or a message index, got ${describeValue(point)}`);
    } else if ((point as number) >= request.messages.length) {
      fail(at, `${point} is past the last message (${request.messages.length - 1})`);
    }
  }
}

function validateProviderTools(tools: unknown, fail: Fail): void {
  if (!Array.isArray(tools)) fail("providerTools", `must be an array, got ${describeValue(tools)}`);
  const seen = new Set<unknown>();
  for (let t = 0; t < tools.length; t++) {
    const tool: unknown = tools[t];
    const at = `providerTools[${t}]`;
    if (!isJsonObject(tool)) fail(at, `must be an object, got ${describeValue(tool)}`);
    if (!PROVIDER_TOOLS.has(tool.type as string)) {
      fail(
        `${at}.type`,
        `must be "web_search", "web_fetch" or "code_execution", got ${describeValue(tool.type)}`,
      );
    }
    if (seen.has(tool.type)) fail(`${at}.type`, `"${tool.type}" is listed twice`);
    seen.add(tool.type);
    if (tool.maxUses !== undefined) integer(tool.maxUses, `${at}.maxUses`, fail, 1);
    if (tool.allowedDomains !== undefined) {
      strings(tool.allowedDomains, `${at}.allowedDomains`, fail);
    }
    if (tool.blockedDomains !== undefined) {
      strings(tool.blockedDomains, `${at}.blockedDomains`, fail);
    }
    const location = tool.userLocation;
    if (location !== undefined) {
      if (!isJsonObject(location)) {
        fail(`${at}.userLocation`, `must be an object, got ${describeValue(location)}`);
      }
      for (const key of ["city", "region", "country", "timezone"]) {
        if (location[key] !== undefined) string(location[key], `${at}.userLocation.${key}`, fail);
      }
    }
  }
}

/**
 * Checks a document block: one source (base64 `data` with a `mediaType`, a `url` or a
 * `fileId`), and an optional `title`.
 *
 * @param block The block.
 * @param path Its path in the request.
 * @param fail Throws the validation error.
 * @throws {ValidationError} Through `fail`.
 */
export function validateDocument(block: Record<string, unknown>, path: string, fail: Fail): void {
  const sources = (block.data !== undefined ? 1 : 0) + (block.url !== undefined ? 1 : 0) +
    (block.fileId !== undefined ? 1 : 0);
  if (sources !== 1) fail(path, "must have exactly one of data, url or fileId");
  if (block.data !== undefined) {
    string(block.data, `${path}.data`, fail);
    string(block.mediaType, `${path}.mediaType`, fail);
  } else {
    if (block.url !== undefined) string(block.url, `${path}.url`, fail);
    else string(block.fileId, `${path}.fileId`, fail);
    if (block.mediaType !== undefined) string(block.mediaType, `${path}.mediaType`, fail);
  }
  if (block.title !== undefined) string(block.title, `${path}.title`, fail);
}

/**
 * One cheap pass over a {@link ChatRequest} before it is serialized: plain `typeof` checks that
 * throw a {@link ValidationError} naming the provider and the field path. No schema library on
 * this path: it runs on every request.
 *
 * @module
 */

import { describeValue } from "./describe.ts";
import { blockPath, messagePath } from "./paths.ts";
import { type StringLookup, StringMap } from "./string_map.ts";
import { refuse } from "../common/refuse.ts";
import type { ChatRequest } from "../common/types.ts";
import {
  FEATURES,
  MAX_OUTPUT_TOKENS,
  REQUEST_KEYS,
  requestFields,
  STOP_SEQUENCES,
  SYSTEM,
  TEMPERATURE,
  THINKING,
  TOOL_CHOICE,
  TOOLS,
  UNKNOWN,
} from "./fields.ts";
import { didYouMean } from "./suggest.ts";
import { type Fail, validateDocument, validateFeatures } from "./validate_features.ts";
import {
  DEFAULT_LIMITS,
  isObject,
  NONE,
  type RequestLimits,
  validateTools,
} from "./validate_tools.ts";

export { DEFAULT_LIMITS, type RequestLimits } from "./validate_tools.ts";

const EFFORTS = new Set(["none", "minimal", "low", "medium", "high", "xhigh", "max"]);

// The block types a role takes. Comparisons rather than a table of sets: on JavaScriptCore,
// looking up a string read from parsed JSON in a table or a set hashes it on every message.
function allowedIn(role: unknown, type: unknown): boolean {
  switch (role) {
    case "user":
      return type === "text" || type === "image" || type === "document";
    case "assistant":
      return type === "text" || type === "tool_call" || type === "thinking" ||
        type === "redacted_thinking" || type === "image" || type === "provider";
    default:
      return type === "tool_result";
  }
}

/**
 * Checks a request and returns the name of every tool call by id (Google needs the name when
 * it serializes the matching result).
 *
 * @param request The request as the caller gave it.
 * @param provider The provider it is being serialized for, named in errors.
 * @param fields The request's {@link requestFields}, when the caller has them: only the fields
 * present are checked.
 * @param limits The dialect's ranges and name rules.
 * @returns Tool call id → tool name, for every call in the conversation.
 * @throws {ValidationError} On the first field that does not fit the canonical model.
 */
export function validateRequest(
  request: ChatRequest,
  provider: string,
  fields: number = requestFields(request),
  limits: RequestLimits = DEFAULT_LIMITS,
): StringLookup {
  const fail: Fail = (path, detail) => refuse(provider, path, detail);
  if (!isObject(request)) fail("request", `must be an object, got ${describeValue(request)}`);
  if ((fields & UNKNOWN) !== 0) refuseUnknownKey(request, fail);
  if (typeof request.model !== "string" || request.model === "") {
    fail("model", `must be a non-empty string, got ${describeValue(request.model)}`);
  }
  if (
    (fields & SYSTEM) !== 0 && request.system !== undefined && typeof request.system !== "string"
  ) {
    fail("system", `must be a string, got ${describeValue(request.system)}`);
  }
  if (!Array.isArray(request.messages) || request.messages.length === 0) {
    fail("messages", "must be a non-empty array");
  }
  const toolNames = (fields & TOOLS) === 0 ? NONE : validateTools(request, limits, fail);
  if (fields !== 0) validateOptions(request, fields, toolNames, limits, fail);
  if ((fields & FEATURES) !== 0) validateFeatures(request, toolNames, fail);
  // Past a refusal (explain's collecting mode) only what has the right shape is walked.
  return Array.isArray(request.messages) ? validateMessages(request.messages, fail) : NONE;
}

// Only on failure: the one-pass key scan saw a key that is no field; find it to name it, with
// the scan's own `for…in` (an inherited key counts there too).
function refuseUnknownKey(request: Record<string, unknown>, fail: Fail): never {
  let key = "";
  for (const name in request) {
    if (!REQUEST_KEYS.includes(name)) {
      key = name;
      break;
    }
  }
  return fail(key, `is not a request field${didYouMean(key, REQUEST_KEYS)}`);
}

// Paths are built only when a check fails: this runs for every block of every request.
function validateMessages(messages: unknown[], fail: Fail): StringLookup {
  let callNames: StringMap | undefined;
  for (let m = 0; m < messages.length; m++) {
    const message: unknown = messages[m];
    if (!isObject(message)) {
      fail(messagePath(m), `must be an object, got ${describeValue(message)}`);
      continue;
    }
    const role = message.role;
    if (role !== "user" && role !== "assistant" && role !== "tool") {
      fail(
        `${messagePath(m)}.role`,
        `must be "user", "assistant" or "tool", got ${describeValue(message.role)}`,
      );
    }
    const content = message.content;
    if (typeof content === "string" && role !== "tool") continue;
    if (!Array.isArray(content) || content.length === 0) {
      fail(
        `${messagePath(m)}.content`,
        role === "tool"
          ? "must be a non-empty array of tool_result blocks"
          : "must be a string or a non-empty array of blocks",
      );
      continue;
    }
    for (let b = 0; b < content.length; b++) {
      const block: unknown = content[b];
      if (!isObject(block)) {
        fail(blockPath(m, b), `must be an object, got ${describeValue(block)}`);
        continue;
      }
      if (!allowedIn(role, block.type)) {
        fail(
          `${blockPath(m, b)}.type`,
          `${describeValue(block.type)} is not allowed in a ${role} message`,
        );
      }
      validateBlock(block, m, b, undefined, fail);
      if (block.type === "tool_call") {
        (callNames ??= new StringMap()).set(block.id as string, block.name as string);
      } else if (block.type === "tool_result" && !callNames?.has(block.toolCallId as string)) {
        fail(
          `${blockPath(m, b)}.toolCallId`,
          `${describeValue(block.toolCallId)} answers no earlier tool_call`,
        );
      }
    }
  }
  return callNames ?? NONE;
}

// A module function rather than a closure per block: this runs for every block of every request.
function requireString(
  block: Record<string, unknown>,
  key: string,
  m: number,
  b: number,
  inner: number | undefined,
  fail: Fail,
): void {
  if (typeof block[key] !== "string") {
    fail(`${blockPath(m, b, inner)}.${key}`, `must be a string, got ${describeValue(block[key])}`);
  }
}

function validateBlock(
  block: Record<string, unknown>,
  m: number,
  b: number,
  inner: number | undefined,
  fail: Fail,
): void {
  switch (block.type) {
    case "text":
    case "thinking":
      requireString(block, "text", m, b, inner, fail);
      if (block.signature !== undefined) requireString(block, "signature", m, b, inner, fail);
      if (block.citations !== undefined) {
        validateCitations(block.citations, blockPath(m, b, inner), fail);
      }
      return;
    case "provider":
      requireString(block, "provider", m, b, inner, fail);
      requireString(block, "blockType", m, b, inner, fail);
      if (!isObject(block.data)) {
        fail(
          `${blockPath(m, b, inner)}.data`,
          `must be an object, got ${describeValue(block.data)}`,
        );
      }
      return;
    case "redacted_thinking":
      return requireString(block, "data", m, b, inner, fail);
    case "image":
      if (typeof block.url === "string") {
        if (block.mediaType !== undefined) requireString(block, "mediaType", m, b, inner, fail);
      } else {
        requireString(block, "mediaType", m, b, inner, fail);
        requireString(block, "data", m, b, inner, fail);
      }
      return;
    case "document":
      return validateDocument(block, blockPath(m, b, inner), fail);
    case "tool_call":
      requireString(block, "id", m, b, inner, fail);
      requireString(block, "name", m, b, inner, fail);
      if (!isObject(block.arguments)) {
        fail(
          `${blockPath(m, b, inner)}.arguments`,
          `must be a JSON object, got ${describeValue(block.arguments)}`,
        );
      }
      if (block.signature !== undefined) requireString(block, "signature", m, b, inner, fail);
      return;
    case "tool_result":
      return validateToolResult(block, m, b, fail);
  }
}

function validateToolResult(
  block: Record<string, unknown>,
  m: number,
  b: number,
  fail: Fail,
): void {
  requireString(block, "toolCallId", m, b, undefined, fail);
  if (block.toolName !== undefined) requireString(block, "toolName", m, b, undefined, fail);
  const content = block.content;
  if (typeof content === "string") return;
  if (!Array.isArray(content)) {
    fail(
      `${blockPath(m, b)}.content`,
      `must be a string or an array of blocks, got ${describeValue(content)}`,
    );
  }
  for (let i = 0; i < content.length; i++) {
    const inner = content[i];
    if (!isObject(inner) || (inner.type !== "text" && inner.type !== "image")) {
      fail(blockPath(m, b, i), "must be a text or image block");
    }
    validateBlock(inner, m, b, i, fail);
  }
}

function validateCitations(citations: unknown, path: string, fail: Fail): void {
  if (!Array.isArray(citations)) {
    fail(`${path}.citations`, `must be an array, got ${describeValue(citations)}`);
  }
  for (let i = 0; i < citations.length; i++) {
    const citation: unknown = citations[i];
    const at = `${path}.citations[${i}]`;
    if (!isObject(citation)) fail(at, `must be an object, got ${describeValue(citation)}`);
    if (typeof citation.provider !== "string") {
      fail(`${at}.provider`, `must be a string, got ${describeValue(citation.provider)}`);
    }
    if (!isObject(citation.data)) {
      fail(`${at}.data`, `must be an object, got ${describeValue(citation.data)}`);
    }
  }
}

function validateOptions(
  request: ChatRequest,
  fields: number,
  toolNames: StringLookup,
  limits: RequestLimits,
  fail: Fail,
): void {
  const choice = (fields & TOOL_CHOICE) === 0 ? undefined : request.toolChoice;
  if (choice !== undefined) {
    if (isObject(choice)) {
      if (!toolNames.has(choice.name as string)) {
        fail("toolChoice.name", `${describeValue(choice.name)} is not among the request's tools`);
      }
    } else if (choice !== "auto" && choice !== "none" && choice !== "required") {
      fail(
        "toolChoice",
        `must be "auto", "none", "required" or {name}, got ${describeValue(choice)}`,
      );
    } else if (choice === "required" && toolNames.size === 0) {
      fail("toolChoice", `"required" needs at least one tool`);
    }
  }
  if ((fields & THINKING) !== 0 && request.thinking !== undefined) {
    validateThinking(request.thinking, fail);
  }
  const max = (fields & MAX_OUTPUT_TOKENS) === 0 ? undefined : request.maxOutputTokens;
  if (max !== undefined && (!Number.isInteger(max) || max <= 0)) {
    fail("maxOutputTokens", `must be a positive integer, got ${describeValue(max)}`);
  }
  const temperature = (fields & TEMPERATURE) === 0 ? undefined : request.temperature;
  // A comparison more than the lower bound alone: the upper bound is the dialect's.
  if (
    temperature !== undefined &&
    (typeof temperature !== "number" ||
      !(temperature >= 0 && temperature <= limits.maxTemperature))
  ) {
    fail(
      "temperature",
      `must be a number from 0 to ${limits.maxTemperature}, got ${describeValue(temperature)}`,
    );
  }
  const stop = (fields & STOP_SEQUENCES) === 0 ? undefined : request.stopSequences;
  if (stop !== undefined && (!Array.isArray(stop) || stop.some((s) => typeof s !== "string"))) {
    fail("stopSequences", "must be an array of strings");
  }
}

function validateThinking(thinking: unknown, fail: Fail): void {
  if (
    thinking === "none" || thinking === "low" || thinking === "medium" || thinking === "high"
  ) return;
  if (!isObject(thinking)) {
    fail(
      "thinking",
      `must be "none", "low", "medium", "high", {budgetTokens} or {effort}, got ${
        describeValue(thinking)
      }`,
    );
  }
  const keys = Object.keys(thinking);
  if (keys.length !== 1 || (keys[0] !== "budgetTokens" && keys[0] !== "effort")) {
    fail("thinking", "must have exactly one key, budgetTokens or effort");
  }
  const { budgetTokens, effort } = thinking;
  if (
    keys[0] === "budgetTokens" && !(Number.isInteger(budgetTokens) && Number(budgetTokens) >= 0)
  ) {
    fail("thinking.budgetTokens", `must be an integer >= 0, got ${describeValue(budgetTokens)}`);
  }
  if (keys[0] === "effort" && !EFFORTS.has(effort as string)) {
    fail(
      "thinking.effort",
      `must be one of ${[...EFFORTS].join(", ")}, got ${describeValue(effort)}`,
    );
  }
}

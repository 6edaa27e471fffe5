/**
 * The one reader of Anthropic Messages content. A whole body and a stream drive the same
 * named handlers — message start, block start, block delta, block stop, message delta — over a
 * {@link ResponseAccumulator}: a body is read as its message start, each block started and
 * stopped, and its stop reason. Block types rosetta has no canonical type for (server-tool
 * calls and results, and any added later) become provider blocks; `citations` and
 * `citations_delta` become citations; unknown delta types are skipped.
 *
 * @see https://docs.anthropic.com/en/api/messages
 * @see https://docs.anthropic.com/en/docs/build-with-claude/streaming
 * @module
 */

import type { ResponseAccumulator } from "../../codec/accumulator.ts";
import { anthropicCitation } from "./citations.ts";
import {
  assignPresent,
  invalidField,
  isJsonObject,
  optionalObject,
  requireIndex,
  requireString,
} from "../../codec/json.ts";
import type { ResponseParseError } from "../../common/errors.ts";
import type { ToolCallBlock } from "../../common/types.ts";
import type { JsonObject } from "../../common/json_object.ts";
import { mapAnthropicStopReason, mapAnthropicUsage } from "./mappers.ts";

// Fields of a message, message_delta or its delta that the canonical response maps.
function isMapped(key: string): boolean {
  switch (key) {
    case "id":
    case "type":
    case "role":
    case "model":
    case "content":
    case "stop_reason":
    case "usage":
    case "delta":
      return true;
  }
  return false;
}

// Every other non-null field is kept, raw, for providerMetadata (a switch, not a Set: this runs
// for every body).
function keepExtras(acc: ResponseAccumulator, source: JsonObject): void {
  for (const key in source) if (!isMapped(key)) acc.metadata(key, source[key]);
}

// Where a block is, for errors: the body's content array, or the stream's current block.
// Paths are built only when an error needs one: these run for every block of every body.
function blockPath(index: number, inBody: boolean): string {
  return inBody ? `content[${index}]` : "content_block";
}

// Takes the field's value, not its name: a named load at the call site stays fast. The error
// is built apart, so that the check stays small enough for V8 to inline at each call site.
function blockString(value: unknown, key: string, index: number, inBody: boolean): string {
  return typeof value === "string" ? value : notString(value, key, index, inBody);
}

function notString(value: unknown, key: string, index: number, inBody: boolean): never {
  throw invalidField("anthropic", `${blockPath(index, inBody)}.${key}`, "a string", value);
}

/**
 * Reads a message's id, model, usage and extra fields (a body, or message_start's `message`).
 *
 * @param acc Where the response is built.
 * @param message The message object.
 * @param inBody Whether it is a body (errors name `model`) or message_start's (`message.model`).
 */
export function onMessageStart(
  acc: ResponseAccumulator,
  message: JsonObject,
  inBody: boolean,
): void {
  const model = message.model;
  if (typeof model !== "string") return badModel(model, inBody);
  const id = message.id;
  acc.start(typeof id === "string" ? id : undefined, model);
  keepExtras(acc, message);
  // Reported now: a stream cut before message_delta must not lose the input counts.
  onUsage(acc, message.usage, inBody ? "usage" : "message.usage");
}

function badModel(model: unknown, inBody: boolean): never {
  throw invalidField("anthropic", inBody ? "model" : "message.model", "a string", model);
}

// message_start carries the input counts, message_delta the final ones: merged into the wire
// usage kept so far (the accumulator's, so a read needs no state of its own).
function onUsage(acc: ResponseAccumulator, value: unknown, path: string): void {
  const usage = optionalObject("anthropic", value, path);
  if (usage === undefined) return;
  const kept = acc.metadataOf("usage") as JsonObject | undefined;
  const merged = kept === undefined ? usage : assignPresent(kept, usage);
  acc.usage(mapAnthropicUsage(merged), merged);
}

/**
 * Starts a block: whole in a body, with empty text or input in a stream.
 *
 * @param acc Where the response is built.
 * @param index The block's index.
 * @param value The wire block.
 * @param inBody Whether it comes from a body (names `content[i]` in errors).
 */
export function onBlockStart(
  acc: ResponseAccumulator,
  index: number,
  value: unknown,
  inBody: boolean,
): void {
  const block = blockObject(value, index, inBody);
  const type = block.type;
  if (type === "text" || type === "thinking") onWrittenStart(acc, index, block, inBody);
  else if (type === "tool_use") onToolUseStart(acc, index, block, inBody);
  else onOtherBlock(acc, index, block, inBody);
}

// Each function on a block's path stays small enough for JSC (170 bytes of bytecode) and V8
// to inline; the checks' errors are built apart.
function blockObject(value: unknown, index: number, inBody: boolean): JsonObject {
  if (isJsonObject(value)) return value;
  throw notObject(value, blockPath(index, inBody));
}

function notObject(value: unknown, path: string, field = ""): ResponseParseError {
  return invalidField("anthropic", path + field, "an object", value);
}

function onThinkingStart(
  acc: ResponseAccumulator,
  index: number,
  block: JsonObject,
  inBody: boolean,
): void {
  const text = blockString(block.thinking, "thinking", index, inBody);
  const signature = block.signature;
  acc.add(
    index,
    typeof signature === "string" && signature !== ""
      ? { type: "thinking", text, signature }
      : { type: "thinking", text },
  );
}

// Redacted thinking; server-tool calls and results, and any block type added later: kept whole.
function onOtherBlock(
  acc: ResponseAccumulator,
  index: number,
  block: JsonObject,
  inBody: boolean,
): void {
  const type = blockString(block.type, "type", index, inBody);
  if (type !== "redacted_thinking") return acc.providerBlock(index, type, block);
  acc.add(index, {
    type: "redacted_thinking",
    data: blockString(block.data, "data", index, inBody),
  });
}

function onToolUseStart(
  acc: ResponseAccumulator,
  index: number,
  block: JsonObject,
  inBody: boolean,
): void {
  const call = toolUse(block, index, inBody);
  // A body's call is whole; a stream's arguments follow as input_json_delta.
  if (inBody) acc.add(index, call);
  else acc.toolStart(index, call.id, call.name, call.arguments);
}

function toolUse(block: JsonObject, index: number, inBody: boolean): ToolCallBlock {
  // Not two adjacent reads: Bun's transpiler joins them into a destructuring, whose checks
  // would take this function over JSC's inlining size.
  const id = block.id;
  const input = toolInput(block.input, index, inBody);
  const name = block.name;
  if (typeof id !== "string" || typeof name !== "string") return badToolUse(block, index, inBody);
  return { type: "tool_call", id, name, arguments: input ?? {} };
}

function badToolUse(block: JsonObject, index: number, inBody: boolean): never {
  const field = typeof block.id !== "string" ? "id" : "name";
  return notString(block[field], field, index, inBody);
}

// A tool call's `input`: an object, or absent.
function toolInput(value: unknown, index: number, inBody: boolean): JsonObject | undefined {
  if (isJsonObject(value)) return value;
  if (value === undefined || value === null) return undefined;
  throw notObject(value, blockPath(index, inBody), ".input");
}

// Answer text, or thinking (handed on: one call site here keeps onBlockStart inlinable).
function onWrittenStart(
  acc: ResponseAccumulator,
  index: number,
  block: JsonObject,
  inBody: boolean,
): void {
  if (block.type === "thinking") return onThinkingStart(acc, index, block, inBody);
  acc.add(index, { type: "text", text: blockString(block.text, "text", index, inBody) });
  const citations = block.citations;
  if (citations !== undefined && citations !== null) onCitations(acc, index, citations, inBody);
}

function onCitations(
  acc: ResponseAccumulator,
  index: number,
  citations: unknown,
  inBody: boolean,
): void {
  if (!Array.isArray(citations)) {
    throw invalidField("anthropic", `${blockPath(index, inBody)}.citations`, "an array", citations);
  }
  for (let i = 0; i < citations.length; i++) {
    acc.citation(
      index,
      anthropicCitation(citations[i], `${blockPath(index, inBody)}.citations[${i}]`),
    );
  }
}

function blockIndex(json: JsonObject): number {
  return requireIndex("anthropic", json.index, "index", "a block index");
}

/** `content_block_start`: a block begins. */
export function onContentBlockStart(acc: ResponseAccumulator, json: JsonObject): void {
  onBlockStart(acc, blockIndex(json), json.content_block, false);
}

/** `content_block_delta`: more text, thinking, argument JSON, a signature or a citation. */
export function onContentBlockDelta(acc: ResponseAccumulator, json: JsonObject): void {
  const index = blockIndex(json);
  const delta = json.delta;
  if (!isJsonObject(delta)) throw invalidField("anthropic", "delta", "an object", delta);
  switch (delta.type) {
    case "text_delta":
      return acc.text(index, requireString("anthropic", delta.text, "delta.text"));
    case "input_json_delta":
      return acc.toolDelta(
        index,
        requireString("anthropic", delta.partial_json, "delta.partial_json"),
      );
    case "thinking_delta":
      return acc.thinking(index, requireString("anthropic", delta.thinking, "delta.thinking"));
    case "signature_delta":
      return acc.signature(index, requireString("anthropic", delta.signature, "delta.signature"));
    case "citations_delta":
      return acc.citation(index, anthropicCitation(delta.citation, "delta.citation"));
  }
}

/** `content_block_stop`: the block is complete (a tool call's arguments are parsed now). */
export function onContentBlockStop(acc: ResponseAccumulator, json: JsonObject): void {
  acc.end(blockIndex(json));
}

/**
 * The stop reason, whether from a body or from `message_delta`.
 *
 * @param acc Where the response is built.
 * @param reason The wire `stop_reason`.
 */
export function onStopReason(acc: ResponseAccumulator, reason: unknown): void {
  if (reason !== null && reason !== undefined) {
    acc.finish(mapAnthropicStopReason(reason), reason);
  }
}

/** `message_delta`: final usage, stop reason and the message's other final fields. */
export function onMessageDelta(acc: ResponseAccumulator, json: JsonObject): void {
  const delta = optionalObject("anthropic", json.delta, "delta");
  keepExtras(acc, json);
  if (delta !== undefined) keepExtras(acc, delta);
  onUsage(acc, json.usage, "usage");
  onStopReason(acc, delta?.stop_reason);
}

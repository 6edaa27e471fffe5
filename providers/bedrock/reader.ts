/**
 * The one reader of Converse content. A whole body and a ConverseStream drive the same named
 * handlers over a {@link ResponseAccumulator}: a body's `output.message.content[i]` is read as
 * block `i` arriving whole; a stream's `contentBlockStart` / `contentBlockDelta` /
 * `contentBlockStop` grow the same blocks. `messageStop` and a body's `stopReason` give the finish
 * reason; `metadata` and a body's `usage` the usage. Content kinds the canonical model has no type
 * for (`citationsContent`, `guardContent`, …) become provider blocks; every field the canonical
 * response does not map (`metrics`, `trace`, `additionalModelResponseFields`, …) is kept in
 * `providerMetadata`. The stream's padding field `p` carries nothing and is not kept.
 *
 * @see https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_ContentBlock.html
 * @see https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_ConverseStreamOutput.html
 * @module
 */

import type { ResponseAccumulator } from "../../codec/accumulator.ts";
import {
  invalidField,
  isJsonObject,
  optionalObject,
  requireIndex,
  requireString,
} from "../../codec/json.ts";
import type { JsonObject } from "../../common/json_object.ts";
import { mapBedrockStopReason, mapBedrockUsage } from "./mappers.ts";

// Fields the canonical response maps, or that carry nothing (the stream's padding `p`).
function isMapped(key: string): boolean {
  switch (key) {
    case "output":
    case "stopReason":
    case "usage":
    case "role":
    case "p":
      return true;
  }
  return false;
}

/**
 * Keeps every unmapped field of a body or event for `providerMetadata`.
 *
 * @param acc Where the response is built.
 * @param source The body or event.
 */
export function keepExtras(acc: ResponseAccumulator, source: JsonObject): void {
  for (const key in source) if (!isMapped(key)) acc.metadata(key, source[key]);
}

// Where a body's block is, for errors (built only when one is thrown, or for a nested field).
function blockPath(index: number): string {
  return `output.message.content[${index}]`;
}

/**
 * Reads one whole content block of a body.
 *
 * @param acc Where the response is built.
 * @param index The block's position.
 * @param value The wire block: a union with one member set.
 */
export function onBodyBlock(acc: ResponseAccumulator, index: number, value: unknown): void {
  if (!isJsonObject(value)) {
    throw invalidField("bedrock", blockPath(index), "an object", value);
  }
  const text = value.text;
  if (text !== undefined && text !== null) {
    acc.add(index, {
      type: "text",
      text: requireString("bedrock", text, `${blockPath(index)}.text`),
    });
  } else if (value.toolUse !== undefined && value.toolUse !== null) {
    onBodyToolUse(acc, index, value.toolUse);
  } else if (value.reasoningContent !== undefined && value.reasoningContent !== null) {
    onBodyReasoning(acc, index, value.reasoningContent);
  } else {
    onOtherBlock(acc, index, value);
  }
}

function onBodyToolUse(acc: ResponseAccumulator, index: number, value: unknown): void {
  const path = `${blockPath(index)}.toolUse`;
  const call = optionalObject("bedrock", value, path)!;
  const id = requireString("bedrock", call.toolUseId, `${path}.toolUseId`);
  const name = requireString("bedrock", call.name, `${path}.name`);
  const input = optionalObject("bedrock", call.input, `${path}.input`) ?? {};
  acc.add(index, { type: "tool_call", id, name, arguments: input });
}

function onBodyReasoning(acc: ResponseAccumulator, index: number, value: unknown): void {
  const path = `${blockPath(index)}.reasoningContent`;
  const reasoning = optionalObject("bedrock", value, path)!;
  const redacted = reasoning.redactedContent;
  if (redacted !== undefined && redacted !== null) {
    const data = requireString("bedrock", redacted, `${path}.redactedContent`);
    return acc.add(index, { type: "redacted_thinking", data });
  }
  const text = optionalObject("bedrock", reasoning.reasoningText, `${path}.reasoningText`);
  if (text === undefined) return onOtherBlock(acc, index, { reasoningContent: reasoning });
  const thinking = requireString("bedrock", text.text ?? "", `${path}.reasoningText.text`);
  const signature = text.signature;
  if (signature === undefined || signature === null || signature === "") {
    return acc.add(index, { type: "thinking", text: thinking });
  }
  acc.add(index, {
    type: "thinking",
    text: thinking,
    signature: requireString("bedrock", signature, `${path}.reasoningText.signature`),
  });
}

// A content kind with no canonical type (`citationsContent`, `image`, …): kept whole under the
// name of its member.
function onOtherBlock(acc: ResponseAccumulator, index: number, block: JsonObject): void {
  let kind = "unknown";
  for (const key in block) {
    if (block[key] !== null && block[key] !== undefined) {
      kind = key;
      break;
    }
  }
  acc.providerBlock(index, kind, block);
}

function blockIndex(json: JsonObject): number {
  return requireIndex("bedrock", json.contentBlockIndex, "contentBlockIndex", "a block index");
}

/** `contentBlockStart`: a tool call begins (text and reasoning blocks have no start event). */
export function onContentBlockStart(acc: ResponseAccumulator, json: JsonObject): void {
  const index = blockIndex(json);
  const start = optionalObject("bedrock", json.start, "start");
  if (start === undefined) return;
  const toolUse = optionalObject("bedrock", start.toolUse, "start.toolUse");
  if (toolUse === undefined) return onOtherBlock(acc, index, start);
  const id = requireString("bedrock", toolUse.toolUseId, "start.toolUse.toolUseId");
  const name = requireString("bedrock", toolUse.name, "start.toolUse.name");
  acc.toolStart(index, id, name, {});
}

/** `contentBlockDelta`: more text, tool input JSON, reasoning text, a signature or redacted reasoning. */
export function onContentBlockDelta(acc: ResponseAccumulator, json: JsonObject): void {
  const index = blockIndex(json);
  const delta = json.delta;
  if (!isJsonObject(delta)) throw invalidField("bedrock", "delta", "an object", delta);
  const text = delta.text;
  if (text !== undefined && text !== null) {
    return acc.text(index, requireString("bedrock", text, "delta.text"));
  }
  const toolUse = optionalObject("bedrock", delta.toolUse, "delta.toolUse");
  if (toolUse !== undefined) {
    return acc.toolDelta(index, requireString("bedrock", toolUse.input, "delta.toolUse.input"));
  }
  const reasoning = optionalObject("bedrock", delta.reasoningContent, "delta.reasoningContent");
  if (reasoning !== undefined) onReasoningDelta(acc, index, reasoning);
}

function onReasoningDelta(acc: ResponseAccumulator, index: number, delta: JsonObject): void {
  const path = "delta.reasoningContent";
  if (delta.text !== undefined && delta.text !== null) {
    return acc.thinking(index, requireString("bedrock", delta.text, `${path}.text`));
  }
  if (delta.signature !== undefined && delta.signature !== null) {
    return acc.signature(index, requireString("bedrock", delta.signature, `${path}.signature`));
  }
  const redacted = delta.redactedContent;
  if (redacted !== undefined && redacted !== null) {
    const data = requireString("bedrock", redacted, `${path}.redactedContent`);
    acc.add(index, { type: "redacted_thinking", data });
  }
}

/** `contentBlockStop`: the block is complete (a tool call's arguments are parsed now). */
export function onContentBlockStop(acc: ResponseAccumulator, json: JsonObject): void {
  acc.end(blockIndex(json));
}

/**
 * The stop reason, from a body or from `messageStop`.
 *
 * @param acc Where the response is built.
 * @param reason The wire `stopReason`.
 */
export function onStopReason(acc: ResponseAccumulator, reason: unknown): void {
  if (reason === undefined || reason === null) return;
  acc.finish(mapBedrockStopReason(reason), reason);
}

/**
 * The usage, from a body or from `metadata`.
 *
 * @param acc Where the response is built.
 * @param value The wire `usage`.
 */
export function onUsage(acc: ResponseAccumulator, value: unknown): void {
  const usage = optionalObject("bedrock", value, "usage");
  if (usage !== undefined) acc.usage(mapBedrockUsage(usage), usage);
}

/** `messageStop`: the stop reason and the model's own response fields. */
export function onMessageStop(acc: ResponseAccumulator, json: JsonObject): void {
  keepExtras(acc, json);
  onStopReason(acc, json.stopReason);
}

/** `metadata`: usage, metrics and trace; the stream's last event. */
export function onMetadata(acc: ResponseAccumulator, json: JsonObject): void {
  keepExtras(acc, json);
  onUsage(acc, json.usage);
  acc.terminate();
}

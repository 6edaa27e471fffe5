/**
 * The one reader of Responses API output. A whole body and a stream drive the same named
 * handlers over a {@link ResponseAccumulator}: a body is read as each of its output items added
 * and then done, between the response's start and end. In a stream, parts and deltas open the
 * blocks as they arrive, and `output_item.done` reads whole whatever no event brought (so a
 * server that sends no deltas loses nothing) and ends the item.
 *
 * Output items become canonical content in order: each `output_text` or `refusal` part of a
 * message a text block (its `annotations` citations; a refusal makes the finish reason
 * content_filter); each summary part (and `reasoning_text` part) of a reasoning item a thinking
 * block, signed `<id>:<encrypted_content>` so that the item can be sent back; a `function_call`
 * a tool call by its `call_id`; any other item (`web_search_call`, `file_search_call`, …, kinds
 * added later) a provider block holding the item as received.
 *
 * @see https://platform.openai.com/docs/api-reference/responses/object
 * @see https://platform.openai.com/docs/api-reference/responses-streaming
 * @module
 */

import { invalidField, isJsonObject, optionalObject } from "../../codec/json.ts";
import type { JsonObject } from "../../common/json_object.ts";
import { responsesError } from "./errors.ts";
import {
  mapOpenAIResponsesFinishReason,
  mapOpenAIResponsesUsage,
  reasoningSignature,
} from "./mappers.ts";
import { itemPath, partIndex, partKey, REASONING_TEXT } from "./keys.ts";
import { readPart } from "./parts.ts";
import type { ResponsesReader } from "./state.ts";

// Fields of the response object that the canonical response maps (`output_text` is an SDK
// convenience some servers send too); every other non-null field is kept for providerMetadata.
function isMapped(key: string): boolean {
  switch (key) {
    case "id":
    case "object":
    case "model":
    case "output":
    case "output_text":
    case "usage":
    case "status":
    case "error":
      return true;
  }
  return false;
}

/**
 * Reads the response object's id, model and other fields: a body, or the `response` of
 * `response.created` and the other response events.
 *
 * @param reader The read.
 * @param response The response object.
 * @param inBody Whether it is a body (errors name `model`, else `response.model`).
 */
export function onResponseStart(
  reader: ResponsesReader,
  response: JsonObject,
  inBody: boolean,
): void {
  const acc = reader.acc;
  const { id, model } = response;
  if (typeof model !== "string") {
    throw invalidField(reader.acc.provider, inBody ? "model" : "response.model", "a string", model);
  }
  if (!acc.started) acc.start(typeof id === "string" ? id : undefined, model);
  for (const key in response) if (!isMapped(key)) acc.metadata(key, response[key]);
}

/**
 * Reads how the response ended: usage, status (and `incomplete_details`) as the finish reason,
 * then a failed response's `error`. A body ends so, as do `response.completed`,
 * `response.incomplete` and `response.failed`.
 *
 * @param reader The read.
 * @param response The final response object.
 * @param inBody Whether it is a body.
 */
export function onResponseEnd(
  reader: ResponsesReader,
  response: JsonObject,
  inBody: boolean,
): void {
  // A body's fields were read at its start, from this same object.
  if (!inBody) onResponseStart(reader, response, inBody);
  const acc = reader.acc;
  const usage = optionalObject(
    reader.acc.provider,
    response.usage,
    inBody ? "usage" : "response.usage",
  );
  if (usage !== undefined) acc.usage(mapOpenAIResponsesUsage(usage), usage);
  const details = optionalObject(
    reader.acc.provider,
    response.incomplete_details,
    inBody ? "incomplete_details" : "response.incomplete_details",
  );
  const reason = details?.reason;
  const status = response.status;
  acc.finish(
    mapOpenAIResponsesFinishReason(status, reason, acc.hasToolCalls, reader.refused),
    typeof reason === "string" ? reason : status,
  );
  const error = optionalObject(
    reader.acc.provider,
    response.error,
    inBody ? "error" : "response.error",
  );
  if (error !== undefined) acc.fail(responsesError(reader.acc.provider, error));
}

function itemOf(provider: string, value: unknown, output: number, inBody: boolean): JsonObject {
  if (!isJsonObject(value)) {
    throw invalidField(provider, itemPath(output, inBody), "an object", value);
  }
  return value;
}

function itemString(
  provider: string,
  value: unknown,
  output: number,
  inBody: boolean,
  field: string,
): string {
  if (typeof value !== "string" || value === "") {
    throw invalidField(
      provider,
      `${itemPath(output, inBody)}.${field}`,
      "a non-empty string",
      value,
    );
  }
  return value;
}

// A call opens at output_item.added (a body: its item), with what arguments came with it.
function startCall(
  reader: ResponsesReader,
  output: number,
  item: JsonObject,
  inBody: boolean,
): void {
  const key = partKey(output, 0);
  const args = item.arguments ?? "";
  if (typeof args !== "string") {
    throw invalidField(
      reader.acc.provider,
      `${itemPath(output, inBody)}.arguments`,
      "a string",
      args,
    );
  }
  const id = itemString(reader.acc.provider, item.call_id, output, inBody, "call_id");
  reader.acc.toolStart(
    key,
    id,
    itemString(reader.acc.provider, item.name, output, inBody, "name"),
    undefined,
    args,
  );
}

/**
 * `response.output_item.added`: a function call opens, so that its argument deltas have a
 * block to go to. Other items are read when they are done.
 *
 * @param reader The read.
 * @param output The item's `output_index`.
 * @param value The item.
 */
export function onItemAdded(reader: ResponsesReader, output: number, value: unknown): void {
  const item = itemOf(reader.acc.provider, value, output, false);
  if (item.type === "function_call") startCall(reader, output, item, false);
}

/**
 * `response.output_item.done` (a body: each item): reads whole what no event brought,
 * signs reasoning, and ends the item.
 *
 * @param reader The read.
 * @param output The item's `output_index`.
 * @param value The final item.
 * @param inBody Whether it comes from a body.
 */
export function onItemDone(
  reader: ResponsesReader,
  output: number,
  value: unknown,
  inBody: boolean,
): void {
  const item = itemOf(reader.acc.provider, value, output, inBody);
  const acc = reader.acc;
  switch (item.type) {
    case "message":
      return onMessageDone(reader, output, item, inBody);
    case "reasoning":
      return onReasoningDone(reader, output, item, inBody);
    case "function_call": {
      const key = partKey(output, 0);
      // A body's call was not opened before (no added event): no block to look for.
      if (inBody || !acc.hasTool(key)) startCall(reader, output, item, inBody);
      // A stream's call that no argument text reached: the done item carries it.
      else if (acc.awaitsArguments(key) && typeof item.arguments === "string") {
        acc.toolDelta(key, item.arguments);
      }
      return acc.end(key);
    }
  }
  // Provider-run tools (web and file search, code interpreter, image generation, MCP, …) and
  // any item kind added later: kept whole.
  const key = partKey(output, 0);
  acc.providerBlock(key, itemString(reader.acc.provider, item.type, output, inBody, "type"), item);
  acc.end(key);
}

const NONE: readonly unknown[] = Object.freeze([]);

// A list of parts; its path is built only for an error (this runs for every item of a body).
function listOf(
  provider: string,
  item: JsonObject,
  field: string,
  output: number,
  inBody: boolean,
): readonly unknown[] {
  const list = item[field];
  if (Array.isArray(list)) return list;
  if (list === undefined || list === null) return NONE;
  throw invalidField(provider, `${itemPath(output, inBody)}.${field}`, "an array", list);
}

function onMessageDone(
  reader: ResponsesReader,
  output: number,
  item: JsonObject,
  inBody: boolean,
): void {
  const content = listOf(reader.acc.provider, item, "content", output, inBody);
  for (let c = 0; c < content.length; c++) {
    const key = partKey(output, partIndex(reader.acc.provider, c, "content"));
    // A part streamed already is not read again whole; a body streamed none.
    if (!inBody && reader.acc.has(key)) continue;
    if (!readPart(reader, key, content[c], "content", inBody)) {
      // A part of a kind added later: kept as a message holding only it, which can go back.
      const part = content[c] as JsonObject;
      reader.acc.providerBlock(key, "message", {
        type: "message",
        role: "assistant",
        content: [part],
      });
      reader.acc.end(key);
    }
  }
}

function onReasoningDone(
  reader: ResponsesReader,
  output: number,
  item: JsonObject,
  inBody: boolean,
): void {
  const acc = reader.acc;
  const summary = listOf(reader.acc.provider, item, "summary", output, inBody);
  for (let s = 0; s < summary.length; s++) {
    const key = partKey(output, partIndex(reader.acc.provider, s, "summary"));
    if (inBody || !acc.has(key)) readPart(reader, key, summary[s], "summary", inBody);
  }
  const content = listOf(reader.acc.provider, item, "content", output, inBody);
  for (let c = 0; c < content.length; c++) {
    const key = partKey(output, REASONING_TEXT + partIndex(reader.acc.provider, c, "content"));
    if (inBody || !acc.has(key)) readPart(reader, key, content[c], "content", inBody);
  }
  const signature = reasoningSignature(item.id, item.encrypted_content);
  if (signature === undefined) return;
  // Reasoning without a summary still carries what a later request needs: an empty block.
  const first = partKey(output, 0);
  if (summary.length === 0 && content.length === 0 && !acc.has(first)) acc.open(first, "thinking");
  for (let s = 0; s < Math.max(summary.length, 1); s++) acc.signature(first + s, signature);
  for (let c = 0; c < content.length; c++) acc.signature(first + REASONING_TEXT + c, signature);
}

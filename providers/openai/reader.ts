/**
 * The one reader of OpenAI Chat Completions content. A body is one chunk whose choices carry a
 * whole `message` instead of a `delta`; both go through the same handlers over a
 * {@link ResponseAccumulator}. Handles `content`, `refusal` (content_filter), reasoning text
 * from compatible servers (`reasoning_content`, `reasoning`), `tool_calls` by index (id and
 * name in the first piece, or everything in one; repeated or empty ids), `annotations`
 * (citations), `logprobs` (joined across chunks), further choices (`n` > 1), an `error` object,
 * and `content` as a list of typed chunks (Mistral's reasoning models: `thinking` and `text`).
 *
 * @see https://platform.openai.com/docs/api-reference/chat/object
 * @see https://platform.openai.com/docs/api-reference/chat-streaming
 * @module
 */

import type { ResponseAccumulator } from "../../codec/accumulator.ts";
import { citationOf } from "../../codec/citation.ts";
import {
  hasOtherKeys,
  invalidField,
  isJsonObject,
  optionalArray,
  optionalObject,
  present,
} from "../../codec/json.ts";
import type { JsonObject } from "../../common/json_object.ts";
import { openAIStreamError } from "./errors.ts";
import { at, CONTENT, listField, notObject, REASONING, REFUSAL, textField } from "./fields.ts";
import { contentField, reasoningDetails } from "./host_shapes.ts";
import { mapOpenAIFinishReason, mapOpenAIUsage } from "./mappers.ts";

// Fields of a chunk or body that are read, or kept by name.
function isChunkField(key: string): boolean {
  switch (key) {
    case "id":
    case "object":
    case "model":
    case "choices":
    case "usage":
    case "obfuscation":
    case "created":
    case "system_fingerprint":
    case "service_tier":
      return true;
  }
  return false;
}

// Keeps a chunk's or body's fields that the canonical response does not map. Its usual ones
// are kept by name (a named store is inlined; acc.metadata()'s keyed store is megamorphic, and
// cost ~190 instructions a field), and the keys are scanned for others only when there are
// others. `obfuscation` is padding that changes per chunk.
function keepChunkExtras(acc: ResponseAccumulator, json: JsonObject): void {
  const created = json.created;
  const fingerprint = json.system_fingerprint;
  const tier = json.service_tier;
  if (created !== null && created !== undefined) acc.extras().created = created;
  if (fingerprint !== null && fingerprint !== undefined) {
    acc.extras().system_fingerprint = fingerprint;
  }
  if (tier !== null && tier !== undefined) acc.extras().service_tier = tier;
  const usual = present(json.id) + present(json.object) + present(json.model) +
    present(json.choices) + present(json.usage) + present(json.obfuscation) + present(created) +
    present(fingerprint) + present(tier);
  if (hasOtherKeys(json, usual)) {
    for (const key in json) if (!isChunkField(key)) acc.metadata(key, json[key]);
  }
}

// Fields of a choice that the canonical response maps (`usage` would stand for the response's).
function isChoiceField(key: string): boolean {
  switch (key) {
    case "index":
    case "message":
    case "delta":
    case "finish_reason":
    case "logprobs":
    case "usage":
      return true;
  }
  return false;
}

/**
 * Reads one chunk (or a whole body, `inBody`): id and model, choices, usage, extra fields.
 *
 * @param acc Where the response is built (the first choice's; it keeps the others).
 * @param json The parsed chunk or body.
 * @param inBody Whether choices carry `message` (a body) rather than `delta`.
 */
export function onChunk(acc: ResponseAccumulator, json: JsonObject, inBody: boolean): void {
  if (json.error !== undefined && json.error !== null) {
    return acc.fail(openAIStreamError(acc.provider, json));
  }
  // Azure's first chunk may carry only prompt filter results, with empty id and model.
  if (!acc.started && typeof json.model === "string" && json.model !== "") {
    acc.start(typeof json.id === "string" ? json.id : undefined, json.model);
  }
  keepChunkExtras(acc, json);
  const choices = optionalArray(acc.provider, json.choices, "choices");
  if (choices !== undefined) {
    for (let i = 0; i < choices.length; i++) onChoice(acc, choices[i], i, inBody);
  }
  // The usage chunk comes last, with empty choices (stream_options.include_usage).
  const usage = optionalObject(acc.provider, json.usage, "usage");
  if (usage !== undefined) {
    acc.usage(mapOpenAIUsage(usage), usage);
  }
}

function onChoice(
  first: ResponseAccumulator,
  value: unknown,
  position: number,
  inBody: boolean,
): void {
  if (!isJsonObject(value)) throw notObject(first.provider, value, `choices[${position}]`);
  const index = value.index;
  const acc = first.choice(typeof index === "number" ? index : position);
  const logprobs = value.logprobs;
  const delta = inBody ? value.message : value.delta;
  const reason = value.finish_reason;
  const usual = present(index) + present(value.message) + present(value.delta) + present(reason) +
    present(logprobs) + present(value.usage);
  if (hasOtherKeys(value, usual)) {
    for (const key in value) if (!isChoiceField(key)) acc.metadata(key, value[key]);
  }
  // Checked here: the call itself, rarely needed, did not inline and cost ~45 instructions.
  if (logprobs !== null && logprobs !== undefined) joinLogprobs(acc, logprobs);
  if (isJsonObject(delta)) onDelta(acc, delta, position, inBody);
  else if (inBody || (delta !== undefined && delta !== null)) {
    throw notObject(acc.provider, delta, at(position, inBody, ""));
  }
  if (reason !== null && reason !== undefined) {
    // Refusal text makes the choice a content_filter stop, whatever the raw reason.
    acc.finish(acc.has(REFUSAL) ? "content_filter" : mapOpenAIFinishReason(reason), reason);
  }
}

// Token logprobs arrive a few per chunk: the lists are joined, so a stream keeps all of them.
function joinLogprobs(acc: ResponseAccumulator, value: unknown): void {
  if (!isJsonObject(value)) return;
  const kept = acc.metadataOf("logprobs");
  if (!isJsonObject(kept)) return acc.metadata("logprobs", value);
  for (const key in value) {
    const list = value[key];
    const before = kept[key];
    if (Array.isArray(list)) kept[key] = Array.isArray(before) ? before.concat(list) : list;
    else if (list !== null && list !== undefined) kept[key] = list;
  }
}

function onDelta(
  acc: ResponseAccumulator,
  delta: JsonObject,
  position: number,
  inBody: boolean,
): void {
  const reasoning =
    textField(acc.provider, delta.reasoning_content, "reasoning_content", position, inBody) ||
    textField(acc.provider, delta.reasoning, "reasoning", position, inBody);
  if (reasoning !== "") acc.thinking(REASONING, reasoning);
  const details = delta.reasoning_details;
  if (details !== undefined && details !== null) reasoningDetails(acc, details, position, inBody);
  const content = contentField(acc, delta.content, position, inBody);
  if (content !== "") acc.text(CONTENT, content);
  const refusal = textField(acc.provider, delta.refusal, "refusal", position, inBody);
  if (refusal !== "") acc.text(REFUSAL, refusal);
  const annotations = listField(acc.provider, delta.annotations, "annotations", position, inBody);
  if (annotations !== undefined) {
    for (let i = 0; i < annotations.length; i++) {
      onAnnotation(acc, annotations[i], position, inBody, i);
    }
  }
  const calls = listField(acc.provider, delta.tool_calls, "tool_calls", position, inBody);
  if (calls !== undefined) {
    for (let i = 0; i < calls.length; i++) onToolCallPiece(acc, calls[i], i, position, inBody);
  }
  // Fields no handler reads (OpenAI `audio`, OpenRouter `images`, Groq `executed_tools`) are kept
  // as a choice's are, under `message`; the keys are compared only when there are such fields.
  const usual = present(delta.role) + present(delta.content) + present(delta.reasoning_content) +
    present(delta.reasoning) + present(details) + present(delta.refusal) +
    present(delta.annotations) + present(delta.tool_calls);
  if (hasOtherKeys(delta, usual)) keepMessageExtras(acc, delta);
}

function isMessageField(key: string): boolean {
  switch (key) {
    case "role":
    case "content":
    case "reasoning_content":
    case "reasoning":
    case "reasoning_details":
    case "refusal":
    case "annotations":
    case "tool_calls":
      return true;
  }
  return false;
}

// A body's message fields are kept whole; a stream's deltas of one field are kept as the last.
function keepMessageExtras(acc: ResponseAccumulator, delta: JsonObject): void {
  let kept = acc.metadataOf("message");
  if (!isJsonObject(kept)) {
    kept = {};
    acc.metadata("message", kept);
  }
  for (const key in delta) {
    const value = delta[key];
    if (!isMessageField(key) && value !== null && value !== undefined) {
      (kept as JsonObject)[key] = value;
    }
  }
}

function onAnnotation(
  acc: ResponseAccumulator,
  value: unknown,
  position: number,
  inBody: boolean,
  i: number,
): void {
  if (!isJsonObject(value)) {
    throw invalidField(
      acc.provider,
      at(position, inBody, `.annotations[${i}]`),
      "an object",
      value,
    );
  }
  // `url_citation` keeps its details under a key named like its type.
  const type = value.type;
  const details = typeof type === "string" && isJsonObject(value[type]) ? value[type] : value;
  acc.citation(CONTENT, citationOf(acc.provider, value, details.url, details.title, undefined));
}

function onToolCallPiece(
  acc: ResponseAccumulator,
  piece: unknown,
  i: number,
  position: number,
  inBody: boolean,
): void {
  if (!isJsonObject(piece)) {
    throw invalidField(acc.provider, at(position, inBody, `.tool_calls[${i}]`), "an object", piece);
  }
  // Some compatible servers omit the index (and a body has none): pieces come in order.
  const index = typeof piece.index === "number" ? piece.index : i;
  const wire = piece.function;
  const fn: JsonObject = isJsonObject(wire) ? wire : {};
  if (wire !== undefined && wire !== null && fn !== wire) {
    throw invalidField(
      acc.provider,
      at(position, inBody, `.tool_calls[${i}].function`),
      "an object",
      wire,
    );
  }

  const args = fn.arguments ?? "";
  if (typeof args !== "string") {
    throw invalidField(
      acc.provider,
      at(position, inBody, `.tool_calls[${i}].function.arguments`),
      "a string",
      args,
    );
  }
  if (!acc.hasTool(index)) {
    const { id } = piece;
    const { name } = fn;
    if (typeof id !== "string" || id === "") {
      throw invalidField(
        acc.provider,
        at(position, inBody, `.tool_calls[${i}].id`),
        "a non-empty string in a call's first piece",
        id,
      );
    }
    if (typeof name !== "string" || name === "") {
      throw invalidField(
        acc.provider,
        at(position, inBody, `.tool_calls[${i}].function.name`),
        "a non-empty string in a call's first piece",
        name,
      );
    }
    return acc.toolStart(index, id, name, undefined, args);
  }
  acc.toolDelta(index, args);
}

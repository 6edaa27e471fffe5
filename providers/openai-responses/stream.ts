/**
 * Responses API SSE → canonical events. Each typed event goes to its handler: the response
 * events and `output_item.added` / `.done` to the reader that also reads whole bodies, the part
 * and delta events to the small handlers below, which append to the blocks the reader keys.
 * `response.completed`, `response.incomplete` and `response.failed` end the stream; an `error`
 * event is reported as a {@link ProviderError}. The `.done` events of parts and texts repeat
 * what the deltas said and are skipped, as are progress events (`response.web_search_call.*`)
 * and event types added later.
 *
 * @see https://platform.openai.com/docs/api-reference/responses-streaming
 * @module
 */

import { ResponseAccumulator } from "../../codec/accumulator.ts";
import { EventBuffer } from "../../codec/sink.ts";
import { invalidField, isJsonObject, requireString } from "../../codec/json.ts";
import { assembleStreamDecoder } from "../../codec/stream.ts";
import type { StreamDecoder, StreamDecoderOptions } from "../../common/provider.ts";
import type { JsonObject } from "../../common/json_object.ts";
import { responsesError } from "./errors.ts";
import { outputIndex, partIndex, partKey, REASONING_TEXT } from "./keys.ts";
import { PROVIDER } from "./mappers.ts";
import { annotationOf, readPart } from "./parts.ts";
import { onItemAdded, onItemDone, onResponseEnd, onResponseStart } from "./reader.ts";
import { type ResponsesReader, responsesReader } from "./state.ts";

function objectField(json: JsonObject, field: string): JsonObject {
  const value = json[field];
  if (!isJsonObject(value)) throw invalidField(PROVIDER, field, "an object", value);
  return value;
}

function deltaOf(json: JsonObject): string {
  return requireString(PROVIDER, json.delta, "delta");
}

// A part of a message (content_index) or of a reasoning item (summary_index, or content_index
// for reasoning text).
function contentKey(json: JsonObject): number {
  return partKey(outputIndex(json.output_index), partIndex(json.content_index, "content_index"));
}

function onPartAdded(reader: ResponsesReader, json: JsonObject, summary: boolean): void {
  const output = outputIndex(json.output_index);
  const part = objectField(json, "part");
  const index = summary
    ? partIndex(json.summary_index, "summary_index")
    : partIndex(json.content_index, "content_index") +
      (part.type === "reasoning_text" ? REASONING_TEXT : 0);
  // A part of a kind this reader does not know is read when its item is done.
  readPart(reader, partKey(output, index), part, "", undefined);
}

function onEvent(reader: ResponsesReader, json: JsonObject): void {
  const acc = reader.acc;
  switch (json.type) {
    case "response.output_text.delta":
      return acc.text(contentKey(json), deltaOf(json));
    case "response.reasoning_summary_text.delta": {
      const output = outputIndex(json.output_index);
      return acc.thinking(
        partKey(output, partIndex(json.summary_index, "summary_index")),
        deltaOf(json),
      );
    }
    case "response.function_call_arguments.delta": {
      return acc.toolDelta(partKey(outputIndex(json.output_index), 0), deltaOf(json));
    }
    case "response.reasoning_text.delta":
      return acc.thinking(contentKey(json) + REASONING_TEXT, deltaOf(json));
    case "response.refusal.delta":
      reader.refused = true;
      return acc.text(contentKey(json), deltaOf(json));
    case "response.output_text.annotation.added":
      if (json.annotation === null || json.annotation === undefined) return;
      return acc.citation(contentKey(json), annotationOf(json.annotation, "annotation"));
    case "response.content_part.added":
      return onPartAdded(reader, json, false);
    case "response.reasoning_summary_part.added":
      return onPartAdded(reader, json, true);
    case "response.output_item.added":
      return onItemAdded(reader, outputIndex(json.output_index), json.item);
    case "response.output_item.done":
      return onItemDone(reader, outputIndex(json.output_index), json.item, false);
    case "response.created":
    case "response.in_progress":
    case "response.queued":
      return onResponseStart(reader, objectField(json, "response"), false);
    case "response.completed":
    case "response.incomplete":
    case "response.failed":
      onResponseEnd(reader, objectField(json, "response"), false);
      return acc.terminate();
    case "error":
      return acc.fail(responsesError({ code: json.code, message: json.message }));
  }
}

/**
 * Creates a decoder for a Responses API stream.
 *
 * @param options Event size cap.
 * @returns The decoder: push bytes or text, get events; `end()` gives the response.
 *
 * @example
 * ```ts
 * import { openaiResponses } from "@rosetta/llm";
 * import assert from "node:assert/strict";
 * const decoder = openaiResponses.createStreamDecoder();
 * const response = { id: "resp_1", object: "response", model: "gpt-5-mini", status: "in_progress", output: [] };
 * decoder.push(`data: ${JSON.stringify({ type: "response.created", response })}\n\n`);
 * const events = decoder.push('data: {"type":"response.output_text.delta","output_index":0,"content_index":0,"delta":"Hi"}\n\n');
 * assert.deepEqual(events, [{ type: "text_delta", index: 0, text: "Hi" }]);
 * decoder.push(`data: ${JSON.stringify({ type: "response.completed", response: { ...response, status: "completed" } })}\n\n`);
 * assert.deepEqual(decoder.end().content, [{ type: "text", text: "Hi" }]);
 * ```
 */
export function createOpenAIResponsesStreamDecoder(
  options: StreamDecoderOptions = {},
): StreamDecoder {
  const reader = responsesReader(new ResponseAccumulator(PROVIDER, new EventBuffer()));
  return assembleStreamDecoder(reader.acc, "response.completed", options, (_event, data) => {
    const json = JSON.parse(data);
    if (!isJsonObject(json)) throw invalidField(PROVIDER, "event", "an object", json);
    onEvent(reader, json);
  });
}

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

function objectField(provider: string, json: JsonObject, field: string): JsonObject {
  const value = json[field];
  if (!isJsonObject(value)) throw invalidField(provider, field, "an object", value);
  return value;
}

function deltaOf(provider: string, json: JsonObject): string {
  return requireString(provider, json.delta, "delta");
}

// A part of a message (content_index) or of a reasoning item (summary_index, or content_index
// for reasoning text).
function contentKey(provider: string, json: JsonObject): number {
  return partKey(
    outputIndex(provider, json.output_index),
    partIndex(provider, json.content_index, "content_index"),
  );
}

function onPartAdded(reader: ResponsesReader, json: JsonObject, summary: boolean): void {
  const provider = reader.acc.provider;
  const output = outputIndex(provider, json.output_index);
  const part = objectField(provider, json, "part");
  const index = summary
    ? partIndex(provider, json.summary_index, "summary_index")
    : partIndex(provider, json.content_index, "content_index") +
      (part.type === "reasoning_text" ? REASONING_TEXT : 0);
  // A part of a kind this reader does not know is read when its item is done.
  readPart(reader, partKey(output, index), part, "", undefined);
}

function onEvent(reader: ResponsesReader, json: JsonObject): void {
  const provider = reader.acc.provider;
  const acc = reader.acc;
  switch (json.type) {
    case "response.output_text.delta":
      return acc.text(contentKey(provider, json), deltaOf(provider, json));
    case "response.reasoning_summary_text.delta": {
      const output = outputIndex(provider, json.output_index);
      return acc.thinking(
        partKey(output, partIndex(provider, json.summary_index, "summary_index")),
        deltaOf(provider, json),
      );
    }
    case "response.function_call_arguments.delta": {
      return acc.toolDelta(
        partKey(outputIndex(provider, json.output_index), 0),
        deltaOf(provider, json),
      );
    }
    case "response.reasoning_text.delta":
      return acc.thinking(contentKey(provider, json) + REASONING_TEXT, deltaOf(provider, json));
    case "response.refusal.delta":
      reader.refused = true;
      return acc.text(contentKey(provider, json), deltaOf(provider, json));
    case "response.output_text.annotation.added":
      if (json.annotation === null || json.annotation === undefined) return;
      return acc.citation(
        contentKey(provider, json),
        annotationOf(provider, json.annotation, "annotation"),
      );
    case "response.content_part.added":
      return onPartAdded(reader, json, false);
    case "response.reasoning_summary_part.added":
      return onPartAdded(reader, json, true);
    case "response.output_item.added":
      return onItemAdded(reader, outputIndex(provider, json.output_index), json.item);
    case "response.output_item.done":
      return onItemDone(reader, outputIndex(provider, json.output_index), json.item, false);
    case "response.created":
    case "response.in_progress":
    case "response.queued":
      return onResponseStart(reader, objectField(provider, json, "response"), false);
    case "response.completed":
    case "response.incomplete":
    case "response.failed":
      onResponseEnd(reader, objectField(provider, json, "response"), false);
      return acc.terminate();
    case "error":
      return acc.fail(responsesError(provider, { code: json.code, message: json.message }));
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
  return createResponsesStreamDecoder(PROVIDER, options);
}

/**
 * A decoder for a Responses API stream from OpenAI or a host (Azure).
 *
 * @param provider Who answers, named in events and errors.
 * @param options Decoder options.
 * @returns The decoder.
 */
export function createResponsesStreamDecoder(
  provider: string,
  options: StreamDecoderOptions,
): StreamDecoder {
  const reader = responsesReader(new ResponseAccumulator(provider, new EventBuffer()));
  return assembleStreamDecoder(reader.acc, "response.completed", options, (_event, data) => {
    const json = JSON.parse(data);
    if (!isJsonObject(json)) throw invalidField(provider, "event", "an object", json);
    onEvent(reader, json);
  });
}

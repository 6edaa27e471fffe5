/**
 * OpenAI Chat Completions SSE → canonical events. Handles `chat.completion.chunk` deltas
 * (`content`, `refusal`, `reasoning_content` from compatible servers, `tool_calls` by index —
 * id and name in the first piece, or everything in one; repeated or empty ids), the usage chunk
 * with empty `choices`, filter-only chunks, an `error` object and `data: [DONE]`.
 *
 * @see https://platform.openai.com/docs/api-reference/chat-streaming
 * @module
 */

import { invalidField, isJsonObject } from "../../common/json.ts";
import {
  assembleStreamDecoder,
  type StreamDecoder,
  type StreamDecoderOptions,
} from "../../common/stream.ts";
import type { JsonObject } from "../../common/types.ts";
import { openAIStreamError } from "./errors.ts";
import { mapOpenAIFinishReason, mapOpenAIUsage } from "./response.ts";

// Block keys for the accumulator: the three text channels, then tool calls by their index.
const REASONING = "reasoning";
const CONTENT = "content";
const REFUSAL = "refusal";

/**
 * Creates a decoder for an OpenAI Chat Completions stream.
 *
 * @param options Event size cap.
 * @returns The decoder: push bytes or text, get events; `end()` gives the response.
 *
 * @example
 * ```ts
 * import { openai } from "@rosetta/llm";
 * import assert from "node:assert/strict";
 * const decoder = openai.createStreamDecoder();
 * decoder.push('data: {"id":"c1","object":"chat.completion.chunk","model":"gpt-4o","choices":[{"index":0,"delta":{"role":"assistant","content":"Hel"},"finish_reason":null}]}\n\n');
 * decoder.push('data: {"id":"c1","object":"chat.completion.chunk","model":"gpt-4o","choices":[{"index":0,"delta":{"content":"lo"},"finish_reason":"stop"}]}\n\ndata: [DONE]\n\n');
 * assert.deepEqual(decoder.end().content, [{ type: "text", text: "Hello" }]);
 * ```
 */
export function createOpenAIStreamDecoder(options: StreamDecoderOptions = {}): StreamDecoder {
  return assembleStreamDecoder("openai", "data: [DONE]", options, (acc) => {
    let refused = false;
    return (_event, data) => {
      if (data === "[DONE]") return acc.terminate();
      const json = JSON.parse(data);
      if (!isJsonObject(json)) throw invalidField("openai", "chunk", "an object", json);
      if (json.error !== undefined) return acc.fail(openAIStreamError(json));
      // Azure's first chunk may carry only prompt filter results, with empty id and model.
      if (!acc.started && typeof json.model === "string" && json.model !== "") {
        acc.start(typeof json.id === "string" ? json.id : undefined, json.model);
      }
      const choices = json.choices;
      const choice = Array.isArray(choices) ? choices[0] : undefined;
      if (isJsonObject(choice)) {
        const delta = choice.delta;
        if (isJsonObject(delta)) {
          const reasoning = delta.reasoning_content;
          if (typeof reasoning === "string" && reasoning !== "") acc.thinking(REASONING, reasoning);
          const content = delta.content;
          if (typeof content === "string" && content !== "") acc.text(CONTENT, content);
          const refusal = delta.refusal;
          if (typeof refusal === "string" && refusal !== "") {
            refused = true;
            acc.text(REFUSAL, refusal);
          }
          if (Array.isArray(delta.tool_calls)) {
            for (let i = 0; i < delta.tool_calls.length; i++) toolCallPiece(delta.tool_calls[i], i);
          }
        }
        const reason = choice.finish_reason;
        if (reason !== null && reason !== undefined) {
          acc.finish(refused ? "content_filter" : mapOpenAIFinishReason(reason), reason);
        }
      }
      // The usage chunk comes last, with empty choices (stream_options.include_usage).
      if (isJsonObject(json.usage)) acc.usage(mapOpenAIUsage(json.usage));
    };

    function toolCallPiece(piece: unknown, position: number): void {
      if (!isJsonObject(piece)) {
        throw invalidField("openai", `delta.tool_calls[${position}]`, "an object", piece);
      }
      // Some compatible servers omit the index: then pieces arrive in position order.
      const index = typeof piece.index === "number" ? piece.index : position;
      const fn = isJsonObject(piece.function) ? piece.function : ({} as JsonObject);
      const args = typeof fn.arguments === "string" ? fn.arguments : "";
      if (!acc.hasTool(index)) {
        const id = piece.id;
        const name = fn.name;
        if (typeof id !== "string" || id === "") {
          throw invalidField(
            "openai",
            `delta.tool_calls[${position}].id`,
            "a non-empty string in a call's first piece",
            id,
          );
        }
        if (typeof name !== "string" || name === "") {
          throw invalidField(
            "openai",
            `delta.tool_calls[${position}].function.name`,
            "a non-empty string in a call's first piece",
            name,
          );
        }
        acc.toolStart(index, id, name);
      }
      acc.toolDelta(index, args);
    }
  });
}

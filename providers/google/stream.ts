/**
 * Gemini `streamGenerateContent?alt=sse` → canonical events. Each `data:` line is a whole
 * `GenerateContentResponse`: consecutive text (or thought) parts extend one block, a
 * `functionCall` part is a whole call, a `thoughtSignature` attaches to the part's block, and a
 * `finishReason` ends the stream. Unknown part kinds are skipped.
 *
 * @see https://ai.google.dev/api/generate-content#method:-models.streamgeneratecontent
 * @module
 */

import { randomId } from "../../common/ids.ts";
import { invalidField, isJsonObject } from "../../common/json.ts";
import {
  assembleStreamDecoder,
  type StreamDecoder,
  type StreamDecoderOptions,
} from "../../common/stream.ts";
import type { JsonObject } from "../../common/types.ts";
import { googleStreamError } from "./errors.ts";
import { mapGoogleFinishReason, mapGoogleUsage } from "./response.ts";

/**
 * Creates a decoder for a Gemini SSE stream.
 *
 * @param options `generateId` for function-call ids; event size cap.
 * @returns The decoder: push bytes or text, get events; `end()` gives the response.
 *
 * @example
 * ```ts
 * import { google } from "@rosetta/llm";
 * import assert from "node:assert/strict";
 * const decoder = google.createStreamDecoder();
 * decoder.push('data: {"candidates":[{"content":{"role":"model","parts":[{"text":"Hel"}]}}],"modelVersion":"gemini-2.5-flash"}\r\n\r\n');
 * decoder.push('data: {"candidates":[{"content":{"role":"model","parts":[{"text":"lo"}]},"finishReason":"STOP"}],"modelVersion":"gemini-2.5-flash"}\r\n\r\n');
 * assert.deepEqual(decoder.end().content, [{ type: "text", text: "Hello" }]);
 * ```
 */
export function createGoogleStreamDecoder(options: StreamDecoderOptions = {}): StreamDecoder {
  const generateId = options.generateId ?? randomId;
  return assembleStreamDecoder("google", "a chunk with finishReason", options, (acc) => {
    let usage: JsonObject | undefined;
    // Block key of the current run of text or thought parts; a new kind starts a new run.
    let run = 0;
    let runKind: "text" | "thinking" | "other" = "other";
    const key = (kind: "text" | "thinking" | "other") => {
      if (kind !== runKind || kind === "other") {
        run++;
        runKind = kind;
      }
      return run;
    };
    return (_event, data) => {
      const json = JSON.parse(data);
      if (!isJsonObject(json)) throw invalidField("google", "chunk", "an object", json);
      if (json.error !== undefined) return acc.fail(googleStreamError(json));
      if (!acc.started) {
        acc.start(
          typeof json.responseId === "string" ? json.responseId : undefined,
          typeof json.modelVersion === "string" ? json.modelVersion : "",
        );
      }
      if (isJsonObject(json.usageMetadata)) usage = json.usageMetadata;
      const candidate = Array.isArray(json.candidates) ? json.candidates[0] : undefined;
      let reason: unknown;
      if (isJsonObject(candidate)) {
        const parts = isJsonObject(candidate.content) ? candidate.content.parts : undefined;
        if (Array.isArray(parts)) {
          for (let i = 0; i < parts.length; i++) readPart(parts[i], i);
        }
        reason = candidate.finishReason;
      } else if (isJsonObject(json.promptFeedback)) {
        reason = json.promptFeedback.blockReason;
      }
      if (reason === undefined) return;
      if (usage !== undefined) acc.usage(mapGoogleUsage(usage));
      acc.finish(
        candidate === undefined
          ? "content_filter"
          : mapGoogleFinishReason(reason, acc.hasToolCalls),
        reason,
      );
      acc.terminate();
    };

    function readPart(part: unknown, i: number): void {
      if (!isJsonObject(part)) {
        throw invalidField("google", `candidates[0].content.parts[${i}]`, "an object", part);
      }
      const signature = typeof part.thoughtSignature === "string"
        ? part.thoughtSignature
        : undefined;
      const call = part.functionCall;
      if (isJsonObject(call)) {
        if (typeof call.name !== "string") {
          throw invalidField(
            "google",
            `candidates[0].content.parts[${i}].functionCall.name`,
            "a string",
            call.name,
          );
        }
        const args = call.args ?? {};
        if (!isJsonObject(args)) {
          throw invalidField(
            "google",
            `candidates[0].content.parts[${i}].functionCall.args`,
            "an object",
            args,
          );
        }
        const id = typeof call.id === "string" && call.id !== "" ? call.id : generateId();
        acc.toolCall(key("other"), id, call.name, args, signature);
        return;
      }
      const text = part.text;
      if (typeof text === "string" && text !== "") {
        const k = key(part.thought === true ? "thinking" : "text");
        if (part.thought === true) acc.thinking(k, text);
        else acc.text(k, text);
        if (signature !== undefined) acc.signature(k, signature);
      } else if (signature !== undefined) {
        // A signature on an empty part belongs to the run it closes, or stands alone.
        if (runKind === "other") {
          acc.open(key("text"), "text");
        }
        acc.signature(run, signature);
      }
    }
  });
}

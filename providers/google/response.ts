/**
 * Gemini `GenerateContentResponse` → canonical response, plus the mappers the stream decoder
 * shares (finish reason, usage, one part).
 *
 * @see https://ai.google.dev/api/generate-content#generatecontentresponse
 * @module
 */

import { ResponseParseError } from "../../common/errors.ts";
import { type IdGenerator, randomId } from "../../common/ids.ts";
import { invalidField, isJsonObject, parseJson } from "../../common/json.ts";
import type { ParseOptions } from "../../common/provider.ts";
import type { ChatResponse, FinishReason, JsonObject, Usage } from "../../common/types.ts";

type ResponseBlock = ChatResponse["content"][number];

/**
 * Maps `finishReason`; STOP becomes tool_use when the candidate called functions.
 *
 * @see https://ai.google.dev/api/generate-content#FinishReason
 * @param reason Gemini's finish reason.
 * @param calledTools Whether the candidate holds function calls.
 * @returns The canonical reason.
 */
export function mapGoogleFinishReason(reason: unknown, calledTools: boolean): FinishReason {
  switch (reason) {
    case "STOP":
      return calledTools ? "tool_use" : "stop";
    case "MAX_TOKENS":
      return "length";
    case "SAFETY":
    case "RECITATION":
    case "BLOCKLIST":
    case "PROHIBITED_CONTENT":
    case "SPII":
    case "IMAGE_SAFETY":
      return "content_filter";
    case "MALFORMED_FUNCTION_CALL":
    case "UNEXPECTED_TOOL_CALL":
      return "error";
  }
  return "unknown";
}

function count(usage: JsonObject, key: string): number {
  const value = usage[key];
  return typeof value === "number" ? value : 0;
}

/**
 * Maps `usageMetadata`: output is `candidatesTokenCount`, thinking is `thoughtsTokenCount`.
 *
 * @param usage The wire usage metadata.
 * @returns Canonical usage.
 */
export function mapGoogleUsage(usage: JsonObject): Usage {
  const input = count(usage, "promptTokenCount") + count(usage, "toolUsePromptTokenCount");
  const output = count(usage, "candidatesTokenCount");
  const thinking = count(usage, "thoughtsTokenCount");
  const total = usage.totalTokenCount;
  return {
    inputTokens: input,
    outputTokens: output,
    thinkingTokens: thinking,
    cacheReadTokens: count(usage, "cachedContentTokenCount"),
    cacheWriteTokens: 0,
    totalTokens: typeof total === "number" ? total : input + output + thinking,
  };
}

/**
 * Reads one candidate part. A part with only a `thoughtSignature` becomes an empty text block
 * that carries it, so the signature is replayed.
 *
 * @param part The wire part.
 * @param path Its path, for errors.
 * @param generateId Makes the call id Gemini does not send.
 * @returns The canonical block.
 */
export function readGooglePart(
  part: unknown,
  path: string,
  generateId: IdGenerator,
): ResponseBlock {
  if (!isJsonObject(part)) throw invalidField("google", path, "an object", part);
  const signature = part.thoughtSignature;
  if (signature !== undefined && typeof signature !== "string") {
    throw invalidField("google", `${path}.thoughtSignature`, "a string", signature);
  }
  let block: ResponseBlock;
  const call = part.functionCall;
  if (call !== undefined) {
    if (!isJsonObject(call)) {
      throw invalidField("google", `${path}.functionCall`, "an object", call);
    }
    if (typeof call.name !== "string") {
      throw invalidField("google", `${path}.functionCall.name`, "a string", call.name);
    }
    const args = call.args ?? {};
    if (!isJsonObject(args)) {
      throw invalidField("google", `${path}.functionCall.args`, "an object", args);
    }
    const id = typeof call.id === "string" && call.id !== "" ? call.id : generateId();
    block = { type: "tool_call", id, name: call.name, arguments: args };
  } else if (typeof part.text === "string") {
    block = part.thought === true
      ? { type: "thinking", text: part.text }
      : { type: "text", text: part.text };
  } else if (part.text === undefined && signature !== undefined && Object.keys(part).length === 1) {
    block = { type: "text", text: "" };
  } else {
    const kind = Object.keys(part).find((key) => key !== "thoughtSignature" && key !== "thought") ??
      "(empty)";
    throw new ResponseParseError(
      "unknown_block",
      `Cannot parse google response: ${path} holds "${kind}", which is not a known part kind`,
      { provider: "google", path: `${path}.${kind}` },
    );
  }
  if (signature !== undefined) block.signature = signature;
  return block;
}

/**
 * Parses a Gemini `generateContent` response body (the first candidate). A prompt blocked
 * before generation (`promptFeedback.blockReason`, no candidates) gives no content and the
 * finish reason content_filter.
 *
 * @param body The JSON text.
 * @param options `generateId` for function-call ids.
 * @returns The canonical response.
 * @throws {ResponseParseError} When the body is not the documented format.
 *
 * @example
 * ```ts
 * import { google, seededIdGenerator } from "@rosetta/llm";
 * import assert from "node:assert/strict";
 * const response = google.parseResponse(JSON.stringify({
 *   candidates: [{ content: { role: "model", parts: [{ functionCall: { name: "now", args: {} } }] }, finishReason: "STOP" }],
 *   modelVersion: "gemini-2.5-flash",
 * }), { generateId: seededIdGenerator(1) });
 * assert.equal(response.finishReason, "tool_use");
 * assert.equal(response.content[0].type === "tool_call" && response.content[0].id.length, 22);
 * ```
 */
export function parseGoogleResponse(body: string, options: ParseOptions = {}): ChatResponse {
  const data = parseJson("google", body, "response body");
  if (!isJsonObject(data)) throw invalidField("google", "(body)", "an object", data);
  const generateId = options.generateId ?? randomId;
  const usage = isJsonObject(data.usageMetadata)
    ? mapGoogleUsage(data.usageMetadata)
    : mapGoogleUsage({});
  const model = typeof data.modelVersion === "string" ? data.modelVersion : "";
  const content: ResponseBlock[] = [];
  let rawReason: unknown;
  let calledTools = false;
  const candidates = data.candidates;
  if (candidates === undefined) {
    const feedback = data.promptFeedback;
    rawReason = isJsonObject(feedback) ? feedback.blockReason : undefined;
    if (rawReason === undefined) throw invalidField("google", "candidates", "an array", candidates);
  } else {
    if (!Array.isArray(candidates) || candidates.length === 0) {
      throw invalidField("google", "candidates", "a non-empty array", candidates);
    }
    const candidate = candidates[0];
    if (!isJsonObject(candidate)) {
      throw invalidField("google", "candidates[0]", "an object", candidate);
    }
    rawReason = candidate.finishReason;
    const wire = candidate.content;
    // A candidate stopped for safety may come without content.
    if (wire !== undefined) {
      if (!isJsonObject(wire)) {
        throw invalidField("google", "candidates[0].content", "an object", wire);
      }
      const parts = wire.parts ?? [];
      if (!Array.isArray(parts)) {
        throw invalidField("google", "candidates[0].content.parts", "an array", parts);
      }
      for (let i = 0; i < parts.length; i++) {
        const block = readGooglePart(parts[i], `candidates[0].content.parts[${i}]`, generateId);
        if (block.type === "tool_call") calledTools = true;
        content.push(block);
      }
    }
  }
  const response: ChatResponse = {
    provider: "google",
    model,
    content,
    finishReason: candidates === undefined
      ? "content_filter"
      : mapGoogleFinishReason(rawReason, calledTools),
    usage,
  };
  if (typeof data.responseId === "string") response.id = data.responseId;
  if (typeof rawReason === "string") response.rawFinishReason = rawReason;
  return response;
}

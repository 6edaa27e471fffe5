/**
 * OpenAI Chat Completions body → canonical response, plus the mappers the stream decoder
 * shares (finish reason, usage).
 *
 * @see https://platform.openai.com/docs/api-reference/chat/object
 * @module
 */

import { invalidField, isJsonObject, parseJson, parseToolArguments } from "../../common/json.ts";
import type { ChatResponse, FinishReason, JsonObject, Usage } from "../../common/types.ts";
import { emptyUsage } from "../../common/usage.ts";

/**
 * Maps `finish_reason` to a canonical finish reason.
 *
 * @param reason OpenAI's finish reason.
 * @returns The canonical reason.
 */
export function mapOpenAIFinishReason(reason: unknown): FinishReason {
  switch (reason) {
    case "stop":
      return "stop";
    case "length":
      return "length";
    case "tool_calls":
    case "function_call":
      return "tool_use";
    case "content_filter":
      return "content_filter";
  }
  return "unknown";
}

function count(object: unknown, key: string): number {
  const value = isJsonObject(object) ? object[key] : undefined;
  return typeof value === "number" ? value : 0;
}

/**
 * Maps OpenAI `usage`: output excludes `reasoning_tokens`, which become thinking tokens.
 *
 * @param usage The wire usage object.
 * @returns Canonical usage.
 */
export function mapOpenAIUsage(usage: JsonObject): Usage {
  const input = count(usage, "prompt_tokens");
  const completion = count(usage, "completion_tokens");
  const reasoning = count(usage.completion_tokens_details, "reasoning_tokens");
  const total = usage.total_tokens;
  return {
    inputTokens: input,
    outputTokens: completion - reasoning,
    thinkingTokens: reasoning,
    cacheReadTokens: count(usage.prompt_tokens_details, "cached_tokens"),
    cacheWriteTokens: 0,
    totalTokens: typeof total === "number" ? total : input + completion,
  };
}

/**
 * Parses an OpenAI Chat Completions response body (the first choice).
 *
 * A `refusal` becomes a text block and the finish reason `content_filter` (the raw reason
 * stays `stop`). `reasoning_content`, sent by OpenAI-compatible servers, becomes thinking.
 *
 * @param body The JSON text.
 * @returns The canonical response.
 * @throws {ResponseParseError} When the body is not the documented format.
 *
 * @example
 * ```ts
 * import { openai } from "@rosetta/llm";
 * import assert from "node:assert/strict";
 * const response = openai.parseResponse(JSON.stringify({
 *   id: "chatcmpl-1", object: "chat.completion", model: "gpt-4o",
 *   choices: [{ index: 0, message: { role: "assistant", content: "Hello" }, finish_reason: "stop" }],
 *   usage: { prompt_tokens: 5, completion_tokens: 2, total_tokens: 7 },
 * }));
 * assert.deepEqual(response.content, [{ type: "text", text: "Hello" }]);
 * assert.equal(response.usage.totalTokens, 7);
 * ```
 */
export function parseOpenAIResponse(body: string): ChatResponse {
  const data = parseJson("openai", body, "response body");
  if (!isJsonObject(data)) throw invalidField("openai", "(body)", "an object", data);
  if (typeof data.model !== "string") throw invalidField("openai", "model", "a string", data.model);
  const choices = data.choices;
  if (!Array.isArray(choices) || choices.length === 0) {
    throw invalidField("openai", "choices", "a non-empty array", choices);
  }
  const choice = choices[0];
  if (!isJsonObject(choice)) throw invalidField("openai", "choices[0]", "an object", choice);
  const message = choice.message;
  if (!isJsonObject(message)) {
    throw invalidField("openai", "choices[0].message", "an object", message);
  }

  const content: ChatResponse["content"] = [];
  const reasoning = message.reasoning_content;
  if (typeof reasoning === "string" && reasoning !== "") {
    content.push({ type: "thinking", text: reasoning });
  }
  const text = message.content;
  if (typeof text === "string") {
    if (text !== "") content.push({ type: "text", text });
  } else if (text !== null && text !== undefined) {
    throw invalidField("openai", "choices[0].message.content", "a string or null", text);
  }
  const refusal = message.refusal;
  if (typeof refusal === "string") content.push({ type: "text", text: refusal });
  const calls = message.tool_calls;
  if (calls !== undefined && calls !== null) {
    if (!Array.isArray(calls)) {
      throw invalidField("openai", "choices[0].message.tool_calls", "an array", calls);
    }
    for (let i = 0; i < calls.length; i++) content.push(readToolCall(calls[i], i));
  }
  const usage = data.usage;
  const rawReason = choice.finish_reason;
  const response: ChatResponse = {
    provider: "openai",
    model: data.model,
    content,
    finishReason: typeof refusal === "string" ? "content_filter" : mapOpenAIFinishReason(rawReason),
    usage: isJsonObject(usage) ? mapOpenAIUsage(usage) : emptyUsage(),
  };
  if (typeof data.id === "string") response.id = data.id;
  if (typeof rawReason === "string") response.rawFinishReason = rawReason;
  return response;
}

function readToolCall(call: unknown, i: number): ChatResponse["content"][number] {
  const at = `choices[0].message.tool_calls[${i}]`;
  if (!isJsonObject(call)) throw invalidField("openai", at, "an object", call);
  const fn = call.function;
  if (!isJsonObject(fn)) throw invalidField("openai", `${at}.function`, "an object", fn);
  if (typeof call.id !== "string") throw invalidField("openai", `${at}.id`, "a string", call.id);
  if (typeof fn.name !== "string") {
    throw invalidField("openai", `${at}.function.name`, "a string", fn.name);
  }
  if (typeof fn.arguments !== "string") {
    throw invalidField("openai", `${at}.function.arguments`, "a string", fn.arguments);
  }
  return {
    type: "tool_call",
    id: call.id,
    name: fn.name,
    arguments: parseToolArguments("openai", fn.arguments, `${at}.function.arguments`),
  };
}

/**
 * OpenAI Chat Completions' small mappers: finish reason and usage.
 *
 * @see https://platform.openai.com/docs/api-reference/chat/object
 * @module
 */

import { isJsonObject } from "../../codec/json.ts";
import type { FinishReason, Usage } from "../../common/types.ts";
import type { JsonObject } from "../../common/json_object.ts";

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

// Takes the field's value, not its name: a named load at the call site is monomorphic, where
// `object[key]` behind a shared helper went megamorphic (usage mapping measured ~2× slower).
function count(value: unknown): number {
  return typeof value === "number" ? value : 0;
}

/**
 * Maps OpenAI `usage`: output is `completion_tokens`, reasoning included; `reasoning_tokens` is
 * the thinking part of it.
 *
 * @param usage The wire usage object.
 * @returns Canonical usage.
 */
export function mapOpenAIUsage(usage: JsonObject): Usage {
  const input = count(usage.prompt_tokens);
  const completion = count(usage.completion_tokens);
  const completionDetails = usage.completion_tokens_details;
  const reasoning = isJsonObject(completionDetails) ? count(completionDetails.reasoning_tokens) : 0;
  const promptDetails = usage.prompt_tokens_details;
  const total = usage.total_tokens;
  return {
    inputTokens: input,
    outputTokens: completion,
    thinkingTokens: reasoning,
    cacheReadTokens: isJsonObject(promptDetails) ? count(promptDetails.cached_tokens) : 0,
    cacheWriteTokens: 0,
    totalTokens: typeof total === "number" ? total : input + completion,
  };
}

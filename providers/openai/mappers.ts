/**
 * OpenAI Chat Completions' small mappers: finish reason and usage.
 *
 * @see https://platform.openai.com/docs/api-reference/chat/object
 * @module
 */

import { isJsonObject } from "../../common/json.ts";
import type { FinishReason, JsonObject, Usage } from "../../common/types.ts";

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

/**
 * Anthropic's small mappers: stop reason and usage.
 *
 * @see https://docs.anthropic.com/en/api/messages
 * @module
 */

import { isJsonObject } from "../../codec/json.ts";
import type { ChatResponse, FinishReason, Usage } from "../../common/types.ts";
import type { JsonObject } from "../../common/json_object.ts";

/**
 * Maps `stop_reason` to a canonical finish reason.
 *
 * @see https://docs.anthropic.com/en/api/messages#response-stop-reason
 * @param reason Anthropic's stop reason.
 * @returns The canonical reason.
 */
export function mapAnthropicStopReason(reason: unknown): FinishReason {
  switch (reason) {
    case "end_turn":
    case "stop_sequence":
      return "stop";
    case "max_tokens":
    case "model_context_window_exceeded":
      return "length";
    case "tool_use":
      return "tool_use";
    case "refusal":
      return "content_filter";
  }
  return "unknown";
}

// Takes the field's value, not its name: a named load at the call site is monomorphic, where
// `object[key]` behind a shared helper went megamorphic (usage mapping measured ~2× slower).
function count(value: unknown): number {
  return typeof value === "number" ? value : 0;
}

function thinkingTokens(details: unknown): number {
  return isJsonObject(details) ? count(details.thinking_tokens) : 0;
}

/**
 * Maps Anthropic `usage`. Input counts cached tokens too: Anthropic reports them apart.
 * `output_tokens` includes thinking and is output as it is; `output_tokens_details.thinking_tokens`,
 * when reported, is the thinking part of it.
 *
 * @param usage The wire usage object (absent or null fields count as 0).
 * @returns Canonical usage.
 */
export function mapAnthropicUsage(usage: JsonObject): Usage {
  const cacheRead = count(usage.cache_read_input_tokens);
  const cacheWrite = count(usage.cache_creation_input_tokens);
  const input = count(usage.input_tokens) + cacheRead + cacheWrite;
  const output = count(usage.output_tokens);
  const thinking = thinkingTokens(usage.output_tokens_details);
  return {
    inputTokens: input,
    outputTokens: output,
    thinkingTokens: thinking,
    cacheReadTokens: cacheRead,
    cacheWriteTokens: cacheWrite,
    totalTokens: input + output,
  };
}

/**
 * The cache writes of a response made for one hour, billed at the 1-hour write price: the raw
 * usage's `cache_creation.ephemeral_1h_input_tokens` (0 when absent: every write was 5-minute).
 *
 * @param response A parsed Anthropic response (its raw usage is in `providerMetadata.usage`).
 * @returns The one-hour write count.
 */
export function anthropicOneHourWrites(response: ChatResponse): number {
  const usage = response.providerMetadata?.usage;
  const creation = isJsonObject(usage) ? usage.cache_creation : undefined;
  return isJsonObject(creation) ? count(creation.ephemeral_1h_input_tokens) : 0;
}

/**
 * Converse's small mappers: stop reason and usage.
 *
 * @see https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_Converse.html#API_runtime_Converse_ResponseSyntax
 * @module
 */

import type { FinishReason, Usage } from "../../common/types.ts";
import type { JsonObject } from "../../common/json_object.ts";

/**
 * Maps Converse `stopReason` to a canonical finish reason.
 *
 * @param reason The wire stop reason.
 * @returns The canonical reason.
 *
 * @example
 * ```ts
 * import { mapBedrockStopReason } from "@rosetta/llm/bedrock";
 * import assert from "node:assert/strict";
 * assert.equal(mapBedrockStopReason("guardrail_intervened"), "content_filter");
 * ```
 */
export function mapBedrockStopReason(reason: unknown): FinishReason {
  switch (reason) {
    case "end_turn":
    case "stop_sequence":
      return "stop";
    case "max_tokens":
    case "model_context_window_exceeded":
      return "length";
    case "tool_use":
      return "tool_use";
    case "guardrail_intervened":
    case "content_filtered":
      return "content_filter";
    case "malformed_model_output":
    case "malformed_tool_use":
      return "error";
  }
  return "unknown";
}

// Takes the field's value, not its name: a named load at the call site stays monomorphic.
function count(value: unknown): number {
  return typeof value === "number" ? value : 0;
}

/**
 * Maps Converse `usage` (`TokenUsage`). `inputTokens` counts the prompt tokens neither read from
 * nor written to the cache; they are added, so that canonical input counts the whole prompt as
 * on every dialect. `totalTokens` is taken as reported. Converse reports no thinking count.
 *
 * @see https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_TokenUsage.html
 * @param usage The wire usage object (absent fields count as 0).
 * @returns Canonical usage.
 *
 * @example
 * ```ts
 * import { mapBedrockUsage } from "@rosetta/llm/bedrock";
 * import assert from "node:assert/strict";
 * const usage = mapBedrockUsage({ inputTokens: 10, outputTokens: 5, totalTokens: 115, cacheReadInputTokens: 100 });
 * assert.deepEqual([usage.inputTokens, usage.cacheReadTokens, usage.totalTokens], [110, 100, 115]);
 * ```
 */
export function mapBedrockUsage(usage: JsonObject): Usage {
  const cacheRead = count(usage.cacheReadInputTokens);
  const cacheWrite = count(usage.cacheWriteInputTokens);
  const input = count(usage.inputTokens) + cacheRead + cacheWrite;
  const output = count(usage.outputTokens);
  const total = usage.totalTokens;
  return {
    inputTokens: input,
    outputTokens: output,
    thinkingTokens: 0,
    cacheReadTokens: cacheRead,
    cacheWriteTokens: cacheWrite,
    totalTokens: typeof total === "number" ? total : input + output,
  };
}

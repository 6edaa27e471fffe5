/**
 * Gemini's small mappers: finish reason and usage.
 *
 * @see https://ai.google.dev/api/generate-content#generatecontentresponse
 * @module
 */

import type { FinishReason, Usage } from "../../common/types.ts";
import type { JsonObject } from "../../common/json_object.ts";

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

// Takes the field's value, not its name: a named load at the call site is monomorphic, where
// `object[key]` behind a shared helper went megamorphic (usage mapping measured ~2× slower).
function count(value: unknown): number {
  return typeof value === "number" ? value : 0;
}

/**
 * Maps `usageMetadata`: output is `candidatesTokenCount + thoughtsTokenCount` (both billed as
 * output), thinking is `thoughtsTokenCount`.
 *
 * @param usage The wire usage metadata.
 * @returns Canonical usage.
 */
export function mapGoogleUsage(usage: JsonObject): Usage {
  const input = count(usage.promptTokenCount) + count(usage.toolUsePromptTokenCount);
  const thinking = count(usage.thoughtsTokenCount);
  // Gemini counts thoughts apart from candidates; both are billed as output.
  const output = count(usage.candidatesTokenCount) + thinking;
  const total = usage.totalTokenCount;
  return {
    inputTokens: input,
    outputTokens: output,
    thinkingTokens: thinking,
    cacheReadTokens: count(usage.cachedContentTokenCount),
    cacheWriteTokens: 0,
    totalTokens: typeof total === "number" ? total : input + output,
  };
}

/**
 * The Responses API's small mappers: the response's `status` and `incomplete_details` → finish
 * reason, `usage` → canonical usage, and the signature that carries a reasoning item back.
 *
 * @see https://platform.openai.com/docs/api-reference/responses/object
 * @module
 */

import { isJsonObject } from "../../codec/json.ts";
import type { FinishReason, Usage } from "../../common/types.ts";
import type { JsonObject } from "../../common/json_object.ts";

/** The registry name of the Responses dialect, as errors, warnings and responses spell it. */
export const PROVIDER = "openai-responses";

/**
 * Maps a response's `status` (and, when incomplete, `incomplete_details.reason`) to a finish
 * reason. A completed response that called a function stopped for tool use; one that refused
 * stopped for its content.
 *
 * @param status The wire `status`.
 * @param reason `incomplete_details.reason`, if any.
 * @param calledTools Whether the output holds a function call.
 * @param refused Whether a message part was a refusal.
 * @returns The canonical reason.
 *
 * @example
 * ```ts
 * import { mapOpenAIResponsesFinishReason } from "@rosetta/llm/openai-responses";
 * import assert from "node:assert/strict";
 * assert.equal(mapOpenAIResponsesFinishReason("incomplete", "max_output_tokens", false, false), "length");
 * assert.equal(mapOpenAIResponsesFinishReason("completed", undefined, true, false), "tool_use");
 * ```
 */
export function mapOpenAIResponsesFinishReason(
  status: unknown,
  reason: unknown,
  calledTools: boolean,
  refused: boolean,
): FinishReason {
  switch (status) {
    case "completed":
      return calledTools ? "tool_use" : refused ? "content_filter" : "stop";
    case "incomplete":
      if (reason === "max_output_tokens") return "length";
      return reason === "content_filter" ? "content_filter" : "unknown";
    case "failed":
      return "error";
  }
  return "unknown";
}

function count(object: unknown, key: string): number {
  const value = isJsonObject(object) ? object[key] : undefined;
  return typeof value === "number" ? value : 0;
}

/**
 * Maps Responses `usage`: output is `output_tokens`, reasoning included (`reasoning_tokens` is
 * the thinking part of it);
 * `cached_tokens` and `cache_write_tokens` are parts of the input.
 *
 * @param usage The wire usage object.
 * @returns Canonical usage.
 *
 * @example
 * ```ts
 * import { mapOpenAIResponsesUsage } from "@rosetta/llm/openai-responses";
 * import assert from "node:assert/strict";
 * const usage = mapOpenAIResponsesUsage({
 *   input_tokens: 100, input_tokens_details: { cached_tokens: 80 },
 *   output_tokens: 50, output_tokens_details: { reasoning_tokens: 30 }, total_tokens: 150,
 * });
 * assert.deepEqual([usage.outputTokens, usage.thinkingTokens, usage.cacheReadTokens], [50, 30, 80]);
 * ```
 */
export function mapOpenAIResponsesUsage(usage: JsonObject): Usage {
  const input = count(usage, "input_tokens");
  const output = count(usage, "output_tokens");
  const reasoning = count(usage.output_tokens_details, "reasoning_tokens");
  const total = usage.total_tokens;
  return {
    inputTokens: input,
    outputTokens: output,
    thinkingTokens: reasoning,
    cacheReadTokens: count(usage.input_tokens_details, "cached_tokens"),
    cacheWriteTokens: count(usage.input_tokens_details, "cache_write_tokens"),
    totalTokens: typeof total === "number" ? total : input + output,
  };
}

/** What a reasoning item needs to be sent back: its id and its encrypted content. */
export interface ReasoningReplay {
  /** The item's `id` (`rs_…`), required when the item is sent back. */
  id?: string;
  /** Its `encrypted_content`, which carries the reasoning when nothing is stored. */
  encryptedContent?: string;
}

// OpenAI item ids hold letters, digits, `_` and `-`: the first `:` ends the id.
const SEPARATOR = ":";

/**
 * The signature of the thinking blocks read from a reasoning item: `<id>:<encrypted_content>`
 * (either may be empty), or undefined when the item has neither.
 *
 * @param id The item's `id`.
 * @param encrypted Its `encrypted_content`.
 * @returns The signature.
 */
export function reasoningSignature(id: unknown, encrypted: unknown): string | undefined {
  const hasId = typeof id === "string" && id !== "";
  const hasContent = typeof encrypted === "string" && encrypted !== "";
  if (!hasId && !hasContent) return undefined;
  return `${hasId ? id : ""}${SEPARATOR}${hasContent ? encrypted : ""}`;
}

/**
 * Reads a thinking block's signature back into a reasoning item's id and encrypted content.
 *
 * @param signature A signature made by {@link reasoningSignature}.
 * @returns Its parts, or undefined for a signature of another form (another provider's).
 */
export function readReasoningSignature(signature: string): ReasoningReplay | undefined {
  const at = signature.indexOf(SEPARATOR);
  if (at < 0) return undefined;
  const replay: ReasoningReplay = {};
  if (at > 0) replay.id = signature.slice(0, at);
  if (at + 1 < signature.length) replay.encryptedContent = signature.slice(at + 1);
  return replay;
}

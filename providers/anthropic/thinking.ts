/**
 * Anthropic thinking: the request's `thinking` (a level, a budget or an effort) and
 * `maxOutputTokens` → `max_tokens`, `thinking` and `output_config.effort`, by the model's row.
 *
 * Levels are approximations: a budget derived from a level is lowered to fit the caller's
 * `maxOutputTokens`, and a level the model lacks goes to its nearest effort, each with a warning.
 * Exact values (`maxOutputTokens`, `{budgetTokens}`, `{effort}`) are sent as given or refused.
 *
 * @see https://platform.claude.com/docs/en/build-with-claude/extended-thinking
 * @see https://platform.claude.com/docs/en/build-with-claude/adaptive-thinking
 * @module
 */

import { warn } from "../../codec/replay.ts";
import {
  budgetForLevel,
  CLAUDE_MIN_BUDGET,
  fitBudget,
  nearestEffort,
  requireEffort,
} from "../../codec/thinking.ts";
import type { ChatRequest, ThinkingEffort, ThinkingLevel, Warning } from "../../common/types.ts";
import { refuse } from "../../common/refuse.ts";
import type { AnthropicModel } from "./models.ts";

/** `max_tokens` when the request sets none and nothing needs more; also the answer's share. */
export const DEFAULT_MAX_TOKENS = 4096;
/** The smallest `budget_tokens` the API takes. */

/** What the request's thinking becomes on the wire. */
export interface AnthropicThinkingPlan {
  /** `max_tokens`. */
  maxTokens: number;
  /** The `thinking` field, when one is sent. */
  thinking?: { type: "enabled"; budget_tokens: number } | { type: "adaptive" | "disabled" };
  /** `output_config.effort`, when one is sent. */
  effort?: ThinkingEffort;
}

/**
 * Plans `max_tokens`, `thinking` and the effort for a request.
 *
 * @param request The validated request.
 * @param row The model's capabilities.
 * @param warnings Receives approximations.
 * @returns The plan.
 * @throws {ValidationError} When an explicit value cannot be sent to this model.
 */
export function planAnthropicThinking(
  request: ChatRequest,
  row: AnthropicModel,
  warnings: Warning[] | undefined,
): AnthropicThinkingPlan {
  const max = request.maxOutputTokens;
  const limit = row.maxOutputTokens;
  if (max !== undefined && limit !== undefined && max > limit) {
    refuse(
      "anthropic",
      "maxOutputTokens",
      `must be at most ${limit} for "${request.model}", got ${max}`,
    );
  }
  const thinking = request.thinking;
  if (thinking === undefined) return { maxTokens: max ?? DEFAULT_MAX_TOKENS };
  if (typeof thinking === "string") return planLevel(request, thinking, row, warnings);
  if ("budgetTokens" in thinking) return planBudget(request, thinking.budgetTokens, row);
  return planEffort(request, thinking.effort, row);
}

function planLevel(
  request: ChatRequest,
  level: ThinkingLevel,
  row: AnthropicModel,
  warnings: Warning[] | undefined,
): AnthropicThinkingPlan {
  const max = request.maxOutputTokens;
  if (level === "none" && row.off !== "impossible") {
    const maxTokens = max ?? DEFAULT_MAX_TOKENS;
    return row.off === "disabled" ? { maxTokens, thinking: { type: "disabled" } } : { maxTokens };
  }
  if (row.thinking === "none") {
    refuse(
      "anthropic",
      "thinking",
      `"${level}" needs a model with extended thinking, got "${request.model}"`,
    );
  }
  if (row.thinking === "adaptive") {
    const effort = nearestEffort(level, row.efforts!);
    if (effort !== level) {
      warn(
        warnings,
        "anthropic",
        "thinking",
        level === "none"
          ? `"none" sent as effort "${effort}": ${request.model} always thinks`
          : `"${level}" sent as effort "${effort}": ${request.model} has no closer one`,
      );
    }
    return { maxTokens: max ?? row.maxOutputTokens!, thinking: { type: "adaptive" }, effort };
  }
  const budget = budgetForLevel(level, row.budgetRange!);
  if (max === undefined) {
    return {
      maxTokens: budget + DEFAULT_MAX_TOKENS,
      thinking: { type: "enabled", budget_tokens: budget },
    };
  }
  const fitted = fitBudget("anthropic", level, budget, max, DEFAULT_MAX_TOKENS, warnings);
  return { maxTokens: max, thinking: { type: "enabled", budget_tokens: fitted } };
}

function planBudget(
  request: ChatRequest,
  budget: number,
  row: AnthropicModel,
): AnthropicThinkingPlan {
  const path = "thinking.budgetTokens";
  if (!row.budgetTokens) {
    refuse(
      "anthropic",
      path,
      row.thinking === "none"
        ? `cannot be sent: "${request.model}" has no extended thinking`
        : `cannot be sent: "${request.model}" takes adaptive thinking with an effort instead`,
    );
  }
  if (budget < CLAUDE_MIN_BUDGET) {
    refuse("anthropic", path, `must be at least ${CLAUDE_MIN_BUDGET}, got ${budget}`);
  }
  const max = request.maxOutputTokens;
  const limit = row.maxOutputTokens;
  if (max !== undefined && budget >= max) {
    refuse("anthropic", path, `must be below maxOutputTokens ${max}, got ${budget}`);
  }
  if (limit !== undefined && budget >= limit) {
    refuse(
      "anthropic",
      path,
      `must be below ${limit}, the output limit of "${request.model}", got ${budget}`,
    );
  }
  const derived = budget + DEFAULT_MAX_TOKENS;
  return {
    maxTokens: max ?? (limit === undefined ? derived : Math.min(derived, limit)),
    thinking: { type: "enabled", budget_tokens: budget },
  };
}

function planEffort(
  request: ChatRequest,
  effort: ThinkingEffort,
  row: AnthropicModel,
): AnthropicThinkingPlan {
  requireEffort("anthropic", effort, row.efforts, request.model);
  const max = request.maxOutputTokens;
  // Adaptive models think within max_tokens as the effort guides: give them their whole limit.
  if (row.thinking === "adaptive") {
    return { maxTokens: max ?? row.maxOutputTokens!, thinking: { type: "adaptive" }, effort };
  }
  // Budget models with an effort (Opus 4.5): the effort steers all output, thinking stays off.
  return { maxTokens: max ?? DEFAULT_MAX_TOKENS, effort };
}

/**
 * How thinking came to be on, for error messages (JSON.stringify is not free on the hot path).
 *
 * @param request The request.
 * @returns e.g. `on by default for "claude-sonnet-5"` or `"high"`.
 */
export function describeThinking(request: ChatRequest): string {
  return request.thinking === undefined
    ? `on by default for "${request.model}"`
    : JSON.stringify(request.thinking);
}

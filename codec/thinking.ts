/**
 * Provider-neutral thinking arithmetic: the budget formula every budget-based provider uses, and
 * the nearest-effort rule every effort- or level-based provider uses.
 *
 * @module
 */

import type { ThinkingEffort, ThinkingLevel, Warning } from "../common/types.ts";
import { warn } from "./replay.ts";
import { refuse } from "../common/refuse.ts";

const STEP: Record<ThinkingLevel, number> = { none: 0, low: 1, medium: 2, high: 3 };
const RANK: Record<ThinkingEffort, number> = {
  none: 0,
  minimal: 1,
  low: 2,
  medium: 3,
  high: 4,
  xhigh: 5,
  max: 6,
};

/** A model's thinking budget range in tokens. */
export interface BudgetRange {
  /** Smallest budget the model takes. */
  min: number;
  /** Largest budget the model takes. */
  max: number;
}

/**
 * Budget for a level: `min + level/3 · (max − min)`, integer division (none=0 … high=3).
 *
 * @param level The canonical level.
 * @param range The model's range.
 * @returns Tokens.
 */
export function budgetForLevel(level: ThinkingLevel, range: BudgetRange): number {
  return range.min + Math.floor((STEP[level] * (range.max - range.min)) / 3);
}

/**
 * The accepted effort nearest to `wanted`; a tie goes to the higher one (more reasoning rather
 * than less than asked). "none" therefore gets the lowest effort the model has.
 *
 * @param wanted The effort asked for.
 * @param accepted The model's efforts, lowest first, at least one.
 * @returns One of `accepted`.
 */
export function nearestEffort(
  wanted: ThinkingEffort,
  accepted: readonly ThinkingEffort[],
): ThinkingEffort {
  if (accepted.includes(wanted)) return wanted;
  let best = accepted[0];
  for (const effort of accepted) {
    if (Math.abs(RANK[effort] - RANK[wanted]) <= Math.abs(RANK[best] - RANK[wanted])) {
      best = effort;
    }
  }
  return best;
}

/**
 * Refuses an effort the model does not take.
 *
 * @param provider The provider being serialized for.
 * @param effort The effort asked for.
 * @param efforts The model's efforts, or undefined when they are not known (then any passes).
 * @param model The model, named in the error.
 * @throws {ValidationError} Naming `thinking.effort` when `efforts` lacks `effort`.
 */
export function requireEffort(
  provider: string,
  effort: ThinkingEffort,
  efforts: readonly ThinkingEffort[] | undefined,
  model: string,
): void {
  if (efforts !== undefined && !efforts.includes(effort)) {
    refuse(
      provider,
      "thinking.effort",
      `"${effort}" is not an effort "${model}" takes (${efforts.join(", ") || "it takes none"})`,
    );
  }
}

/** The least thinking budget Claude takes, on Anthropic's API and on Bedrock alike. */
export const CLAUDE_MIN_BUDGET = 1024;

/**
 * A level's thinking budget fitted under the caller's output cap: lowered to leave `answer`
 * tokens for the answer (never under {@link CLAUDE_MIN_BUDGET}), with a warning.
 *
 * @param provider Named in the warning and the error.
 * @param level The level asked for.
 * @param budget The level's budget.
 * @param max The caller's maxOutputTokens.
 * @param answer Tokens to leave for the answer.
 * @param warnings Receives the warning, if the budget is lowered.
 * @returns The budget to send.
 * @throws {ValidationError} When the cap leaves no room for the least budget.
 */
export function fitBudget(
  provider: string,
  level: ThinkingLevel,
  budget: number,
  max: number,
  answer: number,
  warnings: Warning[] | undefined,
): number {
  if (budget + answer <= max) return budget;
  if (max <= CLAUDE_MIN_BUDGET) {
    refuse(
      provider,
      "maxOutputTokens",
      `must be above ${CLAUDE_MIN_BUDGET} when thinking is "${level}", got ${max}`,
    );
  }
  const fitted = Math.max(CLAUDE_MIN_BUDGET, max - answer);
  warn(
    warnings,
    provider,
    "thinking",
    `budget for "${level}" lowered from ${budget} to ${fitted} tokens to fit maxOutputTokens ${max}`,
  );
  return fitted;
}

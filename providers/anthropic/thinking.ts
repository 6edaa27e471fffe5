/**
 * Anthropic's extended thinking: `thinking: {type: "enabled", budget_tokens}` by model.
 *
 * @see https://docs.anthropic.com/en/docs/build-with-claude/extended-thinking
 * @module
 */

import { budgetForLevel, type BudgetRange } from "../../common/thinking.ts";
import type { ThinkingLevel } from "../../common/types.ts";

const WIDE: BudgetRange = { min: 1024, max: 64000 };
const NARROW: BudgetRange = { min: 1024, max: 32000 };
const RANGES: Array<[prefix: string, range: BudgetRange]> = [
  ["claude-sonnet-4-5", WIDE],
  ["claude-opus", WIDE],
  ["claude-haiku-4-5", NARROW],
];

/** `max_tokens` when the request sets none. */
export const DEFAULT_MAX_TOKENS = 4096;

/**
 * The thinking budget for a model and level; unknown models get 1024–32000.
 *
 * @param model Anthropic model id.
 * @param level A level other than none.
 * @returns `budget_tokens`.
 */
export function anthropicThinkingBudget(model: string, level: ThinkingLevel): number {
  const found = RANGES.find(([prefix]) => model.startsWith(prefix));
  return budgetForLevel(level, found === undefined ? NARROW : found[1]);
}

/**
 * The one formula every budget-based provider uses to turn a level into tokens.
 *
 * @module
 */

import type { ThinkingLevel } from "./types.ts";

const STEP: Record<ThinkingLevel, number> = { none: 0, low: 1, medium: 2, high: 3 };

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

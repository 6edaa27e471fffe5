/**
 * Gemini thinking: 2.5 models take `thinkingBudget` tokens, Gemini 3 takes `thinkingLevel`.
 *
 * @see https://ai.google.dev/gemini-api/docs/thinking
 * @module
 */

import { ValidationError } from "../../common/errors.ts";
import { warn } from "../../common/replay.ts";
import { budgetForLevel, type BudgetRange } from "../../common/thinking.ts";
import type { JsonObject, ThinkingLevel, Warning } from "../../common/types.ts";

interface BudgetModel extends BudgetRange {
  /** Whether `thinkingBudget: 0` turns thinking off (2.5 Pro cannot). */
  canDisable: boolean;
}

// Checked in order: flash-lite before flash, since both share the prefix.
const BUDGETS: Array<[prefix: string, model: BudgetModel]> = [
  ["gemini-2.5-pro", { min: 128, max: 32768, canDisable: false }],
  ["gemini-2.5-flash-lite", { min: 512, max: 24576, canDisable: true }],
  ["gemini-2.5-flash", { min: 0, max: 24576, canDisable: true }],
];
const DEFAULT_BUDGET: BudgetModel = { min: 0, max: 24576, canDisable: true };

function refuse(model: string, level: ThinkingLevel, why: string): never {
  throw new ValidationError(
    `Cannot serialize request for google: thinking "${level}" ${why} on "${model}"`,
    { provider: "google", path: "thinking" },
  );
}

/**
 * The `generationConfig.thinkingConfig` for a model and level.
 *
 * @param model Gemini model id (a `models/` prefix is allowed).
 * @param level The canonical level.
 * @param warnings Receives the note when a level is rounded to one the model has.
 * @returns The wire thinking config.
 * @throws {ValidationError} For "none" on a model that cannot turn thinking off.
 */
export function googleThinkingConfig(
  model: string,
  level: ThinkingLevel,
  warnings: Warning[] | undefined,
): JsonObject {
  const id = model.startsWith("models/") ? model.slice(7) : model;
  if (id.startsWith("gemini-3")) {
    if (!id.includes("-pro")) {
      return level === "none"
        ? { thinkingLevel: "minimal" }
        : { thinkingLevel: level, includeThoughts: true };
    }
    // Gemini 3 Pro has only "low" and "high", and always thinks.
    if (level === "none") refuse(model, level, "is impossible: thinking cannot be turned off");
    if (level === "medium") {
      warn(
        warnings,
        "google",
        "thinking",
        `"medium" sent as "high": ${model} has only low and high`,
      );
    }
    return { thinkingLevel: level === "low" ? "low" : "high", includeThoughts: true };
  }
  const found = BUDGETS.find(([prefix]) => id.startsWith(prefix));
  const budget = found === undefined ? DEFAULT_BUDGET : found[1];
  if (level === "none") {
    if (!budget.canDisable) refuse(model, level, "is impossible: thinking cannot be turned off");
    return { thinkingBudget: 0 };
  }
  return { thinkingBudget: budgetForLevel(level, budget), includeThoughts: true };
}

/**
 * Gemini thinking: 2.5 models take `thinkingBudget` tokens, Gemini 3 takes `thinkingLevel`.
 *
 * A level goes to the model's budget range or nearest level, with a warning when it is not exact
 * ("none" on a model that always thinks gets its lowest setting). An exact `{budgetTokens}` or
 * `{effort}` is sent or refused.
 *
 * @see https://ai.google.dev/gemini-api/docs/thinking
 * @module
 */

import { warn } from "../../codec/replay.ts";
import { budgetForLevel, nearestEffort } from "../../codec/thinking.ts";
import type { ChatRequest, ThinkingEffort, ThinkingLevel, Warning } from "../../common/types.ts";
import type { JsonObject } from "../../common/json_object.ts";
import { refuse } from "../../common/refuse.ts";
import type { GoogleModel } from "./models.ts";

/**
 * The `generationConfig.thinkingConfig` for a request that sets `thinking`.
 *
 * @param request The validated request.
 * @param row The model's capabilities.
 * @param warnings Receives approximations.
 * @returns The wire thinking config.
 * @throws {ValidationError} For thinking on a model without it, or an exact value it cannot take.
 */
export function googleThinkingConfig(
  request: ChatRequest,
  row: GoogleModel,
  warnings: Warning[] | undefined,
): JsonObject | undefined {
  const thinking = request.thinking;
  if (thinking === undefined) return undefined;
  if (typeof thinking === "string") return levelConfig(request.model, thinking, row, warnings);
  if (row.thinking === "none") {
    refuse("google", "thinking", `cannot be sent: "${request.model}" has no thinking`);
  }
  if ("budgetTokens" in thinking) return budgetConfig(request.model, thinking.budgetTokens, row);
  return effortConfig(request.model, thinking.effort, row);
}

function levelConfig(
  model: string,
  level: ThinkingLevel,
  row: GoogleModel,
  warnings: Warning[] | undefined,
): JsonObject | undefined {
  if (row.thinking === "none") {
    if (level === "none") return undefined;
    refuse("google", "thinking", `"${level}" needs a thinking model, got "${model}"`);
  }
  if (row.thinking === "level") {
    const sent = nearestEffort(level, row.levels!);
    if (sent !== level) noteLevel(warnings, model, level, `"${sent}"`);
    return level === "none"
      ? { thinkingLevel: sent }
      : { thinkingLevel: sent, includeThoughts: true };
  }
  const budget = row.budget!;
  if (level !== "none") {
    return { thinkingBudget: budgetForLevel(level, budget), includeThoughts: true };
  }
  if (budget.canDisable) return { thinkingBudget: 0 };
  noteLevel(warnings, model, level, `the minimum budget ${budget.min}`);
  return { thinkingBudget: budget.min };
}

// A module function, not a closure made on every call: this runs for every thinking request.
function noteLevel(
  warnings: Warning[] | undefined,
  model: string,
  level: ThinkingLevel,
  sent: string,
): void {
  warn(
    warnings,
    "google",
    "thinking",
    level === "none"
      ? `"none" sent as ${sent}: ${model} cannot turn thinking off`
      : `"${level}" sent as ${sent}: ${model} has no closer level`,
  );
}

function budgetConfig(model: string, tokens: number, row: GoogleModel): JsonObject {
  const budget = row.budget;
  // Only known 2.5 models are checked: level models still take a budget (kept for backward
  // compatibility) and unknown models get it as asked.
  if (budget !== undefined && row.levels !== undefined) {
    if (tokens === 0 && !budget.canDisable) {
      refuse("google", "thinking.budgetTokens", `cannot be 0: "${model}" cannot turn thinking off`);
    }
    if (tokens !== 0 && (tokens < budget.min || tokens > budget.max)) {
      refuse(
        "google",
        "thinking.budgetTokens",
        `must be within ${budget.min}–${budget.max} for "${model}", got ${tokens}`,
      );
    }
  }
  return tokens === 0 ? { thinkingBudget: 0 } : { thinkingBudget: tokens, includeThoughts: true };
}

function effortConfig(model: string, effort: ThinkingEffort, row: GoogleModel): JsonObject {
  const levels = row.levels;
  if (levels !== undefined && !levels.includes(effort)) {
    refuse(
      "google",
      "thinking.effort",
      levels.length === 0
        ? `cannot be sent: "${model}" takes a thinking budget, not a level`
        : `"${effort}" is not a thinking level "${model}" takes (${levels.join(", ")})`,
    );
  }
  return { thinkingLevel: effort, includeThoughts: true };
}

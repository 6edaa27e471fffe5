/**
 * Bedrock thinking: the request's `thinking` and `maxOutputTokens` → `inferenceConfig.maxTokens`
 * and Claude's `additionalModelRequestFields.thinking = {type: "enabled", budget_tokens}`, by the
 * model's row. As for Anthropic's own API, a level's budget is lowered to fit the caller's
 * `maxOutputTokens` with a warning, and exact values are sent as given or refused. A model that
 * always reasons (DeepSeek-R1) takes no setting: a level is dropped with a warning.
 *
 * @see https://docs.aws.amazon.com/bedrock/latest/userguide/claude-messages-extended-thinking.html
 * @module
 */

import { warn } from "../../codec/replay.ts";
import { budgetForLevel, CLAUDE_MIN_BUDGET, fitBudget } from "../../codec/thinking.ts";
import type { ChatRequest, ThinkingLevel, Warning } from "../../common/types.ts";
import { refuse } from "../../common/refuse.ts";
import type { BedrockModel } from "./models.ts";

/** Tokens left for the answer beside a thinking budget. */
const ANSWER_TOKENS = 4096;
/** The smallest `budget_tokens` Claude takes. */

/** What the request's thinking becomes on the wire. */
export interface BedrockThinkingPlan {
  /** `inferenceConfig.maxTokens`, when one is sent. */
  maxTokens?: number;
  /** The budget for `additionalModelRequestFields.thinking`, when thinking is on. */
  budget?: number;
}

/**
 * Plans `maxTokens` and the thinking budget.
 *
 * @param request The validated request.
 * @param row The model's row.
 * @param warnings Receives approximations.
 * @returns The plan.
 * @throws {ValidationError} When an explicit value cannot be sent to this model.
 */
export function planBedrockThinking(
  request: ChatRequest,
  row: BedrockModel,
  warnings: Warning[] | undefined,
): BedrockThinkingPlan {
  const max = request.maxOutputTokens;
  if (max !== undefined && row.maxOutputTokens !== undefined && max > row.maxOutputTokens) {
    refuse(
      "bedrock",
      "maxOutputTokens",
      `must be at most ${row.maxOutputTokens} for "${request.model}", got ${max}`,
    );
  }
  const thinking = request.thinking;
  if (thinking === undefined) return { maxTokens: max };
  if (typeof thinking === "string") return planLevel(request, thinking, row, warnings);
  if ("effort" in thinking) {
    refuse(
      "bedrock",
      "thinking.effort",
      `cannot be sent: "${request.model}" on Bedrock takes a budget ({ budgetTokens }) or a level`,
    );
  }
  const budget = thinking.budgetTokens;
  const path = "thinking.budgetTokens";
  if (row.thinking !== "budget") {
    refuse("bedrock", path, `cannot be sent: "${request.model}" takes no thinking budget`);
  }
  if (budget < CLAUDE_MIN_BUDGET) {
    refuse("bedrock", path, `must be at least ${CLAUDE_MIN_BUDGET}, got ${budget}`);
  }
  if (max !== undefined && budget >= max) {
    refuse("bedrock", path, `must be below maxOutputTokens ${max}, got ${budget}`);
  }
  const limit = row.maxOutputTokens ?? Infinity;
  if (budget >= limit) {
    refuse(
      "bedrock",
      path,
      `must be below ${limit}, the output limit of "${request.model}", got ${budget}`,
    );
  }
  return { maxTokens: max ?? Math.min(budget + ANSWER_TOKENS, limit), budget };
}

function planLevel(
  request: ChatRequest,
  level: ThinkingLevel,
  row: BedrockModel,
  warnings: Warning[] | undefined,
): BedrockThinkingPlan {
  const max = request.maxOutputTokens;
  if (row.thinking === "always") {
    warn(
      warnings,
      "bedrock",
      "thinking",
      `"${level}" not sent: ${request.model} always reasons and takes no setting`,
    );
    return { maxTokens: max };
  }
  if (level === "none") return { maxTokens: max };
  if (row.thinking === "none") {
    if (row.vendor !== "other") {
      refuse(
        "bedrock",
        "thinking",
        `"${level}" needs a model with extended thinking, got "${request.model}"`,
      );
    }
    warn(
      warnings,
      "bedrock",
      "thinking",
      `"${level}" not sent: rosetta does not know how ${request.model} thinks; set providerOptions.bedrock.additionalModelRequestFields`,
    );
    return { maxTokens: max };
  }
  const budget = budgetForLevel(level, row.budgetRange!);
  if (max === undefined) return { maxTokens: budget + ANSWER_TOKENS, budget };
  return {
    maxTokens: max,
    budget: fitBudget("bedrock", level, budget, max, ANSWER_TOKENS, warnings),
  };
}

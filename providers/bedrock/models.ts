/**
 * What each model family on Bedrock takes through Converse, as data: who makes it (which
 * reasoning it can replay), its output limit and how it thinks. One row per family, first match
 * wins; an inference-profile id (`us.`, `eu.`, `apac.`, `global.`, … before the model id) reads as
 * the model it routes to. An id no family matches gets the permissive default (no thinking
 * parameters, no output limit, everything else sent as asked). Each row cites its page.
 *
 * @see https://docs.aws.amazon.com/bedrock/latest/userguide/conversation-inference-supported-models-features.html
 * @see https://docs.aws.amazon.com/bedrock/latest/userguide/inference-profiles-support.html
 * @module
 */

import { type ModelFamily, modelTable } from "../../codec/models.ts";
import type { BudgetRange } from "../../codec/thinking.ts";
import type { RequestLimits } from "../../codec/validate_tools.ts";

/**
 * What every Converse request takes: `inferenceConfig.temperature` from 0 to 1, tool names of
 * 1–64 letters, digits, `_` or `-` (`ToolSpecification.name` matches `^[a-zA-Z0-9_-]{1,64}$`).
 *
 * @see https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_InferenceConfiguration.html
 * @see https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_ToolSpecification.html
 */
export const BEDROCK_LIMITS: RequestLimits = {
  maxTemperature: 1,
  toolName: /^[a-zA-Z0-9_-]{1,64}$/,
  toolNameRule: "1-64 letters, digits, _ or -",
};

/** Who made a model: reasoning (signed thinking) goes back only to Claude models. */
export type BedrockVendor = "anthropic" | "amazon" | "meta" | "mistral" | "deepseek" | "other";

/** What rosetta needs to know of a model on Bedrock to send it an acceptable Converse request. */
export interface BedrockModel {
  /** The model's maker. */
  vendor: BedrockVendor;
  /** The largest `inferenceConfig.maxTokens` the model takes; undefined when unknown. */
  maxOutputTokens?: number;
  /**
   * How thinking is asked for: `none` (the model cannot think), `budget` (Claude:
   * `additionalModelRequestFields.thinking = {type: "enabled", budget_tokens}`) or `always` (it
   * reasons on every answer and takes no setting: DeepSeek-R1).
   */
  thinking: "none" | "budget" | "always";
  /** The range a level's budget is drawn from, for budget models. */
  budgetRange?: BudgetRange;
  /** The page that documents the row. */
  doc: string;
}

const CLAUDE_DOC =
  "https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-anthropic-claude-messages.html";
const THINKING_DOC =
  "https://docs.aws.amazon.com/bedrock/latest/userguide/claude-messages-extended-thinking.html";

// A budget-thinking Claude: budgets from 1024 up to the limit less 4096 tokens for the answer.
function thinkingClaude(maxOutputTokens: number): BedrockModel {
  return {
    vendor: "anthropic",
    maxOutputTokens,
    thinking: "budget",
    budgetRange: { min: 1024, max: maxOutputTokens - 4096 },
    doc: THINKING_DOC,
  };
}

// An optional inference-profile prefix (geography or global) before the model id.
const PROFILE = String.raw`^(?:(?:us|us-gov|eu|apac|jp|au|ca|global)\.)?`;
const id = (pattern: string) => new RegExp(PROFILE + pattern);

const FAMILIES: ReadonlyArray<ModelFamily<BedrockModel>> = [
  // Opus 4 and 4.1: 32k output; the 4.5 models, Sonnet 4 and 3.7: 64k (extended thinking page).
  [id(String.raw`anthropic\.claude-opus-4-(?:1-)?20`), thinkingClaude(32000)],
  [id(String.raw`anthropic\.claude-(?:opus|sonnet|haiku)-4`), thinkingClaude(64000)],
  [id(String.raw`anthropic\.claude-3-7-sonnet`), thinkingClaude(64000)],
  [id(String.raw`anthropic\.claude-3-5-`), {
    vendor: "anthropic",
    maxOutputTokens: 8192,
    thinking: "none",
    doc: CLAUDE_DOC,
  }],
  [id(String.raw`anthropic\.claude-`), {
    vendor: "anthropic",
    maxOutputTokens: 4096,
    thinking: "none",
    doc: CLAUDE_DOC,
  }],
  // Output limits differ within the family (Premier takes more than Micro): none is checked.
  [id(String.raw`amazon\.nova-`), {
    vendor: "amazon",
    thinking: "none",
    doc: "https://docs.aws.amazon.com/nova/latest/userguide/using-converse-api.html",
  }],
  [id(String.raw`meta\.llama`), {
    vendor: "meta",
    thinking: "none",
    doc: "https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-meta.html",
  }],
  [id(String.raw`mistral\.`), {
    vendor: "mistral",
    thinking: "none",
    doc: "https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-mistral.html",
  }],
  [id(String.raw`deepseek\.r1`), {
    vendor: "deepseek",
    maxOutputTokens: 32768,
    thinking: "always",
    doc: "https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-deepseek.html",
  }],
];

const PERMISSIVE: BedrockModel = {
  vendor: "other",
  thinking: "none",
  doc: "https://docs.aws.amazon.com/bedrock/latest/userguide/conversation-inference.html",
};

/**
 * The capabilities of a model id (or inference-profile id) on Bedrock.
 *
 * @param model A Bedrock model id, e.g. `us.anthropic.claude-sonnet-4-5-20250929-v1:0`.
 * @returns Its row; unknown ids get a permissive default.
 *
 * @example
 * ```ts
 * import { bedrockModel } from "@rosetta/llm/bedrock";
 * import assert from "node:assert/strict";
 * assert.equal(bedrockModel("eu.anthropic.claude-sonnet-4-5-20250929-v1:0").thinking, "budget");
 * assert.equal(bedrockModel("amazon.nova-pro-v1:0").vendor, "amazon");
 * ```
 */
export const bedrockModel: (model: string) => BedrockModel = modelTable(FAMILIES, PERMISSIVE);

/**
 * What each Claude model family takes, as data: output limit, thinking form, efforts, sampling.
 * One row per family, first match wins; an id no family matches gets the permissive default
 * (budget thinking as on Claude 4, no output limit, everything else sent as asked).
 *
 * @module
 */

import { type ModelFamily, modelTable } from "../../codec/models.ts";
import type { BudgetRange } from "../../codec/thinking.ts";
import type { ThinkingEffort } from "../../common/types.ts";
import type { RequestLimits } from "../../codec/validate_tools.ts";

/**
 * What every Claude model takes: `temperature` from 0 to 1, tool names of 1–64 letters, digits,
 * `_` or `-` (https://docs.anthropic.com/en/api/messages: `temperature` "Ranges from 0.0 to
 * 1.0"; `tools[].name` matches `^[a-zA-Z0-9_-]{1,64}$`).
 */
export const ANTHROPIC_LIMITS: RequestLimits = {
  maxTemperature: 1,
  toolName: /^[a-zA-Z0-9_-]{1,64}$/,
  toolNameRule: "1-64 letters, digits, _ or -",
};

/** What rosetta needs to know of a Claude model to send it an acceptable request. */
export interface AnthropicModel {
  /** The largest `max_tokens` the model takes; undefined when unknown. */
  maxOutputTokens?: number;
  /**
   * How rosetta asks for thinking: `none` (the model cannot think), `budget`
   * (`{type: "enabled", budget_tokens}`) or `adaptive` (`{type: "adaptive"}` + `output_config.effort`).
   */
  thinking: "none" | "budget" | "adaptive";
  /** Whether an explicit `budget_tokens` is accepted (deprecated but accepted on the 4.6 models). */
  budgetTokens: boolean;
  /** The range a level's budget is drawn from, for budget models. */
  budgetRange?: BudgetRange;
  /** `output_config.effort` values, lowest first; undefined when unknown (sent as asked). */
  efforts?: readonly ThinkingEffort[];
  /**
   * How thinking is turned off: `omit` (off unless asked), `disabled` (on by default: send
   * `{type: "disabled"}`) or `impossible` (always on).
   */
  off: "omit" | "disabled" | "impossible";
  /**
   * Whether sampling parameters are accepted: a `temperature` other than 1, `top_k`, and a
   * `top_p` below 0.99 (models after Opus 4.6 refuse them).
   */
  temperature: boolean;
  /** Whether `temperature` and `top_p` cannot both be set (the 4.5 and 4.6 models). */
  samplingOneOf?: boolean;
  /**
   * Whether `output_config.format` (structured outputs) is taken; where it is not, a structured
   * output is sent as a forced tool.
   * @default true
   */
  outputFormat?: boolean;
}

const THREE = ["low", "medium", "high"] as const;
const FIVE = ["low", "medium", "high", "xhigh", "max"] as const;
const NO_THINKING = {
  thinking: "none",
  budgetTokens: false,
  efforts: [],
  off: "omit",
  temperature: true,
  outputFormat: false,
} as const;
/**
 * A budget-thinking family with this output limit. A level's budget is drawn from 1024 up to the
 * limit less 4096 tokens left for the answer, so "high" exactly fills the limit.
 */
function budgetModel(maxOutputTokens: number): AnthropicModel {
  return {
    maxOutputTokens,
    thinking: "budget",
    budgetTokens: true,
    budgetRange: { min: 1024, max: maxOutputTokens - 4096 },
    efforts: [],
    off: "omit",
    temperature: true,
    outputFormat: false,
  };
}
// Structured outputs (output_config.format) are generally available on Opus 4.5 and later,
// Sonnet 4.5 and later and Haiku 4.5; these models also refuse temperature and top_p together
// ("temperature and top_p cannot both be specified for this model"):
// https://platform.claude.com/docs/en/build-with-claude/structured-outputs
const FOUR_FIVE = { outputFormat: true, samplingOneOf: true } as const;
const ADAPTIVE_5 = {
  maxOutputTokens: 128000,
  thinking: "adaptive",
  budgetTokens: false,
  efforts: FIVE,
  temperature: false,
} as const;

const FAMILIES: ReadonlyArray<ModelFamily<AnthropicModel>> = [
  // Legacy models, no extended thinking:
  // https://platform.claude.com/docs/en/about-claude/models/overview#legacy-models
  [/^claude-3-(haiku|opus)/, { maxOutputTokens: 4096, ...NO_THINKING }],
  [/^claude-3-5-(haiku|sonnet)/, { maxOutputTokens: 8192, ...NO_THINKING }],
  // Extended thinking with budget_tokens; max output from the same table (3.7 Sonnet without
  // the 128k beta header): https://platform.claude.com/docs/en/about-claude/models/overview
  [/^claude-3-7-sonnet/, budgetModel(64000)],
  [/^claude-opus-4(-[01])?($|-\d{8})/, budgetModel(32000)],
  [/^claude-sonnet-4(-0)?($|-\d{8})/, budgetModel(64000)],
  [/^claude-(sonnet|haiku)-4-5/, { ...budgetModel(64000), ...FOUR_FIVE }],
  // Opus 4.5 adds output_config.effort (low/medium/high) beside budget thinking:
  // https://platform.claude.com/docs/en/build-with-claude/effort
  [/^claude-opus-4-5/, { ...budgetModel(64000), efforts: THREE, ...FOUR_FIVE }],
  // Adaptive thinking recommended, budget_tokens deprecated but accepted; "max" effort on
  // Opus 4.6 only: https://platform.claude.com/docs/en/build-with-claude/adaptive-thinking,
  // https://platform.claude.com/docs/en/models/opus-4-6/overview (128K max output)
  [/^claude-opus-4-6/, {
    ...ADAPTIVE_5,
    budgetTokens: true,
    efforts: ["low", "medium", "high", "max"],
    off: "omit",
    temperature: true,
    ...FOUR_FIVE,
  }],
  // https://platform.claude.com/docs/en/models/sonnet-4-6/overview (128K max output)
  [/^claude-sonnet-4-6/, {
    ...ADAPTIVE_5,
    budgetTokens: true,
    efforts: THREE,
    off: "omit",
    temperature: true,
    ...FOUR_FIVE,
  }],
  // Adaptive only (budget_tokens is a 400) and no temperature but 1 ("Models released after
  // Claude Opus 4.6 do not support setting temperature", SDK MessageCreateParams.temperature):
  // https://docs.aws.amazon.com/bedrock/latest/userguide/claude-messages-adaptive-thinking.html
  [/^claude-opus-4-[7-9]/, { ...ADAPTIVE_5, off: "omit" }],
  // Opus 5.5 and Fable 5.1 cannot turn thinking off:
  // https://platform.claude.com/docs/en/models/opus-5-5/overview. Fable 5 takes no
  // output_config.format (structured outputs list Opus 4.5–4.8, Sonnet 4.5–4.6, Haiku 4.5).
  [/^claude-opus-5-5/, { ...ADAPTIVE_5, off: "impossible" }],
  [/^claude-fable-5/, { ...ADAPTIVE_5, off: "impossible", outputFormat: false }],
  // Claude 5 models think by default; manual thinking and sampling parameters are 400s:
  // https://platform.claude.com/docs/en/models/sonnet-5/overview
  [/^claude-(opus|sonnet|haiku)-5/, { ...ADAPTIVE_5, off: "disabled" }],
];

// Budget thinking as on Claude 4, drawing levels from 1024–32000 as before the table existed.
const UNKNOWN: AnthropicModel = {
  thinking: "budget",
  budgetTokens: true,
  budgetRange: { min: 1024, max: 32000 },
  off: "omit",
  temperature: true,
};

/**
 * The capability row for a Claude model id; unknown ids get a permissive default.
 *
 * @param model Anthropic model id.
 * @returns The row (the same object for every id of a family).
 *
 * @example Look up what a model takes
 * ```ts
 * import { anthropicModel } from "@rosetta/llm/anthropic";
 * import assert from "node:assert/strict";
 * assert.equal(anthropicModel("claude-sonnet-4-5-20250929").maxOutputTokens, 64000);
 * assert.equal(anthropicModel("claude-3-5-haiku-latest").thinking, "none");
 * ```
 */
export const anthropicModel: (model: string) => AnthropicModel = modelTable(FAMILIES, UNKNOWN);

export { anthropicPricing } from "../anthropic-shared/pricing.ts";

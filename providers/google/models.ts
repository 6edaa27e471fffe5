/**
 * What each Gemini model family takes, as data: the thinking form (a budget on 2.5, a level on 3)
 * and whether replayed function calls need a thought signature. One row per family, first match
 * wins; an id no family matches gets the permissive default (the 2.5 Flash budget range).
 *
 * @module
 */

import { type ModelFamily, modelTable } from "../../codec/models.ts";
import type { BudgetRange } from "../../codec/thinking.ts";
import type { ThinkingEffort } from "../../common/types.ts";
import type { RequestLimits } from "../../codec/validate_tools.ts";
import type { ModelPricing } from "../../common/pricing.ts";

/**
 * What every Gemini model takes: `temperature` from 0 to 2 (the 2.x and 3 models; 1.x took 0–1,
 * https://ai.google.dev/api/generate-content#generationconfig), function names starting with a
 * letter or `_`, then letters, digits, `_`, `.`, `:` or `-`, at most 64 characters
 * (https://ai.google.dev/api/caching#FunctionDeclaration).
 */
export const GOOGLE_LIMITS: RequestLimits = {
  maxTemperature: 2,
  toolName: /^[a-zA-Z_][a-zA-Z0-9_.:-]{0,63}$/,
  toolNameRule: "1-64 characters: a letter or _, then letters, digits, _, ., : or -",
};

/** A `thinkingBudget` range and whether budget 0 turns thinking off. */
export interface GoogleBudget extends BudgetRange {
  /** Whether `thinkingBudget: 0` turns thinking off (2.5 Pro cannot). */
  canDisable: boolean;
}

/** What rosetta needs to know of a Gemini model to send it an acceptable request. */
export interface GoogleModel {
  /** How thinking is set: `none` (no thinking), `budget` (`thinkingBudget`) or `level` (`thinkingLevel`). */
  thinking: "none" | "budget" | "level";
  /** The budget range, for budget models. */
  budget?: GoogleBudget;
  /** `thinkingLevel` values, lowest first; empty for budget models, undefined when unknown. */
  levels?: readonly ThinkingEffort[];
  /** Whether a replayed `functionCall` needs a `thoughtSignature` (Gemini 3 answers 400 without). */
  signatures: boolean;
  /**
   * Whether function declarations, built-in tools and a response schema combine in one request
   * (Gemini 3); older models answer 400 ("Function calling with a response mime type:
   * 'application/json' is unsupported", "Tool use with function calling is unsupported").
   * @default true
   */
  toolMixing?: boolean;
}

const FAMILIES: ReadonlyArray<ModelFamily<GoogleModel>> = [
  // thinkingBudget ranges, and which models can turn thinking off (budget 0); flash-lite before
  // flash, which shares its prefix: https://ai.google.dev/gemini-api/docs/thinking#set-budget
  [/^gemini-2\.5-pro/, {
    thinking: "budget",
    budget: { min: 128, max: 32768, canDisable: false },
    levels: [],
    signatures: false,
    toolMixing: false,
  }],
  [/^gemini-2\.5-flash-lite/, {
    thinking: "budget",
    budget: { min: 512, max: 24576, canDisable: true },
    levels: [],
    signatures: false,
    toolMixing: false,
  }],
  [/^gemini-2\.5-flash/, {
    thinking: "budget",
    budget: { min: 0, max: 24576, canDisable: true },
    levels: [],
    signatures: false,
    toolMixing: false,
  }],
  // thinkingLevel: Gemini 3 Pro low/high, 3.1 Pro adds medium, Flash models minimal…high; Pro
  // models always think: https://ai.google.dev/gemini-api/docs/thinking#thinking-levels. Every
  // Gemini 3 model validates the signatures of replayed function calls:
  // https://ai.google.dev/gemini-api/docs/thought-signatures. Gemini 3 also combines a response
  // schema with tools, and built-in tools with function calling (toolMixing); 2.x and older do
  // not: https://ai.google.dev/gemini-api/docs/gemini-3#structured_outputs_with_tools
  [/^gemini-3-pro/, { thinking: "level", levels: ["low", "high"], signatures: true }],
  [/^gemini-3\.\d+-pro/, {
    thinking: "level",
    levels: ["low", "medium", "high"],
    signatures: true,
  }],
  [/^gemini-3/, {
    thinking: "level",
    levels: ["minimal", "low", "medium", "high"],
    signatures: true,
  }],
  // Gemini 2.0 and 1.5 have no thinking: https://ai.google.dev/gemini-api/docs/models
  [/^gemini-(1\.|2\.0)/, { thinking: "none", levels: [], signatures: false, toolMixing: false }],
];

const UNKNOWN: GoogleModel = {
  thinking: "budget",
  budget: { min: 0, max: 24576, canDisable: true },
  signatures: false,
};

/**
 * The capability row for a Gemini model id (a `models/` prefix is allowed); unknown ids get a
 * permissive default.
 *
 * @param model Gemini model id.
 * @returns The row (the same object for every id of a family).
 *
 * @example Look up what a model takes
 * ```ts
 * import { googleModel } from "@rosetta/llm/google";
 * import assert from "node:assert/strict";
 * assert.deepEqual(googleModel("gemini-3-pro-preview").levels, ["low", "high"]);
 * assert.equal(googleModel("models/gemini-2.5-pro").budget?.canDisable, false);
 * ```
 */
export const googleModel: (model: string) => GoogleModel = modelTable(FAMILIES, UNKNOWN, "models/");

// Standard (paid) tier, text/image/video input; "Output price (including thinking tokens)";
// "Context caching price" is the cache read (storage per hour is billed apart and not here).
const PRICE = { source: "https://ai.google.dev/gemini-api/docs/pricing", read: "2026-12-06" };
const WINDOW = 1_048_576;

// A model the table does not list (Gemini 3, the image and audio models, whose output is
// priced per image or by modality) stays unpriced.
const PRICES: ReadonlyArray<ModelFamily<ModelPricing | undefined>> = [
  [/^gemini-2\.5-pro/, {
    input: 1.25,
    output: 10,
    cacheRead: 0.125,
    longContext: { above: 200_000, input: 2.5, output: 15, cacheRead: 0.25 },
    contextWindow: WINDOW,
    ...PRICE,
  }],
  [/^gemini-2\.5-flash-lite($|-preview|-\d)/, {
    input: 0.1,
    output: 0.4,
    cacheRead: 0.01,
    contextWindow: WINDOW,
    ...PRICE,
  }],
  [/^gemini-2\.5-flash($|-preview|-\d)/, {
    input: 0.3,
    output: 2.5,
    cacheRead: 0.03,
    contextWindow: WINDOW,
    ...PRICE,
  }],
];

/**
 * The price row of a Gemini model id (a `models/` prefix is allowed): USD per million tokens,
 * with the long-prompt tier of 2.5 Pro.
 *
 * @param model Gemini model id.
 * @returns The row, or undefined for a model the price table does not list.
 *
 * @example
 * ```ts
 * import { googlePricing } from "@rosetta/llm/google";
 * import assert from "node:assert/strict";
 * assert.equal(googlePricing("models/gemini-2.5-pro")?.longContext?.input, 2.5);
 * assert.equal(googlePricing("gemini-2.5-flash-image"), undefined);
 * ```
 */
export const googlePricing: (model: string) => ModelPricing | undefined = modelTable(
  PRICES,
  undefined,
  "models/",
);

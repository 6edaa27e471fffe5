/**
 * What each OpenAI model family takes, as data: reasoning efforts, sampling and `stop`. OpenAI's
 * two dialects (Chat Completions and Responses) serve the same models under the same rules, so
 * they share this one table. One row per family, first match wins; an id no family matches gets
 * the permissive default (no `developer` role, everything else sent as asked), so compatible
 * servers keep working.
 *
 * @module
 */

import { type ModelFamily, modelTable } from "../../codec/models.ts";
import type { ThinkingEffort } from "../../common/types.ts";
import { DEFAULT_LIMITS, type RequestLimits } from "../../codec/validate_tools.ts";
import type { ModelPricing } from "../../common/pricing.ts";

/**
 * What every OpenAI model takes, in both dialects: `temperature` from 0 to 2, function names of
 * 1–64 letters, digits, `_` or `-` (https://platform.openai.com/docs/api-reference/chat/create:
 * "What sampling temperature to use, between 0 and 2"; `function.name` "must be a-z, A-Z, 0-9,
 * or contain underscores and dashes, with a maximum length of 64"): the codec's default limits.
 */
export const OPENAI_LIMITS: RequestLimits = DEFAULT_LIMITS;

/** What rosetta needs to know of an OpenAI model to send it an acceptable request. */
export interface OpenAIModel {
  /** A reasoning model: takes `reasoning_effort` and `developer` messages. */
  reasoning: boolean;
  /** `reasoning_effort` values, lowest first; empty for non-reasoning models, undefined when unknown. */
  efforts?: readonly ThinkingEffort[];
  /**
   * Whether a `temperature` other than 1 is accepted: always, never, or only while
   * `reasoning_effort` is `none` (the default of the gpt-5.1 and later models).
   */
  temperature: boolean | "without-reasoning";
  /** Whether `stop` is accepted (Chat Completions; the Responses API takes no stop sequences). */
  stop: boolean;
  /**
   * Whether `response_format: {type: "json_schema"}` (structured outputs) is accepted.
   * @default true
   */
  structuredOutput?: boolean;
  /**
   * Whether `web_search_options` is accepted (the search models).
   * @default false
   */
  webSearch?: boolean;
  /**
   * Whether content parts take `prompt_cache_breakpoint` (gpt-5.6 and later).
   * @default false
   */
  cacheBreakpoints?: boolean;
  /**
   * Whether `presence_penalty` and `frequency_penalty` are accepted (xAI's reasoning models
   * answer them with an error).
   * @default true
   */
  penalties?: boolean;
  /**
   * Whether the model reasons by itself and takes no reasoning control (some hosts' models):
   * a `thinking` setting is then dropped with a warning instead of sent or refused.
   * @default false
   */
  reasonsAlways?: boolean;
}

// Reasoning models take only the default temperature (400 "Only the default (1) value is
// supported"): https://platform.openai.com/docs/guides/reasoning
const O_SERIES = {
  reasoning: true,
  efforts: ["low", "medium", "high"],
  temperature: false,
} as const;
const CHAT: OpenAIModel = { reasoning: false, efforts: [], temperature: true, stop: true };

const FAMILIES: ReadonlyArray<ModelFamily<OpenAIModel>> = [
  // Web search in Chat Completions runs on the search models only:
  // https://platform.openai.com/docs/guides/tools-web-search?api-mode=chat
  [/^gpt-(4o|4o-mini|5)-search-/, { ...CHAT, webSearch: true }],
  // Structured outputs need gpt-4o-2024-08-06 or later; older chat models have JSON mode only:
  // https://platform.openai.com/docs/guides/structured-outputs#supported-models
  [/^(gpt-3\.5|gpt-4($|-)|gpt-4o-2024-05-13)/, { ...CHAT, structuredOutput: false }],
  // `stop`: "Not supported with latest reasoning models o3 and o4-mini" (API reference and the
  // SDK's ChatCompletionCreateParams.stop): https://platform.openai.com/docs/api-reference/chat/create
  [/^o3-mini/, { ...O_SERIES, stop: true }],
  [/^o1(?:$|[-_])/, { ...O_SERIES, stop: true }],
  [/^o[34](?:$|[-_])/, { ...O_SERIES, stop: false }],
  // gpt-5 family efforts, from the SDK's ReasoningEffort doc and the reasoning guide: models
  // before gpt-5.1 take minimal…high, not none; gpt-5-pro only high; gpt-5.1 none…high; xhigh
  // on the models after gpt-5.1-codex-max. temperature only with effort none on gpt-5.1 and later:
  // https://platform.openai.com/docs/guides/latest-model
  [/^gpt-5-chat/, CHAT],
  [/^gpt-5-pro/, { reasoning: true, efforts: ["high"], temperature: false, stop: false }],
  [/^gpt-5(?:$|-)/, {
    reasoning: true,
    efforts: ["minimal", "low", "medium", "high"],
    temperature: false,
    stop: false,
  }],
  [/^gpt-5\.1(?:$|-)(?!codex-max)/, {
    reasoning: true,
    efforts: ["none", "low", "medium", "high"],
    temperature: "without-reasoning",
    stop: false,
  }],
  // Explicit prompt-cache breakpoints on content parts, gpt-5.6 and later (SDK
  // ChatCompletionCreateParams.prompt_cache_options).
  [/^gpt-5\.([6-9]|\d\d)/, {
    reasoning: true,
    efforts: ["none", "low", "medium", "high", "xhigh"],
    temperature: "without-reasoning",
    stop: false,
    cacheBreakpoints: true,
  }],
  [/^gpt-5\.\d/, {
    reasoning: true,
    efforts: ["none", "low", "medium", "high", "xhigh"],
    temperature: "without-reasoning",
    stop: false,
  }],
  // Chat models: no reasoning_effort. https://platform.openai.com/docs/models
  [/^(gpt-4|gpt-3\.5|chatgpt-)/, CHAT],
];

const UNKNOWN: OpenAIModel = {
  reasoning: false,
  temperature: true,
  stop: true,
  webSearch: true,
  cacheBreakpoints: true,
};

/**
 * The capability row for an OpenAI model id; unknown ids get a permissive default.
 *
 * @param model OpenAI model id.
 * @returns The row (the same object for every id of a family).
 *
 * @example Look up what a model takes
 * ```ts
 * import { openAIModel } from "@rosetta/llm/openai";
 * import assert from "node:assert/strict";
 * assert.deepEqual(openAIModel("gpt-5-mini").efforts, ["minimal", "low", "medium", "high"]);
 * assert.equal(openAIModel("o4-mini").stop, false);
 * ```
 */
export const openAIModel: (model: string) => OpenAIModel = modelTable(FAMILIES, UNKNOWN);

/**
 * Whether a model takes `reasoning_effort`: the o-series and the gpt-5 family except its
 * `-chat` variants.
 *
 * @param model OpenAI model id.
 * @returns True for reasoning models.
 *
 * @example
 * ```ts
 * import { isOpenAIReasoningModel } from "@rosetta/llm/openai";
 * import assert from "node:assert/strict";
 * assert.ok(isOpenAIReasoningModel("o3") && !isOpenAIReasoningModel("gpt-4o"));
 * ```
 */
export function isOpenAIReasoningModel(model: string): boolean {
  return openAIModel(model).reasoning;
}

// Standard tier, per million tokens: input, cached input, output (reasoning tokens are billed as
// output). Both dialects bill alike; caching has no fee of its own ("no additional fees",
// https://platform.openai.com/docs/guides/prompt-caching), so a cache write is billed as input.
function priced(
  input: number,
  cacheRead: number,
  output: number,
  contextWindow: number,
): ModelPricing {
  return {
    input,
    output,
    cacheRead,
    cacheWrite: input,
    contextWindow,
    source: "https://developers.openai.com/api/docs/pricing",
    read: "2026-12-06",
  };
}

// Dated snapshots share their alias's row. Unlisted: the search previews (a per-call fee on top),
// gpt-4o-2024-05-13, the pro models, gpt-5.x and later (their rows were not in the copy read).
const PRICES: ReadonlyArray<ModelFamily<ModelPricing | undefined>> = [
  [/^gpt-4o-mini($|-\d{4}-)/, priced(0.15, 0.075, 0.6, 128_000)],
  [/^gpt-4o($|-2024-(08-06|11-20))/, priced(2.5, 1.25, 10, 128_000)],
  [/^gpt-4\.1-mini($|-\d{4}-)/, priced(0.4, 0.1, 1.6, 1_047_576)],
  [/^gpt-4\.1-nano($|-\d{4}-)/, priced(0.1, 0.025, 0.4, 1_047_576)],
  [/^gpt-4\.1($|-\d{4}-)/, priced(2, 0.5, 8, 1_047_576)],
  [/^o3($|-\d{4}-)/, priced(2, 0.5, 8, 200_000)],
  [/^o4-mini($|-\d{4}-)/, priced(1.1, 0.275, 4.4, 200_000)],
  [/^gpt-5-mini($|-\d{4}-)/, priced(0.25, 0.025, 2, 400_000)],
  [/^gpt-5-nano($|-\d{4}-)/, priced(0.05, 0.005, 0.4, 400_000)],
  [/^gpt-5($|-\d{4}-)/, priced(1.25, 0.125, 10, 400_000)],
];

/**
 * The price row of an OpenAI model id, for both dialects: USD per million tokens.
 *
 * @param model OpenAI model id.
 * @returns The row, or undefined for a model the price table does not list.
 *
 * @example
 * ```ts
 * import { openAIPricing } from "@rosetta/llm/openai";
 * import assert from "node:assert/strict";
 * assert.equal(openAIPricing("gpt-4o-2024-08-06")?.cacheRead, 1.25);
 * assert.equal(openAIPricing("gpt-4o-search-preview"), undefined);
 * ```
 */
export const openAIPricing: (model: string) => ModelPricing | undefined = modelTable(
  PRICES,
  undefined,
);

/**
 * What each Claude model costs, as data: the rows of Anthropic's price page, shared by the
 * dialects that reach Claude (Anthropic's own API, and Bedrock's Converse, which bills Claude at
 * these rates plus its regional premium).
 *
 * @module
 */

import { type ModelFamily, modelTable } from "../../codec/models.ts";
import type { ModelPricing } from "../../common/pricing.ts";

const PRICE_PAGE = "https://platform.claude.com/docs/en/about-claude/pricing";
const READ = "2026-12-06";

// One row of the page's table, in its column order: base input, 5m cache writes, 1h cache
// writes, cache hits, output (USD per million tokens).
function claude(
  prices: readonly [input: number, write: number, write1h: number, read: number, output: number],
  contextWindow: number,
  source = PRICE_PAGE,
): ModelPricing {
  const [input, cacheWrite, cacheWrite1h, cacheRead, output] = prices;
  return { input, output, cacheRead, cacheWrite, cacheWrite1h, contextWindow, source, read: READ };
}

// Sonnet 4 and 4.5 with the 1M context window (beta) bill a prompt over 200K input tokens at
// $6 / $22.50, the cache multipliers (1.25x, 2x, 0.1x of input) applying on top ("Long context
// pricing"); Sonnet 4.6 and later have no such tier.
const SONNET_4_LONG = {
  above: 200_000,
  input: 6,
  output: 22.5,
  cacheWrite: 7.5,
  cacheWrite1h: 12,
  cacheRead: 0.6,
};
// 200K by default; 1M with the context-1m beta, the only way to reach the long tier.
const SONNET_4 = { ...claude([3, 3.75, 6, 0.3, 15], 200_000), longContext: SONNET_4_LONG };
const OPUS_4_5 = claude([5, 6.25, 10, 0.5, 25], 200_000);
const OPUS_4 = claude([15, 18.75, 30, 1.5, 75], 200_000);

// Rows of the pricing page as read on the date above; a model it does not list (Opus 5.5,
// Sonnet 5.5, Haiku 5.5: their rows were not in the copy read) stays unpriced.
const PRICES: ReadonlyArray<ModelFamily<ModelPricing | undefined>> = [
  [/^claude-(fable|mythos)-5-1/, claude([10, 12.5, 20, 0.25, 50], 1_000_000)],
  [/^claude-(fable|mythos)-5($|-\d{8})/, claude([10, 12.5, 20, 1, 50], 1_000_000)],
  [/^claude-opus-5($|-\d{8})/, claude([5, 6.25, 10, 0.5, 25], 1_000_000)],
  [/^claude-opus-4-6/, { ...OPUS_4_5, contextWindow: 1_000_000 }],
  [/^claude-opus-4-[5-8]/, OPUS_4_5],
  [/^claude-opus-4(-[01])?($|-\d{8})/, OPUS_4],
  [
    /^claude-sonnet-5($|-\d{8})/,
    claude(
      [2, 2.5, 4, 0.2, 10],
      1_000_000,
      "https://platform.claude.com/docs/en/models/sonnet-5/overview",
    ),
  ],
  [/^claude-sonnet-4-6/, claude([3, 3.75, 6, 0.3, 15], 1_000_000)],
  [/^claude-sonnet-4(-0|-5)?($|-\d{8})/, SONNET_4],
  [/^claude-3-7-sonnet/, claude([3, 3.75, 6, 0.3, 15], 200_000)],
  [/^claude-haiku-4-5/, claude([1, 1.25, 2, 0.1, 5], 200_000)],
  [/^claude-3-5-haiku/, claude([0.8, 1, 1.6, 0.08, 4], 200_000)],
  [/^claude-3-haiku/, claude([0.25, 0.3, 0.5, 0.03, 1.25], 200_000)],
  [/^claude-3-opus/, claude([15, 18.75, 30, 1.5, 75], 200_000)],
];

/**
 * The price row of a Claude model id: USD per million tokens for input, output, 5-minute and
 * 1-hour cache writes and cache reads, with the long-context tier where the model has one.
 *
 * @param model Anthropic model id.
 * @returns The row, or undefined for a model the price table does not list.
 *
 * @example
 * ```ts
 * import { anthropicPricing } from "@rosetta/llm/anthropic";
 * import assert from "node:assert/strict";
 * assert.equal(anthropicPricing("claude-haiku-4-5-20251001")?.output, 5);
 * assert.equal(anthropicPricing("claude-sonnet-4-5")?.longContext?.above, 200000);
 * assert.equal(anthropicPricing("claude-next"), undefined);
 * ```
 */
export const anthropicPricing: (model: string) => ModelPricing | undefined = modelTable(
  PRICES,
  undefined,
);

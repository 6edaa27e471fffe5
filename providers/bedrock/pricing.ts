/**
 * What a model costs on Bedrock: Claude at Anthropic's rates (the rows of its price page), with
 * the premium Bedrock adds on regional endpoints for Claude Sonnet 4.5 and every later model.
 * Other families on Bedrock are unpriced here (their rows were not read), so `costOf` gives
 * `undefined` for them, never 0.
 *
 * @see https://platform.claude.com/docs/en/build-with-claude/claude-on-amazon-bedrock
 * @module
 */

import { anthropicPricing } from "../anthropic-shared/pricing.ts";
import type { ModelPricing, TokenRates } from "../../common/pricing.ts";

const ENDPOINTS_PAGE =
  "https://platform.claude.com/docs/en/build-with-claude/claude-on-amazon-bedrock";
// "Global vs regional endpoints": from Claude Sonnet 4.5 on, a regional endpoint (an in-region
// id or a geographic profile such as `us.`) costs 10% more than the `global.` profile.
const REGIONAL_PREMIUM = 1.1;
const PREMIUM_MODELS = /^claude-(?:(?:sonnet|haiku|opus)-4-[5-9]|[a-z]+-[5-9](?:$|[-.]))/;
const CLAUDE = /^(?:([a-z-]+)\.)?anthropic\.(claude-.*)$/;

function scaled(rates: TokenRates, factor: number): TokenRates {
  const scale = (rate: number | undefined) => rate === undefined ? undefined : rate * factor;
  return {
    input: rates.input * factor,
    output: rates.output * factor,
    cacheRead: scale(rates.cacheRead),
    cacheWrite: scale(rates.cacheWrite),
    cacheWrite1h: scale(rates.cacheWrite1h),
  };
}

/**
 * The price row of a model id on Bedrock (an in-region id or an inference profile).
 *
 * @param model Bedrock model id, e.g. `global.anthropic.claude-haiku-4-5-20251001-v1:0`.
 * @returns The row, or undefined for a model rosetta has no price for.
 *
 * @example
 * ```ts
 * import { bedrockPricing } from "@rosetta/llm/bedrock";
 * import assert from "node:assert/strict";
 * assert.equal(bedrockPricing("global.anthropic.claude-haiku-4-5-20251001-v1:0")?.input, 1);
 * assert.equal(bedrockPricing("us.anthropic.claude-haiku-4-5-20251001-v1:0")?.input, 1.1);
 * assert.equal(bedrockPricing("anthropic.claude-3-5-haiku-20241022-v1:0")?.input, 0.8);
 * assert.equal(bedrockPricing("amazon.nova-pro-v1:0"), undefined);
 * ```
 */
export function bedrockPricing(model: string): ModelPricing | undefined {
  const match = CLAUDE.exec(model);
  if (match === null) return undefined;
  const [, profile, claude] = match;
  const row = anthropicPricing(claude);
  if (row === undefined || profile === "global" || !PREMIUM_MODELS.test(claude)) return row;
  const longContext = row.longContext === undefined
    ? undefined
    : { ...scaled(row.longContext, REGIONAL_PREMIUM), above: row.longContext.above };
  return {
    ...row,
    ...scaled(row, REGIONAL_PREMIUM),
    ...(longContext === undefined ? {} : { longContext }),
    source: `${row.source} (rates); ${ENDPOINTS_PAGE} (regional premium)`,
  };
}

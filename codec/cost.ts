/**
 * A response's cost from its usage and its model's price row: the arithmetic every provider
 * shares. Canonical usage counts cached tokens inside `inputTokens` on every dialect (the
 * mappers add Anthropic's cache counts, which its `input_tokens` leaves out), so the uncached
 * input is `inputTokens - cacheReadTokens - cacheWriteTokens` everywhere.
 *
 * @module
 */

import type { Cost, ModelPricing, TokenRates } from "../common/pricing.ts";
import type { ChatResponse, Usage } from "../common/types.ts";

const MILLION = 1_000_000;

/**
 * The rates that apply to a prompt of this many input tokens: the long-context tier above its
 * threshold, else the base rates.
 *
 * @param pricing The model's row.
 * @param inputTokens Every input token of the call, cached ones included.
 * @returns The tier's rates.
 */
export function ratesFor(pricing: ModelPricing, inputTokens: number): TokenRates {
  const long = pricing.longContext;
  return long !== undefined && inputTokens > long.above ? long : pricing;
}

/**
 * What a call cost. A row without a cache-read (or cache-write) price prices no call that read
 * from (or wrote to) the cache: that price is unknown, not the input's.
 *
 * @param usage The response's canonical usage.
 * @param pricing The model's price row.
 * @param oneHourWrites The part of `cacheWriteTokens` written for one hour (Anthropic
 * `cache_creation.ephemeral_1h_input_tokens`); 0 where the provider has one write price.
 * @returns The cost per kind of token, in USD; undefined when a cache price it needs is unknown.
 *
 * @example Anthropic usage with a cache read
 * ```ts
 * import { costFromUsage } from "./cost.ts";
 * import assert from "node:assert/strict";
 * const usage = {
 *   inputTokens: 1100, outputTokens: 200, thinkingTokens: 0,
 *   cacheReadTokens: 1000, cacheWriteTokens: 0, totalTokens: 1300,
 * };
 * const pricing = { input: 3, output: 15, cacheRead: 0.3, source: "", read: "" };
 * const cost = costFromUsage(usage, pricing);
 * assert.equal(cost?.total, (100 * 3 + 1000 * 0.3 + 200 * 15) / 1e6);
 * assert.equal(costFromUsage(usage, { ...pricing, cacheRead: undefined }), undefined);
 * ```
 */
export function costFromUsage(
  usage: Usage,
  pricing: ModelPricing,
  oneHourWrites = 0,
): Cost | undefined {
  const rates = ratesFor(pricing, usage.inputTokens);
  if (usage.cacheReadTokens > 0 && rates.cacheRead === undefined) return undefined;
  if (usage.cacheWriteTokens > 0 && rates.cacheWrite === undefined) return undefined;
  const uncached = Math.max(0, usage.inputTokens - usage.cacheReadTokens - usage.cacheWriteTokens);
  const writeRate = rates.cacheWrite ?? 0;
  const hourWrites = Math.min(oneHourWrites, usage.cacheWriteTokens);
  const input = (uncached * rates.input) / MILLION;
  const output = (usage.outputTokens * rates.output) / MILLION;
  const cacheRead = (usage.cacheReadTokens * (rates.cacheRead ?? 0)) / MILLION;
  const cacheWrite = ((usage.cacheWriteTokens - hourWrites) * writeRate +
    hourWrites * (rates.cacheWrite1h ?? writeRate)) / MILLION;
  return {
    input,
    output,
    cacheRead,
    cacheWrite,
    total: input + output + cacheRead + cacheWrite,
    currency: "USD",
  };
}

/**
 * A provider's `costOf`: looks the response's model up in its price table.
 *
 * @param pricing The provider's price lookup (undefined for a model it does not price).
 * @param oneHourWrites Reads the one-hour part of the cache writes from a response, where the
 * provider bills it apart.
 * @returns response → cost, or undefined for an unpriced model (never 0).
 */
export function costFunction(
  pricing: (model: string) => ModelPricing | undefined,
  oneHourWrites?: (response: ChatResponse) => number,
): (response: ChatResponse) => Cost | undefined {
  return (response) => {
    const row = pricing(response.model);
    if (row === undefined) return undefined;
    return costFromUsage(response.usage, row, oneHourWrites?.(response) ?? 0);
  };
}

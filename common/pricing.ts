/**
 * Prices and costs, as data: what one model charges per million tokens (a row of its provider's
 * price table, citing the page it was read from) and what one response cost.
 *
 * @module
 */

/** Rates in USD per million tokens for one context tier. */
export interface TokenRates {
  /** Uncached input. */
  input: number;
  /** Output, thinking included (every provider bills reasoning as output). */
  output: number;
  /** Input read from the prompt cache; undefined: unknown (a call that read from it is unpriced). */
  cacheRead?: number;
  /**
   * Input written to the prompt cache (Anthropic: a 5-minute write); undefined: unknown (a call
   * that wrote to it is unpriced).
   */
  cacheWrite?: number;
  /** Input written to the prompt cache for one hour (Anthropic); undefined: as `cacheWrite`. */
  cacheWrite1h?: number;
}

/** What one model charges, with the page it was read from. */
export interface ModelPricing extends TokenRates {
  /**
   * The rates of a prompt longer than `above` input tokens (cached ones included), which then
   * apply to every token of the call (Gemini 2.5 Pro above 200k, Claude Sonnet 4 and 4.5 with
   * the 1M context).
   */
  longContext?: TokenRates & { above: number };
  /** The largest prompt plus output the model takes, in tokens, when the page states it. */
  contextWindow?: number;
  /** The price page. */
  source: string;
  /** The day the page was read, `YYYY-MM-DD`. */
  read: string;
}

/** What one response cost, in `currency`, per kind of token. */
export interface Cost {
  /** Uncached input. */
  input: number;
  /** Output, thinking included. */
  output: number;
  /** Input read from cache. */
  cacheRead: number;
  /** Input written to cache. */
  cacheWrite: number;
  /** The sum of the four. */
  total: number;
  /** Always `USD`: every price page rosetta reads is in dollars. */
  currency: "USD";
}

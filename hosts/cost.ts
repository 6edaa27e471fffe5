/**
 * `costOf`: what a response cost, by the price table of the provider that answered it. It sits
 * above the dialects and hosts because it finds that provider by the name the response carries.
 *
 * @module
 */

import type { Cost } from "../common/pricing.ts";
import type { Provider } from "../common/provider.ts";
import type { ChatResponse } from "../common/types.ts";
import { providers } from "../providers/mod.ts";
import { hosts } from "./mod.ts";

function byName(name: string): Provider | undefined {
  if (Object.hasOwn(providers, name)) return providers[name as keyof typeof providers];
  if (Object.hasOwn(hosts, name)) return hosts[name as keyof typeof hosts];
  return undefined;
}

/**
 * What a response cost: uncached input, output (thinking included), cache reads and cache writes
 * (Anthropic's 1-hour writes at their own price), at the rates of the model's context tier, from
 * the price row of `response.model` (each row cites its price page and the date it was read).
 *
 * @param response A response, from a client or a provider's `parseResponse`.
 * @param provider The provider that answered, when it is not a registered provider or host
 * preset (an Azure or Vertex provider, one of your own); by default the one `response.provider`
 * names.
 * @returns The cost in USD, or undefined when the model or its provider has no price (never 0).
 *
 * @example A parsed Anthropic response
 * ```ts
 * import { anthropic, costOf } from "@rosetta/llm";
 * import assert from "node:assert/strict";
 * const response = anthropic.parseResponse(JSON.stringify({
 *   id: "msg_1", type: "message", role: "assistant", model: "claude-haiku-4-5",
 *   content: [{ type: "text", text: "Hi" }], stop_reason: "end_turn",
 *   usage: { input_tokens: 1000, output_tokens: 100 },
 * }));
 * assert.deepEqual(costOf(response), {
 *   input: 0.001, output: 0.0005, cacheRead: 0, cacheWrite: 0, total: 0.0015, currency: "USD",
 * });
 * assert.equal(costOf({ ...response, model: "claude-unknown" }), undefined);
 * ```
 */
export function costOf(response: ChatResponse, provider?: Provider): Cost | undefined {
  return (provider ?? byName(response.provider))?.costOf?.(response);
}

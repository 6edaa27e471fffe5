/**
 * `explain`: what a request becomes for one provider, offline — the exact HTTP request, every
 * warning, every refusal, what of the conversation the provider will not receive, and an
 * estimate of its tokens and cost. It runs the provider's own serializer (in the refusal-collecting
 * mode), so it cannot disagree with what a call would send.
 *
 * @module
 */

import { collectRefusals } from "../common/refuse.ts";
import type { ValidationError } from "../common/errors.ts";
import type { HttpRequest, Provider } from "../common/provider.ts";
import type { ChatRequest, Warning } from "../common/types.ts";
import type { JsonObject } from "../common/json_object.ts";
import { costFromUsage } from "../codec/cost.ts";
import { estimateTokens } from "../codec/estimate.ts";
import { emptyUsage } from "../codec/usage.ts";
import { redactHeaders, scrubText } from "./redact.ts";

/** Options of {@link explain}. */
export interface ExplainOptions {
  /**
   * A key to build the request with; it is redacted in the result either way.
   * @default a placeholder
   */
  apiKey?: string;
  /** The API root, as a client would be given it. */
  baseUrl?: string;
  /**
   * Explain the streamed form of the request.
   * @default false
   */
  stream?: boolean;
}

/** What {@link explain} found. */
export interface Explanation {
  /** The provider explained for. */
  provider: string;
  /** The model asked for. */
  model: string;
  /**
   * What would be sent: URL, headers with credentials `[redacted]`, and the exact body. Undefined
   * when the request is refused: no body would leave.
   */
  http?: HttpRequest;
  /** Every refusal, not only the first; empty when the request can be sent. */
  refusals: ValidationError[];
  /** Every lossy-but-legal conversion, conversation and settings alike. */
  warnings: Warning[];
  /**
   * What of the conversation this provider will not receive: the warnings about `messages`
   * (another provider's signatures and thinking, blocks it cannot take).
   */
  dropped: Warning[];
  /** Tokens and cost, before sending. */
  estimate: {
    /** Estimated input tokens ({@link estimateTokens}). */
    inputTokens: number;
    /** The output cap the request sets (or the serializer's default), when there is one. */
    outputCap?: number;
    /** The model's context window, from its price row, when known. */
    contextWindow?: number;
    /**
     * The cost range in USD: the input alone, up to the input and a full output cap; undefined
     * for an unpriced model (`max` too without an output cap).
     */
    cost?: { min: number; max?: number; currency: "USD" };
  };
}

const PLACEHOLDER_KEY = "rosetta-explain-key";

// A copy of the request's plain data (objects and arrays), anything else shared: a tool made by
// defineTool carries functions and a zod schema, which structuredClone refuses.
function copyPlain<T>(value: T): T {
  if (Array.isArray(value)) return value.map(copyPlain) as T;
  if (typeof value !== "object" || value === null) return value;
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) copy[key] = copyPlain(field);
  return copy as T;
}

// The output cap a body sets, under each dialect's name for it.
function outputCapOf(body: JsonObject): number | undefined {
  const config = body.generationConfig as JsonObject | undefined;
  const inference = body.inferenceConfig as JsonObject | undefined; // Bedrock Converse
  const cap = body.max_tokens ?? body.max_completion_tokens ?? body.max_output_tokens ??
    config?.maxOutputTokens ?? inference?.maxTokens;
  return typeof cap === "number" ? cap : undefined;
}

function costRange(
  provider: Provider,
  model: string,
  inputTokens: number,
  outputCap: number | undefined,
): Explanation["estimate"]["cost"] {
  const pricing = provider.pricing?.(model);
  if (pricing === undefined) return undefined;
  const usage = { ...emptyUsage(), inputTokens };
  // No cache tokens in these usages: costFromUsage always prices them.
  const min = costFromUsage(usage, pricing)!.total;
  if (outputCap === undefined) return { min, currency: "USD" };
  const max = costFromUsage({ ...usage, outputTokens: outputCap }, pricing)!.total;
  return { min, max, currency: "USD" };
}

/**
 * Explains, offline, what a request becomes for a provider: the exact HTTP request (credentials
 * redacted), every warning, every refusal (serialization records them all instead of stopping
 * at the first), what of the conversation the provider will not receive, and the estimate —
 * input tokens, output cap, context window and a cost range.
 *
 * @param request The canonical request.
 * @param provider The provider to explain it for.
 * @param options Key, API root and streaming, as a call would have them.
 * @returns The explanation; nothing is sent.
 *
 * @example Three faults, all listed
 * ```ts
 * import { anthropic, explain } from "@rosetta/llm";
 * import assert from "node:assert/strict";
 * const explanation = explain({
 *   model: "claude-haiku-4-5",
 *   messages: [{ role: "user", content: "Hi" }],
 *   temperature: 3,
 *   topP: 2,
 *   tools: [{ name: "bad name", parameters: { type: "object" } }],
 * }, anthropic);
 * const paths = new Set(explanation.refusals.map((refusal) => refusal.path));
 * assert.deepEqual([...paths].sort(), ["temperature", "tools[0].name", "topP"]);
 * assert.equal(explanation.http, undefined);
 * ```
 */
export function explain(
  request: ChatRequest,
  provider: Provider,
  options: ExplainOptions = {},
): Explanation {
  const apiKey = options.apiKey ?? PLACEHOLDER_KEY;
  const warnings: Warning[] = [];
  // A copy: past a refusal the serializer runs on values it would refuse, and what it caches
  // per schema object must not be seen by a later serialization of the caller's own.
  const { value, refusals } = collectRefusals(() =>
    provider.buildHttpRequest(copyPlain(request), {
      apiKey,
      baseUrl: options.baseUrl,
      stream: options.stream === true,
      warnings,
    })
  );
  const http = refusals.length === 0 && value !== undefined
    ? {
      ...value,
      url: scrubText(value.url, apiKey),
      headers: redactHeaders(value.headers, apiKey),
    }
    : undefined;
  const inputTokens = estimateTokens(request, { provider: provider.name });
  const outputCap = request.maxOutputTokens ??
    (http === undefined ? undefined : outputCapOf(JSON.parse(http.body) as JsonObject));
  return {
    provider: provider.name,
    model: request.model,
    http,
    refusals,
    warnings,
    dropped: warnings.filter((warning) => warning.path.startsWith("messages")),
    estimate: {
      inputTokens,
      outputCap,
      contextWindow: provider.pricing?.(request.model)?.contextWindow,
      cost: costRange(provider, request.model, inputTokens, outputCap),
    },
  };
}

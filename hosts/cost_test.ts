// costOf against hand-computed costs (USD per million tokens, written out as arithmetic) for
// the recorded usage of every fixture with usage, cache tiers and long-context tiers included.
import { test } from "node:test";
import assert from "node:assert/strict";
import { costOf } from "./cost.ts";
import { getProvider } from "../providers/mod.ts";
import { hosts } from "./mod.ts";
import { readFixture } from "../testing/internal/fixtures.ts";
import type { Cost } from "../common/pricing.ts";
import { readdirSync } from "node:fs";

const FOLDERS = [
  ["anthropic", "anthropic"],
  ["openai", "openai"],
  ["google", "google"],
  ["openai-responses", "openai-responses"],
  ["anthropic", "benchmarks/anthropic"],
  ["openai", "benchmarks/openai"],
  ["google", "benchmarks/google"],
  ["openai-responses", "benchmarks/openai-responses"],
  ["bedrock", "bedrock"],
  ["bedrock", "benchmarks/bedrock"],
] as const;

const M = 1_000_000;
// Claude Sonnet 4.5, Haiku 4.5; GPT-4o, 4o mini, o3, o4-mini, gpt-5-mini, gpt-4.1; Gemini 2.5.
const SONNET = { input: 3, write: 3.75, write1h: 6, read: 0.3, output: 15 };
const HAIKU = { input: 1, read: 0.1, output: 5 };
const GPT4O = { input: 2.5, read: 1.25, output: 10 };
const MINI = { input: 0.15, output: 0.6 };
const FLASH = { input: 0.3, read: 0.03, output: 2.5 };
const PRO = { input: 1.25, read: 0.125, output: 10 };
// Sonnet 4.5 on a regional Bedrock endpoint: 10% over Anthropic's rates.
const US = { input: 3.3, read: 0.33, output: 16.5 };
const BEDROCK_MODEL = "us.anthropic.claude-sonnet-4-5-20250929-v1:0";

// [provider, fixture, expected total or undefined]: input, cache, output terms in that order.
const CASES: ReadonlyArray<readonly [string, string, number | undefined]> = [
  ["anthropic", "anthropic/code_execution.json", (3150 * SONNET.input + 180 * SONNET.output) / M],
  ["anthropic", "anthropic/max_tokens.json", (15 * HAIKU.input + 10 * HAIKU.output) / M],
  ["anthropic", "anthropic/refusal.json", (30 * SONNET.input + 8 * SONNET.output) / M],
  ["anthropic", "anthropic/stop_details.json", (30 * SONNET.input + 8 * SONNET.output) / M],
  ["anthropic", "anthropic/structured_output.json", (210 * SONNET.input + 31 * SONNET.output) / M],
  [
    "anthropic",
    "anthropic/structured_output_tool.json",
    (210 * SONNET.input + 31 * SONNET.output) / M,
  ],
  ["anthropic", "anthropic/text.json", (12 * SONNET.input + 10 * SONNET.output) / M],
  [
    "anthropic",
    "anthropic/thinking.json",
    (40 * SONNET.input + 1500 * SONNET.write + 2048 * SONNET.read + 220 * SONNET.output) / M,
  ],
  ["anthropic", "anthropic/thinking_tokens.json", (22 * SONNET.input + 160 * SONNET.output) / M],
  ["anthropic", "anthropic/tool_calls.json", (512 * HAIKU.input + 140 * HAIKU.output) / M],
  ["anthropic", "anthropic/web_fetch.json", (1820 * SONNET.input + 64 * SONNET.output) / M],
  ["anthropic", "anthropic/web_search.json", (2140 * SONNET.input + 96 * SONNET.output) / M],
  [
    "anthropic",
    "benchmarks/anthropic/response_complex.json",
    (1200 * SONNET.input + 800 * SONNET.read + 420 * SONNET.output) / M,
  ],
  ["anthropic", "benchmarks/anthropic/response_simple.json", (14 * HAIKU.input + 12 * 5) / M],
  [
    "anthropic",
    "benchmarks/anthropic/convert_thinking.json",
    (10 * SONNET.input + 10 * SONNET.output) / M,
  ],
  [
    "anthropic",
    "benchmarks/anthropic/convert_tool_call.json",
    (10 * SONNET.input + 10 * SONNET.output) / M,
  ],
  ["openai", "openai/annotations.json", undefined], // search preview: unpriced
  ["openai", "openai/azure_content_filter.json", (14 * GPT4O.input + 6 * GPT4O.output) / M],
  ["openai", "openai/choices.json", (11 * MINI.input + 9 * MINI.output) / M],
  ["openai", "openai/content_filter.json", (25 * GPT4O.input) / M],
  ["openai", "openai/length.json", (15 * MINI.input + 10 * MINI.output) / M],
  ["openai", "openai/logprobs.json", (9 * GPT4O.input + 2 * GPT4O.output) / M],
  ["openai", "openai/mistral_reasoning.json", undefined], // a Mistral model: not OpenAI's
  // o3: prompt_tokens includes the 1920 cached ones; reasoning is part of completion_tokens.
  ["openai", "openai/reasoning.json", ((2100 - 1920) * 2 + 1920 * 0.5 + 350 * 8) / M],
  ["openai", "openai/tool_calls.json", (82 * GPT4O.input + 67 * GPT4O.output) / M],
  ["openai", "openai/refusal.json", (25 * GPT4O.input + 11 * GPT4O.output) / M],
  ["openai", "openai/structured_output.json", (95 * GPT4O.input + 22 * GPT4O.output) / M],
  ["openai", "openai/text.json", (19 * GPT4O.input + 10 * GPT4O.output) / M],
  ["openai", "benchmarks/openai/response_simple.json", (14 * MINI.input + 12 * MINI.output) / M],
  // o4-mini: $1.10 input, $4.40 output.
  ["openai", "benchmarks/openai/convert_thinking.json", (10 * 1.1 + 10 * 4.4) / M],
  ["openai", "benchmarks/openai/convert_tool_call.json", (10 * 1.1 + 10 * 4.4) / M],
  [
    "openai",
    "benchmarks/openai/response_complex.json",
    ((2000 - 800) * 1.1 + 800 * 0.275 + 420 * 4.4) / M,
  ],
  ["openai-responses", "openai-responses/incomplete.json", (25 * 2.5 + 16 * 10) / M],
  [
    "openai-responses",
    "openai-responses/reasoning.json",
    ((2088 - 2048) * 1.1 + 2048 * 0.275 + 230 * 4.4) / M,
  ],
  ["openai-responses", "openai-responses/reasoning_no_summary.json", (88 * 0.25 + 74 * 2) / M],
  ["openai-responses", "openai-responses/tool_calls.json", (512 * 2.5 + 140 * 10) / M],
  ["openai-responses", "openai-responses/refusal.json", (30 * 2.5 + 11 * 10) / M],
  ["openai-responses", "openai-responses/structured_output.json", (95 * 2.5 + 22 * 10) / M],
  ["openai-responses", "openai-responses/text.json", (19 * 2.5 + 10 * 10) / M],
  // gpt-5-mini: $0.25 input, $2 output.
  [
    "openai-responses",
    "benchmarks/openai-responses/convert_thinking.json",
    (10 * 0.25 + 10 * 2) / M,
  ],
  [
    "openai-responses",
    "benchmarks/openai-responses/convert_tool_call.json",
    (10 * 0.25 + 10 * 2) / M,
  ],
  ["openai-responses", "openai-responses/web_search.json", (310 * 2 + 42 * 8) / M],
  [
    "openai-responses",
    "benchmarks/openai-responses/response_complex.json",
    ((2000 - 800) * 0.25 + 800 * 0.025 + 420 * 2) / M,
  ],
  [
    "openai-responses",
    "benchmarks/openai-responses/response_simple.json",
    (14 * 0.15 + 12 * 0.6) / M,
  ],
  ["google", "google/blocked_prompt.json", (14 * FLASH.input) / M],
  ["google", "benchmarks/google/response_simple.json", (14 * FLASH.input + 12 * FLASH.output) / M],
  [
    "google",
    "benchmarks/google/convert_thinking.json",
    (10 * FLASH.input + 10 * FLASH.output) / M,
  ],
  [
    "google",
    "benchmarks/google/convert_tool_call.json",
    (10 * FLASH.input + 10 * FLASH.output) / M,
  ],
  ["google", "google/candidates.json", (7 * FLASH.input + 8 * FLASH.output) / M],
  ["google", "google/code_execution.json", (18 * FLASH.input + 60 * FLASH.output) / M],
  // Grounding: toolUsePromptTokenCount (120) is input too.
  ["google", "google/grounding.json", ((9 + 120) * FLASH.input + 16 * FLASH.output) / M],
  ["google", "google/image_output.json", undefined], // image output is priced per image
  ["google", "google/max_tokens.json", (15 * 0.1 + 10 * 0.4) / M],
  ["google", "google/safety.json", (14 * FLASH.input) / M],
  ["google", "google/structured_output.json", (88 * FLASH.input + 24 * FLASH.output) / M],
  ["google", "google/text.json", (8 * FLASH.input + 9 * FLASH.output) / M],
  ["google", "google/text_parts.json", (6 * FLASH.input + 4 * FLASH.output) / M],
  // 2.5 Pro: thoughtsTokenCount (300) billed as output beside candidatesTokenCount (12).
  ["google", "google/thinking.json", (20 * PRO.input + (12 + 300) * PRO.output) / M],
  // promptTokenCount (120) includes cachedContentTokenCount (64).
  [
    "google",
    "google/tool_calls.json",
    ((120 - 64) * FLASH.input + 64 * FLASH.read + (45 + 100) * FLASH.output) / M,
  ],
  [
    "google",
    "benchmarks/google/response_complex.json",
    ((2000 - 800) * PRO.input + 800 * PRO.read + (120 + 300) * PRO.output) / M,
  ],
  // Converse bodies name no model: read as BEDROCK_MODEL, Sonnet 4.5 through the `us.` profile,
  // a regional endpoint (Anthropic's rates + 10%). inputTokens there excludes the cache reads.
  ["bedrock", "bedrock/cached.json", (20 * US.input + 1800 * US.read + 4 * US.output) / M],
  ["bedrock", "bedrock/max_tokens.json", (15 * US.input + 20 * US.output) / M],
  ["bedrock", "bedrock/redacted_thinking.json", (52 * US.input + 140 * US.output) / M],
  ["bedrock", "bedrock/structured_output.json", (220 * US.input + 58 * US.output) / M],
  ["bedrock", "bedrock/text.json", (12 * US.input + 11 * US.output) / M],
  ["bedrock", "bedrock/thinking.json", (48 * US.input + 96 * US.output) / M],
  ["bedrock", "bedrock/tool_calls.json", (412 * US.input + 160 * US.output) / M],
  ["bedrock", "benchmarks/bedrock/convert_thinking.json", (10 * US.input + 10 * US.output) / M],
  ["bedrock", "benchmarks/bedrock/convert_tool_call.json", (10 * US.input + 10 * US.output) / M],
  [
    "bedrock",
    "benchmarks/bedrock/response_complex.json",
    (1200 * US.input + 800 * US.read + 420 * US.output) / M,
  ],
  ["bedrock", "benchmarks/bedrock/response_simple.json", (14 * US.input + 12 * US.output) / M],
];

function near(actual: number | undefined, expected: number, what: string): void {
  assert.ok(actual !== undefined && Math.abs(actual - expected) < 1e-12, `${what}: ${actual}`);
}

function costOfFixture(provider: string, path: string): Cost | undefined {
  return costOf(getProvider(provider).parseResponse(readFixture(path), { model: BEDROCK_MODEL }));
}

test("costOf prices Claude on Bedrock by endpoint: global at Anthropic's rates, regional +10%", () => {
  const body = readFixture("bedrock/text.json");
  const at = (model: string) => costOf(getProvider("bedrock").parseResponse(body, { model }));
  near(at("global.anthropic.claude-haiku-4-5-20251001-v1:0")?.total, (12 * 1 + 11 * 5) / M, "g");
  near(at("eu.anthropic.claude-haiku-4-5-20251001-v1:0")?.total, (12 * 1.1 + 11 * 5.5) / M, "eu");
  // Older models have one price on every endpoint.
  near(at("anthropic.claude-3-5-haiku-20241022-v1:0")?.total, (12 * 0.8 + 11 * 4) / M, "3.5");
  assert.equal(at("amazon.nova-pro-v1:0"), undefined, "Nova is unpriced, never 0");
});

for (const [provider, path, expected] of CASES) {
  test(`costOf ${path} matches the hand-computed cost`, () => {
    const cost = costOfFixture(provider, path);
    if (expected === undefined) return assert.equal(cost, undefined);
    near(cost?.total, expected, "total");
    assert.equal(cost!.currency, "USD");
    near(cost!.input + cost!.output + cost!.cacheRead + cost!.cacheWrite, expected, "parts");
  });
}

test("costOf splits Anthropic cache writes into 5-minute and 1-hour prices", () => {
  const body = JSON.parse(readFixture("anthropic/thinking.json"));
  body.usage.cache_creation = { ephemeral_5m_input_tokens: 1000, ephemeral_1h_input_tokens: 500 };
  const cost = costOf(getProvider("anthropic").parseResponse(JSON.stringify(body)));
  near(cost?.cacheWrite, (1000 * SONNET.write + 500 * SONNET.write1h) / M, "cacheWrite");
  near(cost?.cacheRead, (2048 * SONNET.read) / M, "cacheRead");
  near(cost?.input, (40 * SONNET.input) / M, "input");
});

test("costOf bills every token of a long prompt at the long-context tier", () => {
  const body = JSON.parse(readFixture("google/thinking.json"));
  body.usageMetadata = { promptTokenCount: 300_000, candidatesTokenCount: 1000 };
  const gemini = costOf(getProvider("google").parseResponse(JSON.stringify(body)));
  near(gemini?.total, (300_000 * 2.5 + 1000 * 15) / M, "Gemini 2.5 Pro above 200k");
  const claude = JSON.parse(readFixture("anthropic/thinking.json"));
  claude.usage = { input_tokens: 150_000, cache_read_input_tokens: 60_000, output_tokens: 10 };
  const sonnet = costOf(getProvider("anthropic").parseResponse(JSON.stringify(claude)));
  near(sonnet?.total, (150_000 * 6 + 60_000 * 0.6 + 10 * 22.5) / M, "Sonnet 4.5 above 200k");
  claude.usage = { input_tokens: 200_000, output_tokens: 10 };
  const edge = costOf(getProvider("anthropic").parseResponse(JSON.stringify(claude)));
  near(edge?.total, (200_000 * 3 + 10 * 15) / M, "Sonnet 4.5 at exactly 200k");
});

test("costOf gives undefined, never 0, for an unknown model or an unpriced host", () => {
  const response = getProvider("anthropic").parseResponse(readFixture("anthropic/text.json"));
  assert.equal(costOf({ ...response, model: "claude-from-the-future" }), undefined);
  assert.equal(costOf({ ...response, provider: "nobody" }), undefined);
  const deepseek = hosts.deepseek.parseResponse(readFixture("hosts/deepseek_tool_loop.json"));
  assert.equal(costOf(deepseek), undefined);
});

test("costOf prices a host from its preset's rows, and no call whose cache price is unknown", () => {
  const groq = hosts.groq.parseResponse(readFixture("hosts/groq_reasoning.json"));
  // openai/gpt-oss-120b on Groq: $0.15 input, $0.60 output (reasoning included).
  near(costOf(groq)?.total, (85 * 0.15 + 40 * 0.6) / M, "Groq");
  const cached = { ...groq, usage: { ...groq.usage, cacheReadTokens: 20 } };
  assert.equal(costOf(cached), undefined, "Groq publishes no cached-input price");
  const xai = hosts.xai.parseResponse(readFixture("hosts/xai_reasoning.json"));
  assert.equal(costOf(xai), undefined, "no xAI rows");
});

test("costOf uses the provider given over the response's name", () => {
  const response = getProvider("openai").parseResponse(readFixture("openai/text.json"));
  const renamed = { ...response, provider: "azure" };
  assert.equal(costOf(renamed), undefined);
  near(costOf(renamed, getProvider("openai"))?.total, (19 * 2.5 + 10 * 10) / M, "total");
});

test("costOf covers every fixture of the five dialects that reports usage", () => {
  const covered = new Set(CASES.map(([, path]) => path));
  const missing: string[] = [];
  for (const [provider, dir] of FOLDERS) {
    for (const name of readdirSync(new URL(`../fixtures/${dir}/`, import.meta.url))) {
      const path = `${dir}/${name}`;
      if (!name.endsWith(".json") || name.startsWith("request") || name.startsWith("error")) {
        continue;
      }
      const body = JSON.parse(readFixture(path));
      const usage = body.usage ?? body.usageMetadata;
      if (usage !== undefined && !covered.has(path)) missing.push(`${provider}: ${path}`);
    }
  }
  assert.deepEqual(missing, []);
});

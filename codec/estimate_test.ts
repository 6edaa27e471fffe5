// estimateTokens: its measured error, and the rules it applies. Two measurements:
// 1. against OpenAI's o200k_base tokenizer (gpt-tokenizer, a dev dependency used only here) on
//    real text — each section of README.md and a sentence in five languages of our own —
//    counted as a chat (system + user message) by both;
// 2. against the recorded input tokens of the benchmark fixtures whose request is known
//    (fixtures/benchmarks/request_*.json → <provider>/response_*.json). Those usage figures were
//    written to the providers' documented formats, not captured from live calls.
// The figures printed here are the ones the README and the JSDoc state.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { countTokens } from "gpt-tokenizer/model/gpt-4o";
import { estimateTokens } from "./estimate.ts";
import { getProvider } from "../providers/mod.ts";
import { readFixture } from "../testing/internal/fixtures.ts";
import type { ChatRequest } from "../common/types.ts";

const SYSTEM = "You are a helpful assistant.";
const SENTENCES: Record<string, string> = {
  fr: "Quel temps fait-il à Paris ce week-end ? Je voudrais savoir s'il va pleuvoir samedi " +
    "après-midi, et quelle température il fera au bord de la Seine.",
  de: "Wie wird das Wetter am Wochenende in Berlin? Ich möchte wissen, ob es am " +
    "Samstagnachmittag regnet und wie warm es wird.",
  ru: "Какая погода будет в Москве на выходных? Я хочу знать, пойдёт ли дождь в субботу днём и " +
    "какая будет температура.",
  ja:
    "今週末の東京の天気はどうですか？土曜日の午後に雨が降るかどうか、そして気温が何度になるか知りたいです。",
  zh: "这个周末北京的天气怎么样？我想知道星期六下午会不会下雨，以及气温会是多少度。",
};
const PNG_1X1 =
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

function percentError(estimate: number, actual: number): number {
  return (Math.abs(estimate - actual) / actual) * 100;
}

function summary(errors: number[]): { n: number; median: number; max: number } {
  const sorted = [...errors].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { n: sorted.length, median, max: sorted[sorted.length - 1] };
}

function texts(): string[] {
  const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
  const sections = readme.split(/\n(?=## )/).filter((section) => section.length > 200);
  return [...sections, ...Object.values(SENTENCES).map((sentence) => sentence.repeat(3))];
}

test("estimateTokens is within 10% (median) and 35% (max) of o200k_base on real text", () => {
  const errors = texts().map((text) => {
    const request: ChatRequest = {
      model: "gpt-4o",
      system: SYSTEM,
      messages: [{ role: "user", content: text }],
    };
    const actual = countTokens([
      { role: "system", content: SYSTEM },
      { role: "user", content: text },
    ]);
    return percentError(estimateTokens(request), actual);
  });
  const { n, median, max } = summary(errors);
  console.log(
    `estimateTokens vs o200k_base: N=${n}, median ${median.toFixed(1)}%, max ${max.toFixed(1)}%`,
  );
  assert.ok(n >= 15, String(n));
  assert.ok(median <= 10, `median ${median}`);
  assert.ok(max <= 35, `max ${max}`);
});

test("estimateTokens is within 30% of the recorded input tokens of the benchmark fixtures", () => {
  const errors: number[] = [];
  for (const name of ["simple", "complex"]) {
    const request = JSON.parse(readFixture(`benchmarks/request_${name}.json`)) as ChatRequest;
    for (const provider of ["anthropic", "openai", "google", "openai-responses"]) {
      const body = readFixture(`benchmarks/${provider}/response_${name}.json`);
      const recorded = getProvider(provider).parseResponse(body).usage.inputTokens;
      errors.push(percentError(estimateTokens(request, { provider }), recorded));
    }
  }
  const { n, median, max } = summary(errors);
  console.log(
    `estimateTokens vs fixtures: N=${n}, median ${median.toFixed(1)}%, max ${max.toFixed(1)}%`,
  );
  assert.equal(n, 8);
  assert.ok(max <= 30, `max ${max}`);
});

test("estimateTokens prices an image by its size and each provider's rule", () => {
  const withImage = (data: string): ChatRequest => ({
    model: "m",
    messages: [{ role: "user", content: [{ type: "image", mediaType: "image/png", data }] }],
  });
  const base = estimateTokens({ model: "m", messages: [{ role: "user", content: [] }] });
  const image = (provider: string, data = PNG_1X1) =>
    estimateTokens(withImage(data), { provider }) - base;
  // 1×1: Anthropic ceil(1 / 750) = 1; OpenAI 85 + 170 × one tile; Gemini a small image, 258.
  assert.deepEqual([image("anthropic"), image("openai"), image("google")], [1, 255, 258]);
  // A URL's size is unknown offline: each provider's typical image.
  const url: ChatRequest = {
    model: "m",
    messages: [{ role: "user", content: [{ type: "image", url: "https://example.com/a.png" }] }],
  };
  assert.equal(estimateTokens(url, { provider: "anthropic" }) - base, 1600);
});

test("estimateTokens counts tool definitions, and Anthropic's tool use system prompt", () => {
  const request: ChatRequest = { model: "m", messages: [{ role: "user", content: "Hi" }] };
  const tools: ChatRequest = {
    ...request,
    tools: [{ name: "get_weather", parameters: { type: "object", properties: {} } }],
  };
  const added = estimateTokens(tools) - estimateTokens(request);
  assert.ok(added > 8 && added < 30, String(added));
  assert.equal(
    estimateTokens(tools, { provider: "anthropic" }) - estimateTokens(tools),
    346,
  );
});

test("estimateTokens counts CJK text as more tokens than ASCII text of the same length", () => {
  const ascii = estimateTokens({
    model: "m",
    messages: [{ role: "user", content: "a".repeat(140) }],
  });
  const cjk = estimateTokens({
    model: "m",
    messages: [{ role: "user", content: "天".repeat(140) }],
  });
  assert.ok(cjk > 2.5 * ascii, `${cjk} vs ${ascii}`);
});

test("estimateTokens counts Claude and Gemini by their makers' rules on Bedrock, Vertex and hosts", () => {
  const tool = { name: "get_weather", parameters: { type: "object", properties: {} } };
  const claude = (model: string, provider: string) =>
    estimateTokens({ model, messages: [{ role: "user", content: "Hi" }], tools: [tool] }, {
      provider,
    });
  const direct = claude("claude-sonnet-4-5", "anthropic");
  assert.equal(claude("us.anthropic.claude-sonnet-4-5-20250929-v1:0", "bedrock"), direct);
  assert.equal(claude("claude-sonnet-4-5@20250929", "vertexAnthropic"), direct);
  // Other Bedrock models: no Claude tool prompt.
  assert.ok(claude("amazon.nova-pro-v1:0", "bedrock") < direct - 300);
});

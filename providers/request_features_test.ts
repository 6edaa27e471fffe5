// The bench request of "serialize: with features" carries what the group claims to measure, for
// every provider: caching, structured output and a PDF document.
import { test } from "node:test";
import assert from "node:assert/strict";
import type { ChatRequest, Warning } from "../common/types.ts";
import { readJsonFixture } from "../testing/internal/fixtures.ts";
import { providers } from "./mod.ts";

// deno-lint-ignore no-explicit-any
type Wire = Record<string, any>;

const features = readJsonFixture<ChatRequest>("benchmarks/request_features.json");
const serialize = (name: keyof typeof providers, warnings: Warning[]): Wire => {
  const provider = providers[name];
  const request = { ...features, model: provider.profile.models.thinking };
  return JSON.parse(provider.serializeRequest(request, { warnings }));
};

test("bench request_features.json is a one-page PDF, a structured output and cache settings", () => {
  const document = (features.messages[0].content as Array<{ type: string; data?: string }>)[0];
  assert.equal(document.type, "document");
  assert.match(atob(document.data!), /^%PDF-1\.4\n[\s\S]*Invoice 2041[\s\S]*%%EOF\n$/);
  assert.equal(features.structuredOutput?.name, "invoice");
  assert.deepEqual(features.cache, { breakpoints: ["system", 0], ttl: "1h", key: "invoices" });
});

const control = { type: "ephemeral", ttl: "1h" };
const rows: Array<{
  name: keyof typeof providers;
  carries: string;
  sent: (body: Wire) => unknown[];
  expected: unknown[];
  warned: string[];
}> = [
  {
    name: "anthropic",
    carries: "breakpoints and a format",
    sent: (body) => [
      body.system[0].cache_control,
      body.messages[0].content[0].type,
      body.messages[0].content[1].cache_control,
      body.output_config.format.type,
    ],
    expected: [control, "document", control, "json_schema"],
    warned: ["cache.key"],
  },
  {
    name: "openai",
    carries: "a file part and response_format",
    sent: (body) => [
      body.messages[1].content[0].type,
      body.response_format.json_schema.strict,
      body.prompt_cache_key,
    ],
    expected: ["file", true, "invoices"],
    warned: ["cache.ttl", "cache.breakpoints"],
  },
  {
    name: "google",
    carries: "inlineData and a response schema",
    sent: (body) => [
      body.contents[0].parts[0].inlineData.mimeType,
      body.generationConfig.responseMimeType,
    ],
    expected: ["application/pdf", "application/json"],
    warned: ["messages[0].content[0].title", "cache.breakpoints", "cache.ttl", "cache.key"],
  },
  {
    name: "openai-responses",
    carries: "an input_file part and text.format",
    sent: (body) => [
      body.input[0].content.map((part: Wire) => part.type),
      body.text.format.type,
      body.text.format.strict,
      body.prompt_cache_key,
    ],
    expected: [["input_file", "input_text"], "json_schema", true, "invoices"],
    warned: ["cache"],
  },
];

for (const { name, carries, sent, expected, warned } of rows) {
  test(`bench request_features.json serializes for ${name} with ${carries}`, () => {
    const warnings: Warning[] = [];
    assert.deepEqual(sent(serialize(name, warnings)), expected);
    assert.deepEqual(warnings.map((w) => w.path), warned);
  });
}

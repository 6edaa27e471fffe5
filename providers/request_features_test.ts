// The bench request of "serialize: with features" carries what the group claims to measure, for
// every provider: caching, structured output and a PDF document.
import { test } from "node:test";
import assert from "node:assert/strict";
import type { ChatRequest, Warning } from "../common/types.ts";
import { readJsonFixture } from "../testing/fixtures.ts";
import { providers } from "./mod.ts";

const features = readJsonFixture<ChatRequest>("benchmarks/request_features.json");
const serialize = (name: keyof typeof providers, warnings: Warning[]) => {
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

test("bench request_features.json serializes for anthropic with breakpoints and a format", () => {
  const warnings: Warning[] = [];
  const body = serialize("anthropic", warnings);
  const control = { type: "ephemeral", ttl: "1h" };
  assert.deepEqual(body.system[0].cache_control, control);
  assert.equal(body.messages[0].content[0].type, "document");
  assert.deepEqual(body.messages[0].content[1].cache_control, control);
  assert.equal(body.output_config.format.type, "json_schema");
  assert.deepEqual(warnings.map((w) => w.path), ["cache.key"]);
});

test("bench request_features.json serializes for openai with a file part and response_format", () => {
  const warnings: Warning[] = [];
  const body = serialize("openai", warnings);
  assert.equal(body.messages[1].content[0].type, "file");
  assert.equal(body.response_format.json_schema.strict, true);
  assert.equal(body.prompt_cache_key, "invoices");
  assert.deepEqual(warnings.map((w) => w.path), ["cache.ttl", "cache.breakpoints"]);
});

test("bench request_features.json serializes for google with inlineData and a response schema", () => {
  const warnings: Warning[] = [];
  const body = serialize("google", warnings);
  assert.equal(body.contents[0].parts[0].inlineData.mimeType, "application/pdf");
  assert.equal(body.generationConfig.responseMimeType, "application/json");
  assert.deepEqual(warnings.map((w) => w.path), [
    "messages[0].content[0].title",
    "cache.breakpoints",
    "cache.ttl",
    "cache.key",
  ]);
});

import { test } from "node:test";
import assert from "node:assert/strict";
import { mergeProviderOptions } from "./provider_options.ts";
import type { JsonObject } from "../common/json_object.ts";

test("mergeProviderOptions adds fields the body lacks, in place", () => {
  const body: JsonObject = { model: "m" };
  mergeProviderOptions(body, { service_tier: "flex", store: true, skipped: undefined }, "openai");
  assert.deepEqual(body, { model: "m", service_tier: "flex", store: true });
});

test("mergeProviderOptions merges objects one level deep and appends to arrays", () => {
  const config = { temperature: 0.2 };
  const tools = [{ functionDeclarations: [] }];
  const body: JsonObject = { generationConfig: config, tools };
  mergeProviderOptions(
    body,
    { generationConfig: { responseModalities: ["IMAGE"] }, tools: [{ googleMaps: {} }] },
    "google",
  );
  assert.deepEqual(body, {
    generationConfig: { temperature: 0.2, responseModalities: ["IMAGE"] },
    tools: [{ functionDeclarations: [] }, { googleMaps: {} }],
  });
  // The objects rosetta made are replaced, not changed: a caller's value is never written to.
  assert.deepEqual([config, tools.length], [{ temperature: 0.2 }, 1]);
});

test("mergeProviderOptions refuses a field set from a canonical field", () => {
  assert.throws(() => mergeProviderOptions({ temperature: 0.2 }, { temperature: 1 }, "openai"), {
    name: "ValidationError",
    path: "providerOptions.openai.temperature",
    message:
      "Cannot serialize request for openai: providerOptions.openai.temperature is already set from a canonical field",
  });
  assert.throws(
    () =>
      mergeProviderOptions(
        { generationConfig: { topK: 3 } },
        { generationConfig: { topK: 4 } },
        "google",
      ),
    { path: "providerOptions.google.generationConfig.topK" },
  );
  assert.throws(() => mergeProviderOptions({ tools: [] }, { tools: {} }, "google"), {
    path: "providerOptions.google.tools",
  });
});

test("mergeProviderOptions refuses the conversation and arrays other than tools", () => {
  const cases: Array<[string, string, JsonObject, JsonObject]> = [
    ["openai", "messages", { messages: [{ role: "user", content: "Hi" }] }, {
      messages: [{ role: "user", content: "raw" }],
    }],
    ["openai-responses", "input", { input: [] }, { input: [{ role: "user", content: "raw" }] }],
    ["google", "contents", { contents: [] }, { contents: [{ role: "user", parts: [] }] }],
    ["anthropic", "messages", { messages: [] }, { messages: [] }],
    // Joined, four canonical stop sequences and one more would pass OpenAI's limit of four.
    ["openai", "stop", { stop: ["a", "b", "c", "d"] }, { stop: ["e"] }],
  ];
  for (const [provider, key, body, options] of cases) {
    const before = JSON.stringify(body);
    assert.throws(() => mergeProviderOptions(body, options, provider), {
      name: "ValidationError",
      path: `providerOptions.${provider}.${key}`,
      message:
        `Cannot serialize request for ${provider}: providerOptions.${provider}.${key} is already set from a canonical field`,
    });
    assert.equal(JSON.stringify(body), before, `${provider} ${key}: the body is left as it was`);
  }
});

test("mergeProviderOptions refuses options that are not an object", () => {
  assert.throws(() => mergeProviderOptions({}, ["x"], "anthropic"), {
    path: "providerOptions.anthropic",
    message:
      "Cannot serialize request for anthropic: providerOptions.anthropic must be an object, got an array",
  });
});

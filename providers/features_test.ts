// Request features every provider handles, one table each: what a provider sends, drops with a
// warning, or refuses.
import { test } from "node:test";
import assert from "node:assert/strict";
import type { ChatRequest, Warning } from "../common/types.ts";
import { serializing, type WireBody } from "../testing/serialize.ts";
import { type ProviderName, providers } from "./mod.ts";

const MODELS: Record<ProviderName, string> = {
  anthropic: "claude-sonnet-4-5",
  google: "gemini-2.5-flash",
  openai: "gpt-4o",
  "openai-responses": "gpt-4o",
};
const hi = (name: ProviderName): ChatRequest => ({
  model: MODELS[name],
  messages: [{ role: "user", content: "Hi" }],
});

test("serializeRequest drops parallelToolCalls without tools with a warning; openai-responses sends it", () => {
  const rows: Array<{ name: ProviderName; sends: boolean }> = [
    { name: "anthropic", sends: false },
    { name: "google", sends: false },
    { name: "openai", sends: false },
    { name: "openai-responses", sends: true },
  ];
  for (const { name, sends } of rows) {
    const { wire } = serializing(providers[name]);
    for (const parallelToolCalls of [false, true]) {
      const warnings: Warning[] = [];
      const body = wire({ ...hi(name), parallelToolCalls }, warnings);
      const at = `${name} ${parallelToolCalls}`;
      if (sends) {
        assert.deepEqual(body, { ...wire(hi(name)), parallel_tool_calls: parallelToolCalls }, at);
        assert.deepEqual(warnings, [], at);
      } else {
        assert.deepEqual(body, wire(hi(name)), at);
        assert.deepEqual(warnings, [
          {
            provider: name,
            path: "parallelToolCalls",
            message: "dropped: the request has no tools",
          },
        ], at);
      }
    }
  }
});

test("serializeRequest merges providerOptions.<self>, ignores other providers' keys, refuses a key already set from a canonical field", () => {
  const rows: Array<{
    name: ProviderName;
    request: Partial<ChatRequest>;
    sent: (body: WireBody) => unknown[];
    expected: unknown[];
    clash: Partial<ChatRequest>;
    path: string;
  }> = [
    {
      name: "anthropic",
      request: {
        userId: "u",
        providerOptions: {
          anthropic: { service_tier: "standard_only", container: "c_1" },
          openai: { store: true },
        },
      },
      sent: (body) => [body.service_tier, body.container, body.store],
      expected: ["standard_only", "c_1", undefined],
      clash: { userId: "u", providerOptions: { anthropic: { metadata: { user_id: "v" } } } },
      path: "providerOptions.anthropic.metadata.user_id",
    },
    {
      name: "google",
      request: {
        providerOptions: {
          google: {
            safetySettings: [{
              category: "HARM_CATEGORY_HATE_SPEECH",
              threshold: "BLOCK_ONLY_HIGH",
            }],
          },
          anthropic: { service_tier: "auto" },
        },
      },
      sent: (body) => [body.safetySettings, body.service_tier],
      expected: [
        [{ category: "HARM_CATEGORY_HATE_SPEECH", threshold: "BLOCK_ONLY_HIGH" }],
        undefined,
      ],
      clash: {
        temperature: 0.5,
        providerOptions: { google: { generationConfig: { temperature: 0.2 } } },
      },
      path: "providerOptions.google.generationConfig.temperature",
    },
    {
      name: "openai",
      request: {
        providerOptions: {
          openai: { service_tier: "flex", prompt_cache_retention: "24h", metadata: { run: "7" } },
          google: { safetySettings: [] },
        },
      },
      sent: (body) => [
        body.service_tier,
        body.prompt_cache_retention,
        body.metadata,
        body.safetySettings,
      ],
      expected: ["flex", "24h", { run: "7" }, undefined],
      clash: { cache: { key: "a" }, providerOptions: { openai: { prompt_cache_key: "b" } } },
      path: "providerOptions.openai.prompt_cache_key",
    },
    {
      name: "openai-responses",
      request: {
        providerOptions: { "openai-responses": { service_tier: "flex" }, openai: { store: true } },
      },
      sent: (body) => [body.service_tier, body.store],
      expected: ["flex", false],
      clash: {
        cache: { key: "a" },
        providerOptions: { "openai-responses": { prompt_cache_key: "b" } },
      },
      path: "providerOptions.openai-responses.prompt_cache_key",
    },
  ];
  for (const { name, request, sent, expected, clash, path } of rows) {
    const { wire, refused } = serializing(providers[name]);
    assert.deepEqual(sent(wire({ ...hi(name), ...request })), expected, name);
    refused({ ...hi(name), ...clash }, path, "is already set from a canonical field");
  }
});

// client.countTokens over loopback: each provider's counting endpoint gets the body it takes
// (the chat body's own fields, the others left out), and the dialects without one estimate.
// Also costOf of a response whose usage the mock priced.
import { test } from "node:test";
import assert from "node:assert/strict";
import { anthropic, bedrock, costOf, google, openai, openaiResponses } from "../mod.ts";
import { deepseek } from "../hosts/presets.ts";
import type { ChatRequest } from "../common/types.ts";
import type { JsonObject } from "../common/json_object.ts";
import {
  assertNoKey,
  KEY,
  observed,
  testClient,
  withServer,
} from "../testing/internal/http_harness.ts";
import { failure, reply, text, usage } from "../testing/script.ts";
import { createClient } from "./client.ts";

function request(model: string): ChatRequest {
  return {
    model,
    system: "Answer briefly.",
    messages: [{ role: "user", content: "What is the weather in Paris?" }],
    tools: [{
      name: "get_weather",
      description: "Current weather",
      parameters: { type: "object", properties: { city: { type: "string" } } },
    }],
    maxOutputTokens: 256,
    temperature: 0.5,
  };
}

function pick(body: JsonObject, keys: readonly string[]): JsonObject {
  return Object.fromEntries(keys.filter((key) => key in body).map((key) => [key, body[key]]));
}

const ENDPOINTS = [
  {
    provider: anthropic,
    model: "claude-haiku-4-5",
    path: "/v1/messages/count_tokens",
    sent: ["model", "messages", "system", "tools"],
    left: ["max_tokens", "temperature", "stream"],
  },
  {
    provider: openaiResponses,
    model: "gpt-4o",
    path: "/v1/responses/input_tokens",
    sent: ["model", "input", "instructions", "tools"],
    left: ["max_output_tokens", "temperature", "stream", "store"],
  },
] as const;

for (const { provider, model, path, sent, left } of ENDPOINTS) {
  test(`${provider.name} countTokens posts the chat body's counted fields to ${path}`, async () => {
    await withServer({ script: reply(text(""), usage(42, 0)) }, async (server, mock) => {
      const client = testClient(provider, server.baseUrl(provider.name));
      assert.deepEqual(await client.countTokens(request(model)), {
        inputTokens: 42,
        estimated: false,
      });
      const [seen] = mock.requests;
      assert.equal(seen.path, path);
      assert.deepEqual(Object.keys(seen.body).sort(), [...sent].sort());
      const chat = JSON.parse(provider.serializeRequest(request(model))) as JsonObject;
      assert.deepEqual(seen.body, pick(chat, sent));
      for (const field of left) assert.ok(field in chat || field === "stream", field);
    });
  });
}

test("google countTokens posts the whole generateContentRequest to :countTokens", async () => {
  await withServer({ script: reply(text(""), usage(37, 0)) }, async (server, mock) => {
    const client = testClient(google, server.baseUrl("google"));
    const count = await client.countTokens(request("gemini-2.5-flash"));
    assert.deepEqual(count, { inputTokens: 37, estimated: false });
    const [seen] = mock.requests;
    assert.equal(seen.path, "/v1beta/models/gemini-2.5-flash:countTokens");
    const chat = JSON.parse(google.serializeRequest(request("gemini-2.5-flash"))) as JsonObject;
    assert.deepEqual(seen.body, {
      generateContentRequest: { model: "models/gemini-2.5-flash", ...chat },
    });
    assert.ok("systemInstruction" in chat && "tools" in chat && "contents" in chat);
  });
});

test("bedrock countTokens posts the Converse fields under input.converse, for the model itself", async () => {
  await withServer({ script: reply(text(""), usage(51, 0)) }, async (server, mock) => {
    const client = testClient(bedrock, server.baseUrl("bedrock"));
    const model = "us.anthropic.claude-haiku-4-5-20251001-v1:0";
    assert.deepEqual(await client.countTokens(request(model)), {
      inputTokens: 51,
      estimated: false,
    });
    const [seen] = mock.requests;
    // An inference profile's id counts as the foundation model it routes to.
    assert.equal(seen.path, "/model/anthropic.claude-haiku-4-5-20251001-v1%3A0/count-tokens");
    const chat = JSON.parse(bedrock.serializeRequest(request(model))) as JsonObject;
    assert.deepEqual(seen.body, {
      input: { converse: pick(chat, ["messages", "system", "toolConfig"]) },
    });
    assert.ok("inferenceConfig" in chat, "the sampling settings are left out");
  });
});

test("countTokens retries a transient failure of the counting endpoint", async () => {
  const script = [failure(529), reply(text(""), usage(9, 0))];
  await withServer({ script }, async (server, mock) => {
    const client = testClient(anthropic, server.baseUrl("anthropic"), {
      sleep: () => Promise.resolve(),
    });
    assert.equal((await client.countTokens(request("claude-haiku-4-5"))).inputTokens, 9);
    assert.deepEqual(mock.requests.map((r) => r.path), [
      "/v1/messages/count_tokens",
      "/v1/messages/count_tokens",
    ]);
  });
});

test("countTokens estimates, flagged, where the dialect has no counting endpoint", async () => {
  await withServer({}, async (server, mock) => {
    for (const [provider, base] of [[openai, "openai"], [deepseek, "deepseek"]] as const) {
      const client = createClient({ provider, apiKey: KEY, baseUrl: server.baseUrl(base) });
      const count = await client.countTokens(request("gpt-4o"));
      assert.equal(count.estimated, true);
      assert.ok(count.inputTokens > 20 && count.inputTokens < 120, String(count.inputTokens));
    }
    assert.equal(mock.requests.length, 0);
  });
});

test("countTokens refuses, before sending, a request the provider cannot take", async () => {
  await withServer({}, async (server, mock) => {
    for (const provider of [anthropic, openai] as const) {
      const client = testClient(provider, server.baseUrl(provider.name));
      await assert.rejects(client.countTokens({ ...request("m"), temperature: 7 }), {
        name: "ValidationError",
        path: "temperature",
      });
    }
    assert.equal(mock.requests.length, 0);
  });
});

test("costOf prices a loopback response by the usage the mock reported", async () => {
  await withServer({ script: reply(text("Hi"), usage(1000, 100, 40)) }, async (server) => {
    const client = testClient(anthropic, server.baseUrl("anthropic"));
    const response = await client.complete(request("claude-haiku-4-5"));
    // Haiku 4.5: $1 input, $5 output (thinking included) per million tokens.
    const expected = (1000 * 1 + (100 + 40) * 5) / 1_000_000;
    assert.ok(Math.abs(costOf(response)!.total - expected) < 1e-15, String(costOf(response)));
  });
});

test("countTokens never lets the API key into an error or a hook event of this file", () => {
  assertNoKey(observed);
});

// explain: every refusal of a request (not only the first), what a cross-provider replay drops,
// the exact request a call would send, and the estimate — all offline.
import { test } from "node:test";
import assert from "node:assert/strict";
import { z } from "zod";
import {
  anthropic,
  defineTool,
  estimateTokens,
  explain,
  hosts,
  openai,
  openaiResponses,
  providers,
} from "../mod.ts";
import type { ChatRequest, Message } from "../common/types.ts";
import { ValidationError } from "../common/errors.ts";

const weather = {
  name: "get_weather",
  parameters: { type: "object", properties: { city: { type: "string" } } },
};

test("explain lists all three faults of a request, each a ValidationError naming its field", () => {
  const request: ChatRequest = {
    model: "o4-mini",
    messages: [{ role: "user", content: "Hi" }],
    temperature: 5,
    stopSequences: ["END"],
    tools: [{ ...weather, name: "bad name!" }],
  };
  const explanation = explain(request, openai);
  // temperature twice: out of range, and o4-mini takes none at all.
  const paths = new Set(explanation.refusals.map((refusal) => refusal.path));
  assert.deepEqual([...paths].sort(), ["stopSequences", "temperature", "tools[0].name"]);
  assert.ok(explanation.refusals.every((refusal) => ValidationError.isInstance(refusal)));
  assert.equal(explanation.http, undefined);
  // A call still stops at the first: explain changed nothing for it.
  assert.throws(() => openai.serializeRequest(request), { name: "ValidationError" });
});

test("explain lists all three faults on every dialect and a host, where a call stops at one", () => {
  for (const provider of [...Object.values(providers), hosts.mistral]) {
    const request: ChatRequest = {
      model: provider.profile.models.chat,
      messages: [{ role: "user", content: "Hi" }],
      temperature: 9,
      topP: 3,
      tools: [{ ...weather, name: "bad name!" }],
    };
    const paths = new Set(explain(request, provider).refusals.map((refusal) => refusal.path));
    assert.deepEqual([...paths].sort(), ["temperature", "tools[0].name", "topP"], provider.name);
    assert.throws(() => provider.serializeRequest(request), { name: "ValidationError" });
  }
});

test("explain of an Anthropic thinking conversation for OpenAI lists what is dropped", () => {
  const messages: Message[] = [
    { role: "user", content: "Weather in Paris?" },
    {
      role: "assistant",
      provider: "anthropic",
      content: [
        { type: "thinking", text: "The user wants the weather.", signature: "sig-abc" },
        { type: "redacted_thinking", data: "opaque" },
        { type: "text", text: "Checking." },
        { type: "tool_call", id: "toolu_1", name: "get_weather", arguments: { city: "Paris" } },
      ],
    },
    { role: "tool", content: [{ type: "tool_result", toolCallId: "toolu_1", content: "18C" }] },
  ];
  const request: ChatRequest = { model: "gpt-4o", messages, tools: [weather], seed: 1 };
  for (const provider of [openai, openaiResponses]) {
    const explanation = explain(request, provider);
    assert.deepEqual(explanation.refusals, []);
    const dropped = explanation.dropped.map((warning) => warning.path);
    assert.ok(dropped.includes("messages[1].content[0]"), `${provider.name}: ${dropped}`);
    assert.ok(dropped.includes("messages[1].content[1]"), `${provider.name}: ${dropped}`);
    assert.ok(explanation.dropped.every((warning) => warning.provider === provider.name));
    assert.ok(!explanation.http!.body.includes("sig-abc"));
  }
});

test("explain gives the exact request a call sends, its key redacted", () => {
  const request: ChatRequest = {
    model: "claude-haiku-4-5",
    system: "Be brief.",
    messages: [{ role: "user", content: "Hi" }],
    seed: 7,
  };
  const key = "sk-ant-secret-123";
  const explanation = explain(request, anthropic, {
    apiKey: key,
    baseUrl: "http://localhost:9/v1",
  });
  const sent = anthropic.buildHttpRequest(request, {
    apiKey: key,
    baseUrl: "http://localhost:9/v1",
  });
  assert.equal(explanation.http!.body, sent.body);
  assert.equal(explanation.http!.url, "http://localhost:9/v1/messages");
  assert.equal(explanation.http!.headers["x-api-key"], "[redacted]");
  assert.ok(!JSON.stringify(explanation).includes(key));
  assert.deepEqual(explanation.warnings.map((warning) => warning.path), ["seed"]);
  assert.deepEqual(explanation.dropped, []);
});

test("explain estimates input tokens, the output cap, the context window and a cost range", () => {
  const request: ChatRequest = {
    model: "claude-haiku-4-5",
    messages: [{ role: "user", content: "Summarize the history of Paris in three lines." }],
  };
  const { estimate } = explain(request, anthropic);
  const input = estimateTokens(request, { provider: "anthropic" });
  assert.equal(estimate.inputTokens, input);
  assert.equal(estimate.outputCap, 4096); // the serializer's default max_tokens
  assert.equal(estimate.contextWindow, 200_000);
  // Haiku 4.5: $1 input, $5 output per million tokens.
  assert.equal(estimate.cost?.min, (input * 1) / 1e6);
  assert.ok(Math.abs(estimate.cost!.max! - (input * 1 + 4096 * 5) / 1e6) < 1e-15);
  assert.equal(explain({ ...request, model: "claude-next" }, anthropic).estimate.cost, undefined);
});

test("explain leaves no trace in the serializers' caches: a refused schema stays refused", () => {
  const schema = { type: "object", properties: { a: { type: "string" } } }; // `a` not required
  const request: ChatRequest = {
    model: "gpt-4o",
    messages: [{ role: "user", content: "Hi" }],
    structuredOutput: { name: "out", schema, strict: true },
  };
  const before = explain(request, openai).refusals.map((refusal) => refusal.path);
  assert.equal(before.length, 1);
  assert.throws(() => openai.serializeRequest(request), { path: before[0] });
});

test("explain takes tools made by defineTool, functions and zod schemas included", () => {
  const weatherTool = defineTool({
    name: "get_weather",
    description: "Current weather",
    input: z.object({ city: z.string() }),
    execute: ({ city }) => city,
  });
  const request: ChatRequest = {
    model: "claude-haiku-4-5",
    messages: [{ role: "user", content: "Weather in Paris?" }],
    tools: [weatherTool],
  };
  const explanation = explain(request, anthropic);
  assert.deepEqual(explanation.refusals, []);
  assert.equal(explanation.http!.body, anthropic.serializeRequest(request));
});

test("explain lists the refusals of malformed requests and still estimates, never a TypeError", () => {
  const malformed: unknown[] = [
    { model: "claude-haiku-4-5", messages: "hi" },
    { model: "claude-haiku-4-5", messages: [{ role: "user", content: [null] }] },
    { model: "claude-haiku-4-5", messages: [{ role: "user", content: "Hi" }], tools: [null] },
    {
      model: "claude-haiku-4-5",
      messages: [{ role: "user", content: [{ type: "image", mediaType: "image/png", data: 5 }] }],
    },
    {
      model: "claude-haiku-4-5",
      messages: [{ role: "user", content: "Hi" }, {
        role: "assistant",
        content: [{ type: "tool_call", id: "c", name: "get_weather" }],
      }],
    },
  ];
  for (const request of malformed) {
    const explanation = explain(request as ChatRequest, anthropic);
    assert.ok(explanation.refusals.length > 0, JSON.stringify(request));
    assert.ok(explanation.refusals.every((refusal) => ValidationError.isInstance(refusal)));
    assert.equal(explanation.http, undefined);
    assert.ok(Number.isInteger(explanation.estimate.inputTokens), JSON.stringify(request));
  }
  // Past a refused container nothing inside it is refused again.
  const paths = (request: unknown) =>
    explain(request as ChatRequest, anthropic).refusals.map((refusal) => refusal.path);
  assert.deepEqual(paths(malformed[0]), ["messages"]);
  assert.deepEqual(paths(malformed[1]), ["messages[0].content[0]"]);
});

test("explain reads Bedrock's output cap from inferenceConfig", () => {
  const { estimate } = explain({
    model: "us.anthropic.claude-sonnet-4-5-20250929-v1:0",
    messages: [{ role: "user", content: "Hi" }],
    maxOutputTokens: 512,
  }, providers.bedrock);
  assert.equal(estimate.outputCap, 512);
  const thinking = explain({
    model: "us.anthropic.claude-sonnet-4-5-20250929-v1:0",
    messages: [{ role: "user", content: "Hi" }],
    thinking: { budgetTokens: 2048 },
  }, providers.bedrock);
  const body = JSON.parse(thinking.http!.body);
  assert.equal(thinking.estimate.outputCap, body.inferenceConfig.maxTokens);
  assert.ok(thinking.estimate.cost?.max !== undefined);
});

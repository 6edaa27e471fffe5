import { test } from "node:test";
import assert from "node:assert/strict";
import { ProviderError, ResponseParseError } from "../../common/errors.ts";
import { decodeChunks } from "../../testing/chunkings.ts";
import { readFixture } from "../../testing/internal/fixtures.ts";
import { openai } from "./mod.ts";

const run = (text: string) => decodeChunks(openai.createStreamDecoder(), [text]);

test("openai stream emits usage from the usage-only chunk, then the finish it held", () => {
  const { events, response } = run(readFixture("openai/text.sse"));
  assert.deepEqual(events.slice(-2), [
    {
      type: "usage",
      usage: {
        inputTokens: 19,
        outputTokens: 10,
        thinkingTokens: 0,
        cacheReadTokens: 0,
        cacheWriteTokens: 0,
        totalTokens: 29,
      },
    },
    { type: "finish", finishReason: "stop", rawFinishReason: "stop" },
  ]);
  assert.equal(response?.usage.totalTokens, 29);
});

test("openai stream ends parallel tool calls at the finish chunk, in index order", () => {
  const decoder = openai.createStreamDecoder();
  const text = readFixture("openai/tool_calls.sse");
  const finishAt = text.indexOf('"finish_reason":"tool_calls"');
  const before = decoder.push(text.slice(0, text.lastIndexOf("data:", finishAt)));
  assert.ok(!before.some((e) => e.type === "tool_call_end"));
  assert.deepEqual(before.filter((e) => e.type === "tool_call_start").map((e) => e.index), [
    0,
    1,
    2,
  ]);
  const after = decoder.push(text.slice(text.lastIndexOf("data:", finishAt)));
  assert.deepEqual(
    after.filter((e) => e.type === "tool_call_end").map((e) =>
      e.type === "tool_call_end" && e.arguments
    ),
    [
      { location: "San Francisco, CA", unit: "celsius" },
      { location: "Paris, France", unit: "celsius" },
      {},
    ],
  );
});

test("openai stream accepts the variants of compatible servers", () => {
  const { response } = run(readFixture("openai/compat_tool_calls.sse"));
  assert.deepEqual(response, {
    provider: "openai",
    id: "chatcmpl-compat-1",
    model: "qwen3-coder",
    content: [
      { type: "thinking", text: "Need the weather; call both tools." },
      { type: "tool_call", id: "call_a", name: "get_weather", arguments: { location: "Zürich" } },
      {
        type: "tool_call",
        id: "call_b",
        name: "get_time",
        arguments: { timezone: "Europe/Zurich" },
      },
      { type: "tool_call", id: "call_c", name: "list_cities", arguments: {} },
    ],
    finishReason: "tool_use",
    rawFinishReason: "tool_calls",
    usage: {
      inputTokens: 50,
      outputTokens: 30,
      thinkingTokens: 0,
      cacheReadTokens: 0,
      cacheWriteTokens: 0,
      totalTokens: 80,
    },
    providerMetadata: {
      created: 1741569952,
      service_tier: "default",
      system_fingerprint: "fp_fc9f1d7035",
      usage: { prompt_tokens: 50, completion_tokens: 30, total_tokens: 80 },
    },
  });
});

test("openai stream maps a refusal to content_filter", () => {
  const { response } = run(readFixture("openai/refusal.sse"));
  assert.deepEqual([response?.finishReason, response?.content], ["content_filter", [{
    type: "text",
    text: "I'm sorry, I can't help with that request.",
  }]]);
});

test("openai stream categorizes an in-stream error object by its type", () => {
  const { error } = run(readFixture("openai/error.sse"));
  assert.ok(error instanceof ProviderError);
  assert.deepEqual([error.category, error.code], ["server", "server_error"]);
});

test("openai stream cut before [DONE] keeps the unfinished call's argument text", () => {
  const { error } = run(readFixture("openai/truncated.sse"));
  assert.ok(error instanceof ResponseParseError);
  assert.equal(error.message, "Cannot finish openai stream: it ended before data: [DONE]");
  assert.equal(error.raw, '{"location":"Par');
});

test("openai stream refuses a tool call's first piece without an id", () => {
  const { error } = run(
    'data: {"model":"m","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"name":"f","arguments":"{}"}}]}}]}\n\n',
  );
  assert.ok(error instanceof ResponseParseError);
  assert.deepEqual([error.type, error.path], [
    "invalid_field",
    "choices[0].delta.tool_calls[0].id",
  ]);
});

test("openai stream reports invalid final tool arguments with the raw text", () => {
  const { error } = run(
    'data: {"model":"m","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"c","function":{"name":"f","arguments":"{\\"a\\":"}}]}}]}\n\n' +
      'data: {"model":"m","choices":[{"index":0,"delta":{},"finish_reason":"tool_calls"}]}\n\ndata: [DONE]\n\n',
  );
  assert.ok(error instanceof ResponseParseError);
  assert.deepEqual([error.type, error.raw], ["invalid_tool_arguments", '{"a":']);
});

test("openai stream emits events for the first choice only and ends with the others", () => {
  const { events, response } = run(readFixture("openai/choices.sse"));
  const texts = events.filter((e) => e.type === "text_delta").map((e) =>
    e.type === "text_delta" && e.text
  );
  assert.deepEqual(texts, ["Heads."]);
  assert.deepEqual(response?.alternatives?.[0].content, [{ type: "text", text: "Tails, again." }]);
});

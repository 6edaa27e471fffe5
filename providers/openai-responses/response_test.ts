import { test } from "node:test";
import assert from "node:assert/strict";
import { ProviderError } from "../../common/errors.ts";
import { readFixture, readJsonFixture } from "../../testing/internal/fixtures.ts";
import { sseEvents } from "../../testing/mutate.ts";
import { openaiResponses } from "./mod.ts";

// deno-lint-ignore no-explicit-any
type Wire = Record<string, any>;

const parse = (name: string) =>
  openaiResponses.parseResponse(readFixture(`openai-responses/${name}.json`));
const failure = (body: string): unknown => {
  try {
    openaiResponses.parseResponse(body);
  } catch (error) {
    return error;
  }
};

test("openai-responses parseResponse maps a text response and keeps the response's fields", () => {
  const wire = readJsonFixture<Wire>("openai-responses/text.json");
  const response = parse("text");
  assert.deepEqual(response.content, [{ type: "text", text: "Hello! How can I help you today?" }]);
  assert.deepEqual(
    [response.id, response.model, response.finishReason, response.rawFinishReason],
    [wire.id, "gpt-4o-2024-08-06", "stop", "completed"],
  );
  assert.deepEqual(response.providerMetadata, {
    created_at: wire.created_at,
    parallel_tool_calls: true,
    reasoning: wire.reasoning,
    store: false,
    temperature: 1,
    text: wire.text,
    tool_choice: "auto",
    tools: [],
    top_p: 1,
    truncation: "disabled",
    metadata: {},
    usage: wire.usage,
  });
});

test("openai-responses parseResponse reads summaries as thinking signed with id and encrypted content", () => {
  const item = readJsonFixture<Wire>("openai-responses/reasoning.json").output[0];
  const signature = `${item.id}:${item.encrypted_content}`;
  assert.deepEqual(parse("reasoning").content, [
    { type: "thinking", text: item.summary[0].text, signature },
    { type: "thinking", text: item.summary[1].text, signature },
    { type: "text", text: "27 × 453 = 12,231." },
  ]);
});

test("openai-responses parseResponse keeps reasoning without a summary as an empty signed block", () => {
  const item = readJsonFixture<Wire>("openai-responses/reasoning_no_summary.json").output[0];
  const response = parse("reasoning_no_summary");
  assert.deepEqual(response.content[0], {
    type: "thinking",
    text: "",
    signature: `${item.id}:${item.encrypted_content}`,
  });
  assert.equal(response.finishReason, "tool_use");
});

test("openai-responses parseResponse counts reasoning tokens in the output and reads the cache", () => {
  assert.deepEqual(parse("reasoning").usage, {
    inputTokens: 2088,
    outputTokens: 230,
    thinkingTokens: 192,
    cacheReadTokens: 2048,
    cacheWriteTokens: 0,
    totalTokens: 2318,
  });
  const usage = {
    input_tokens: 900,
    input_tokens_details: { cached_tokens: 0, cache_write_tokens: 850 },
    output_tokens: 5,
  };
  const body = { model: "gpt-5", status: "completed", output: [], usage };
  assert.deepEqual(openaiResponses.parseResponse(JSON.stringify(body)).usage, {
    inputTokens: 900,
    outputTokens: 5,
    thinkingTokens: 0,
    cacheReadTokens: 0,
    cacheWriteTokens: 850,
    totalTokens: 905,
  });
});

test("openai-responses parseResponse maps an incomplete response by its reason", () => {
  const response = parse("incomplete");
  assert.deepEqual([response.finishReason, response.rawFinishReason], [
    "length",
    "max_output_tokens",
  ]);
  assert.deepEqual(response.providerMetadata?.incomplete_details, { reason: "max_output_tokens" });
  const filtered = JSON.parse(readFixture("openai-responses/incomplete.json"));
  filtered.incomplete_details.reason = "content_filter";
  assert.equal(
    openaiResponses.parseResponse(JSON.stringify(filtered)).finishReason,
    "content_filter",
  );
});

test("openai-responses parseResponse maps a refusal to content_filter and keeps its text", () => {
  const response = parse("refusal");
  assert.deepEqual([response.finishReason, response.rawFinishReason], [
    "content_filter",
    "completed",
  ]);
  assert.deepEqual(response.content, [{
    type: "text",
    text: "I'm sorry, I can't help with that request.",
  }]);
});

test("openai-responses parseResponse keeps a message part of an unknown kind as a message", () => {
  const part = { type: "output_audio", data: "UklGRg==", transcript: "Hi" };
  const body = {
    model: "gpt-4o",
    status: "completed",
    output: [{ type: "message", role: "assistant", content: [part] }],
  };
  assert.deepEqual(openaiResponses.parseResponse(JSON.stringify(body)).content, [{
    type: "provider",
    provider: "openai-responses",
    blockType: "message",
    data: { type: "message", role: "assistant", content: [part] },
  }]);
});

test("openai-responses parseResponse throws a failed response's error with the partial output", () => {
  const final = sseEvents(readFixture("openai-responses/failed.sse")).at(-1)!;
  const error = failure(JSON.stringify(JSON.parse(final.data).response));
  assert.ok(ProviderError.isInstance(error));
  assert.deepEqual([error.provider, error.category, error.code, error.message], [
    "openai-responses",
    "server",
    "server_error",
    "The model failed to generate a response.",
  ]);
  assert.deepEqual(error.partial?.content, [{ type: "text", text: "Let me think" }]);
  assert.equal(error.partial?.finishReason, "error");
});

test("openai-responses parseResponse names the field a body gets wrong", () => {
  const call = { type: "function_call", call_id: "", name: "f", arguments: "{}" };
  assert.throws(
    () =>
      openaiResponses.parseResponse(JSON.stringify({ model: "m", output: [{ type: "x" }, call] })),
    {
      name: "ResponseParseError",
      path: "output[1].call_id",
      message:
        'Cannot parse openai-responses response: output[1].call_id must be a non-empty string, got ""',
    },
  );
  assert.throws(() => openaiResponses.parseResponse('{"model":"m"}'), { path: "output" });
  assert.throws(() => openaiResponses.parseResponse('{"model":"m","output":[{}]}'), {
    path: "output[0].type",
  });
});

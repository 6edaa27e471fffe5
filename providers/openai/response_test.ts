import { test } from "node:test";
import assert from "node:assert/strict";
import { readFixture } from "../../testing/internal/fixtures.ts";
import { openai } from "./mod.ts";

const parse = (name: string) => openai.parseResponse(readFixture(`openai/${name}.json`));

test("openai parseResponse maps a text response", () => {
  assert.deepEqual(parse("text"), {
    provider: "openai",
    id: "chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT",
    model: "gpt-4o-2024-08-06",
    content: [{ type: "text", text: "Hello! How can I assist you today?" }],
    finishReason: "stop",
    rawFinishReason: "stop",
    usage: {
      inputTokens: 19,
      outputTokens: 10,
      thinkingTokens: 0,
      cacheReadTokens: 0,
      cacheWriteTokens: 0,
      totalTokens: 29,
    },
    providerMetadata: {
      created: 1741569952,
      service_tier: "default",
      system_fingerprint: "fp_fc9f1d7035",
      usage: JSON.parse(readFixture("openai/text.json")).usage,
    },
  });
});

test("openai parseResponse counts reasoning tokens in the output and reads cached tokens", () => {
  assert.deepEqual(parse("reasoning").usage, {
    inputTokens: 2100,
    outputTokens: 350,
    thinkingTokens: 320,
    cacheReadTokens: 1920,
    cacheWriteTokens: 0,
    totalTokens: 2450,
  });
});

test("openai parseResponse maps a refusal to content_filter and keeps its text", () => {
  const response = parse("refusal");
  assert.equal(response.finishReason, "content_filter");
  assert.equal(response.rawFinishReason, "stop");
  assert.deepEqual(response.content, [{
    type: "text",
    text: "I'm sorry, I can't help with that request.",
  }]);
});

test("openai parseResponse maps content_filter and length", () => {
  const filtered = parse("content_filter");
  assert.deepEqual([filtered.finishReason, filtered.content], ["content_filter", []]);
  assert.equal(parse("length").finishReason, "length");
});

test("openai parseResponse reads reasoning_content from compatible servers as thinking", () => {
  const response = openai.parseResponse(JSON.stringify({
    model: "deepseek-reasoner",
    choices: [{
      message: { role: "assistant", content: "4", reasoning_content: "2+2" },
      finish_reason: "stop",
    }],
  }));
  assert.deepEqual(response.content, [{ type: "thinking", text: "2+2" }, {
    type: "text",
    text: "4",
  }]);
  assert.equal(response.usage.totalTokens, 0);
});

test("openai parseResponse refuses invalid tool arguments keeping the raw text", () => {
  const body = JSON.stringify({
    model: "m",
    choices: [{
      message: {
        role: "assistant",
        content: null,
        tool_calls: [{ id: "c", type: "function", function: { name: "f", arguments: '{"a":' } }],
      },
      finish_reason: "length",
    }],
  });
  assert.throws(() => openai.parseResponse(body), {
    name: "ResponseParseError",
    type: "invalid_tool_arguments",
    path: "content[0].arguments",
    raw: '{"a":',
  });
});

test("openai parseResponse names the path of a field of the wrong type", () => {
  assert.throws(() => openai.parseResponse('{"model":"m","choices":[]}'), {
    type: "invalid_field",
    path: "choices",
    message: "Cannot parse openai response: choices must be a non-empty array, got an array",
  });
  assert.throws(() => openai.parseResponse('{"model":"m","choices":[{"message":{"content":7}}]}'), {
    type: "invalid_field",
    path: "choices[0].message.content",
  });
  assert.throws(
    () =>
      openai.parseResponse(
        '{"model":"m","choices":[{"message":{"tool_calls":[{"id":"c","function":{"name":"f","arguments":{}}}]}}]}',
      ),
    {
      type: "invalid_field",
      path: "choices[0].message.tool_calls[0].function.arguments",
    },
  );
  assert.throws(() => openai.parseResponse("not json"), {
    type: "invalid_json",
    provider: "openai",
  });
});

import { test } from "node:test";
import assert from "node:assert/strict";
import type { ChatRequest, Warning } from "../../common/types.ts";
import { readFixture, readJsonFixture } from "../../testing/internal/fixtures.ts";
import { isOpenAIReasoningModel, openai } from "./mod.ts";
import { serializing } from "../../testing/internal/serialize.ts";

const { wire } = serializing(openai);

const complex = readJsonFixture<ChatRequest>("benchmarks/request_complex.json");
const hi: ChatRequest = { model: "gpt-4o", messages: [{ role: "user", content: "Hi" }] };

test("openai serializeRequest writes the complex request exactly", () => {
  const warnings: Warning[] = [];
  const body = openai.serializeRequest({ ...complex, model: "o3" }, { warnings });
  assert.equal(body, JSON.stringify(JSON.parse(readFixture("openai/request_complex.json"))));
  assert.deepEqual(warnings, [
    {
      provider: "openai",
      path: "messages[1].content[0]",
      message: "thinking block dropped: Chat Completions cannot replay reasoning",
    },
    {
      provider: "openai",
      path: "messages[1].content[0].signature",
      message: "dropped: OpenAI has no signatures",
    },
    {
      provider: "openai",
      path: "messages[6].content[1].isError",
      message:
        "dropped: Chat Completions tool messages have no error flag; the content is sent as the result",
    },
    {
      provider: "openai",
      path: "messages[8].content[0]",
      message: "redacted_thinking block dropped: Chat Completions cannot replay reasoning",
    },
  ]);
});

test("isOpenAIReasoningModel knows o-series and gpt-5 names", () => {
  for (
    const model of [
      "o1",
      "o1-mini",
      "o3",
      "o3-2025-04-16",
      "o4-mini",
      "o3_pro",
      "gpt-5",
      "gpt-5-mini",
      "gpt-5.1",
    ]
  ) {
    assert.ok(isOpenAIReasoningModel(model), model);
  }
  for (const model of ["gpt-4o", "gpt-4.1", "o30", "omni", "gpt-5-chat-latest", "gpt-50"]) {
    assert.ok(!isOpenAIReasoningModel(model), model);
  }
});

test("openai serializeRequest sends reasoning_effort for reasoning models", () => {
  for (const level of ["low", "medium", "high"] as const) {
    assert.equal(wire({ ...hi, model: "o4-mini", thinking: level }).reasoning_effort, level);
  }
  assert.equal(wire({ ...hi, thinking: "none" }).reasoning_effort, undefined);
});

test("openai serializeRequest refuses thinking on a non-reasoning model", () => {
  assert.throws(() => openai.serializeRequest({ ...hi, thinking: "high" }), {
    name: "ValidationError",
    provider: "openai",
    path: "thinking",
    message:
      'Cannot serialize request for openai: thinking "high" needs a reasoning model, got "gpt-4o"',
  });
});

test("openai serializeRequest sends the system prompt as system or developer", () => {
  assert.deepEqual(wire({ ...hi, system: "S" }).messages[0], { role: "system", content: "S" });
  assert.deepEqual(wire({ ...hi, model: "o3", system: "S" }).messages[0], {
    role: "developer",
    content: "S",
  });
});

test("openai serializeRequest maps every tool choice", () => {
  const tools = [{ name: "f", parameters: { type: "object" } }];
  assert.equal(wire({ ...hi, tools, toolChoice: "auto" }).tool_choice, "auto");
  assert.equal(wire({ ...hi, tools, toolChoice: "none" }).tool_choice, "none");
  assert.equal(wire({ ...hi, tools, toolChoice: "required" }).tool_choice, "required");
  assert.deepEqual(wire({ ...hi, tools, toolChoice: { name: "f" } }).tool_choice, {
    type: "function",
    function: { name: "f" },
  });
});

test("openai serializeRequest writes max_completion_tokens, temperature and stop", () => {
  const body = wire({ ...hi, maxOutputTokens: 100, temperature: 0.2, stopSequences: ["x"] });
  assert.deepEqual([body.max_completion_tokens, body.temperature, body.stop], [100, 0.2, ["x"]]);
});

test("openai serializeRequest asks for usage when streaming", () => {
  const body = JSON.parse(openai.serializeRequest(hi, { stream: true }));
  assert.deepEqual([body.stream, body.stream_options], [true, { include_usage: true }]);
});

test("openai serializeRequest joins several assistant texts as content parts", () => {
  const body = wire({
    ...hi,
    messages: [{ role: "user", content: "q" }, {
      role: "assistant",
      content: [{ type: "text", text: "a" }, { type: "text", text: "b" }],
    }],
  });
  assert.deepEqual(body.messages[1], {
    role: "assistant",
    content: [{ type: "text", text: "a" }, { type: "text", text: "b" }],
  });
});

test("openai serializeRequest refuses an image in a tool result", () => {
  assert.throws(() =>
    openai.serializeRequest({
      ...hi,
      messages: [
        { role: "user", content: "q" },
        { role: "assistant", content: [{ type: "tool_call", id: "c", name: "f", arguments: {} }] },
        {
          role: "tool",
          content: [{
            type: "tool_result",
            toolCallId: "c",
            content: [{ type: "image", url: "https://x/y.png" }],
          }],
        },
      ],
    }), {
    name: "ValidationError",
    path: "messages[2].content[0].content[0]",
    message:
      "Cannot serialize request for openai: messages[2].content[0].content[0] is an image; tool messages take text only",
  });
});

test("openai buildHttpRequest sets url and bearer token", () => {
  const http = openai.buildHttpRequest(hi, { apiKey: "sk", baseUrl: "http://127.0.0.1:9/v1" });
  assert.equal(http.url, "http://127.0.0.1:9/v1/chat/completions");
  assert.deepEqual(http.headers, {
    "content-type": "application/json",
    authorization: "Bearer sk",
  });
});

const failedCall: ChatRequest = {
  model: "m",
  messages: [
    { role: "user", content: "Weather?" },
    {
      role: "assistant",
      content: [{ type: "tool_call", id: "c1", name: "get_weather", arguments: {} }],
    },
    {
      role: "tool",
      content: [{ type: "tool_result", toolCallId: "c1", content: "Unknown city", isError: true }],
    },
  ],
};

test("openai serializeRequest sends a failed tool result as a plain tool message", () => {
  assert.deepEqual(wire(failedCall).messages.at(-1), {
    role: "tool",
    tool_call_id: "c1",
    content: "Unknown city",
  });
});

import { test } from "node:test";
import assert from "node:assert/strict";
import type { ChatRequest, Message, Warning } from "../../common/types.ts";
import { openaiResponses } from "./mod.ts";
import { serializing } from "../../testing/internal/serialize.ts";

const { wire, refused } = serializing(openaiResponses);

const hi: ChatRequest = { model: "gpt-4o", messages: [{ role: "user", content: "Hi" }] };

test("openai-responses serializeRequest sends instructions, input items, function tools and the choice", () => {
  const body = wire({
    ...hi,
    system: "Be brief.",
    messages: [{
      role: "user",
      content: [
        { type: "text", text: "What is this?" },
        { type: "image", mediaType: "image/png", data: "iVBORw0KGgo=" },
        { type: "image", url: "https://example.com/cat.jpg" },
      ],
    }],
    tools: [{ name: "f", parameters: { type: "object" } }, {
      name: "g",
      description: "G.",
      parameters: { type: "object" },
    }],
    toolChoice: { name: "g" },
    maxOutputTokens: 512,
    temperature: 0.3,
  });
  assert.deepEqual(body, {
    model: "gpt-4o",
    instructions: "Be brief.",
    input: [{
      role: "user",
      content: [
        { type: "input_text", text: "What is this?" },
        { type: "input_image", image_url: "data:image/png;base64,iVBORw0KGgo=", detail: "auto" },
        { type: "input_image", image_url: "https://example.com/cat.jpg", detail: "auto" },
      ],
    }],
    tools: [
      { type: "function", name: "f", parameters: { type: "object" }, strict: false },
      {
        type: "function",
        name: "g",
        description: "G.",
        parameters: { type: "object" },
        strict: false,
      },
    ],
    tool_choice: { type: "function", name: "g" },
    max_output_tokens: 512,
    temperature: 0.3,
    store: false,
  });
  assert.equal(wire({ ...hi, toolChoice: "none" }).tool_choice, "none");
});

test("openai-responses serializeRequest asks a reasoning model for its summary and encrypted reasoning", () => {
  const body = wire({ ...hi, model: "o3", thinking: "high" });
  assert.deepEqual([body.reasoning, body.store, body.include], [
    { effort: "high", summary: "auto" },
    false,
    ["reasoning.encrypted_content"],
  ]);
  // A reasoning model reasons unasked: its reasoning still comes back to be replayed.
  assert.deepEqual(wire({ ...hi, model: "gpt-5" }).include, ["reasoning.encrypted_content"]);
  assert.deepEqual(wire({ ...hi, model: "gpt-5.1", thinking: "none" }).reasoning, {
    effort: "none",
  });
  assert.equal(wire(hi).include, undefined);
});

test("openai-responses serializeRequest refuses maxOutputTokens under the API's minimum of 16", () => {
  refused(
    { ...hi, maxOutputTokens: 15 },
    "maxOutputTokens",
    "must be at least 16, got 15",
  );
  assert.equal(wire({ ...hi, maxOutputTokens: 16 }).max_output_tokens, 16);
});

test("openai-responses serializeRequest sends tool results as function_call_output, images included", () => {
  const warnings: Warning[] = [];
  const body = wire({
    ...hi,
    messages: [
      { role: "user", content: "Draw" },
      {
        role: "assistant",
        content: [{ type: "tool_call", id: "call_1", name: "f", arguments: { a: 1 } }],
      },
      {
        role: "tool",
        content: [{
          type: "tool_result",
          toolCallId: "call_1",
          content: [{ type: "text", text: "done" }, { type: "image", url: "https://x.test/a.png" }],
          isError: true,
        }],
      },
    ],
  }, warnings);
  assert.deepEqual(body.input.slice(1), [
    { type: "function_call", call_id: "call_1", name: "f", arguments: '{"a":1}' },
    {
      type: "function_call_output",
      call_id: "call_1",
      output: [
        { type: "input_text", text: "done" },
        { type: "input_image", image_url: "https://x.test/a.png", detail: "auto" },
      ],
    },
  ]);
  assert.deepEqual(warnings.map((w) => w.path), ["messages[2].content[0].isError"]);
});

const conversation: Message[] = [
  { role: "user", content: "Weather in Paris?" },
  { role: "assistant", content: [{ type: "tool_call", id: "call_1", name: "f", arguments: {} }] },
  { role: "tool", content: [{ type: "tool_result", toolCallId: "call_1", content: "18 °C" }] },
];

test("openai-responses serializeRequest continues a stored response with what follows its last turn", () => {
  const body = wire(
    { ...hi, model: "o3", messages: conversation },
    undefined,
    { previousResponseId: "resp_123" },
  );
  assert.deepEqual(body.input, [{
    type: "function_call_output",
    call_id: "call_1",
    output: "18 °C",
  }]);
  assert.deepEqual([body.store, body.include, body.previous_response_id], [
    true,
    undefined,
    "resp_123",
  ]);
  assert.equal(wire(hi, undefined, { store: true }).store, true);
  const stateless = wire({ ...hi, model: "o3" }, undefined, {
    previousResponseId: "resp_1",
    store: false,
  });
  assert.deepEqual([stateless.store, stateless.include], [false, ["reasoning.encrypted_content"]]);
});

test("openai-responses serializeRequest refuses a previousResponseId it cannot use", () => {
  assert.throws(() => openaiResponses.serializeRequest(hi, { previousResponseId: "" }), {
    path: "previousResponseId",
    message:
      'Cannot serialize request for openai-responses: previousResponseId must be a non-empty string, got ""',
  });
  assert.throws(
    () =>
      openaiResponses.serializeRequest(
        { ...hi, messages: conversation.slice(0, 2) },
        { previousResponseId: "resp_1" },
      ),
    { path: "messages", message: /messages end with an assistant turn/ },
  );
});

test("openai-responses buildHttpRequest passes its serialize options into the body", () => {
  const http = openaiResponses.buildHttpRequest(hi, {
    apiKey: "sk-test",
    baseUrl: "https://proxy.test/v1",
    previousResponseId: "resp_9",
  });
  assert.equal(http.url, "https://proxy.test/v1/responses");
  assert.equal(JSON.parse(http.body).previous_response_id, "resp_9");
});

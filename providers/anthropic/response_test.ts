import { test } from "node:test";
import assert from "node:assert/strict";
import { readFixture } from "../../testing/internal/fixtures.ts";
import { anthropic } from "./mod.ts";

const parse = (name: string) => anthropic.parseResponse(readFixture(`anthropic/${name}.json`));

test("anthropic parseResponse maps a text response", () => {
  assert.deepEqual(parse("text"), {
    provider: "anthropic",
    id: "msg_01XFDUDYJgAACzvnptvVoYEL",
    model: "claude-sonnet-4-5-20250929",
    content: [{ type: "text", text: "Hello! How can I help you today?" }],
    finishReason: "stop",
    rawFinishReason: "end_turn",
    usage: {
      inputTokens: 12,
      outputTokens: 10,
      thinkingTokens: 0,
      cacheReadTokens: 0,
      cacheWriteTokens: 0,
      totalTokens: 22,
    },
    providerMetadata: { usage: JSON.parse(readFixture("anthropic/text.json")).usage },
  });
});

test("anthropic parseResponse keeps thinking signatures and redacted thinking", () => {
  const response = parse("thinking");
  assert.deepEqual(response.content, [
    {
      type: "thinking",
      text: "The user asks for 27 * 453. 27 * 453 = 27 * 400 + 27 * 53 = 10800 + 1431 = 12231.",
      signature: "EqQBCgIYAhIM1gbcDa9GJwZA2b3hGgxBdjrkzLoky3dl1pkiMOYds",
    },
    {
      type: "redacted_thinking",
      data:
        "EmwKAhgBEgy3va3pzix/LafPsn4aDFIT2Xlxh0L5L8rLVyIwxtE3rAFBa8cr3qpPkNRj2YfWXGmKDxH4mPnZ5sQ7vB5URj",
    },
    { type: "text", text: "27 × 453 = 12,231." },
  ]);
  // Cached tokens are part of the input; Anthropic reports them beside input_tokens.
  assert.deepEqual(response.usage, {
    inputTokens: 40 + 1500 + 2048,
    outputTokens: 220,
    thinkingTokens: 0,
    cacheReadTokens: 2048,
    cacheWriteTokens: 1500,
    totalTokens: 40 + 1500 + 2048 + 220,
  });
});

test("anthropic parseResponse maps refusal to content_filter", () => {
  const response = parse("refusal");
  assert.equal(response.finishReason, "content_filter");
  assert.equal(response.rawFinishReason, "refusal");
  assert.deepEqual(response.content, [{ type: "text", text: "I can't help with that." }]);
});

test("anthropic parseResponse maps max_tokens to length", () => {
  const response = parse("max_tokens");
  assert.equal(response.finishReason, "length");
  assert.equal(response.usage.outputTokens, 10);
});

test("anthropic parseResponse maps the other stop reasons", () => {
  const reason = (stop_reason: unknown) =>
    anthropic.parseResponse(JSON.stringify({ model: "m", content: [], stop_reason, usage: {} }))
      .finishReason;
  assert.equal(reason("stop_sequence"), "stop");
  assert.equal(reason("model_context_window_exceeded"), "length");
  assert.equal(reason("pause_turn"), "unknown");
  assert.equal(reason(null), "unknown");
});

test("anthropic parseResponse names the path of a field of the wrong type", () => {
  assert.throws(() => anthropic.parseResponse('{"model":"m","content":{}}'), {
    type: "invalid_field",
    path: "content",
    message: "Cannot parse anthropic response: content must be an array, got an object",
  });
  assert.throws(
    () => anthropic.parseResponse('{"model":"m","content":[{"type":"text","text":5}]}'),
    {
      type: "invalid_field",
      path: "content[0].text",
    },
  );
  assert.throws(
    () =>
      anthropic.parseResponse(
        '{"model":"m","content":[{"type":"tool_use","id":"a","name":"f","input":[]}]}',
      ),
    {
      type: "invalid_field",
      path: "content[0].input",
      message: "Cannot parse anthropic response: content[0].input must be an object, got an array",
    },
  );
  assert.throws(() => anthropic.parseResponse('{"content":[]}'), {
    type: "invalid_field",
    path: "model",
  });
  assert.throws(() => anthropic.parseResponse("[]"), { type: "invalid_field", path: "(body)" });
});

test("anthropic parseResponse keeps a block type it has no canonical type for, in place", () => {
  const response = anthropic.parseResponse(
    '{"model":"m","content":[{"type":"text","text":"a"},{"type":"future_block","x":1}]}',
  );
  assert.deepEqual(response.content, [
    { type: "text", text: "a" },
    {
      type: "provider",
      provider: "anthropic",
      blockType: "future_block",
      data: { type: "future_block", x: 1 },
    },
  ]);
});

test("anthropic parseResponse ignores unknown extra fields", () => {
  const response = anthropic.parseResponse(JSON.stringify({
    model: "m",
    content: [{ type: "text", text: "a", citations: null }],
    stop_reason: "end_turn",
    usage: { input_tokens: 1, output_tokens: 1, server_tool_use: {} },
    container: null,
  }));
  assert.deepEqual(response.content, [{ type: "text", text: "a" }]);
});

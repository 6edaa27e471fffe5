import { test } from "node:test";
import assert from "node:assert/strict";
import { type ProviderError, ResponseParseError } from "../../common/errors.ts";
import { decodeChunks } from "../../testing/chunkings.ts";
import { readFixture } from "../../testing/internal/fixtures.ts";
import { anthropic } from "./mod.ts";

const sse = (events: Array<Record<string, unknown>>) =>
  events.map((e) => `event: ${e.type}\ndata: ${JSON.stringify(e)}\n\n`).join("");
const start = {
  type: "message_start",
  message: { id: "msg_1", model: "claude-haiku-4-5", usage: { input_tokens: 3, output_tokens: 1 } },
};
const stop = { type: "message_stop" };

const run = (text: string) => decodeChunks(anthropic.createStreamDecoder(), [text]);

test("anthropic stream emits start, text deltas, usage and finish for a text reply", () => {
  const { events } = run(readFixture("anthropic/text.sse"));
  assert.deepEqual(events, [
    { type: "start", id: "msg_01XFDUDYJgAACzvnptvVoYEL", model: "claude-sonnet-4-5-20250929" },
    {
      type: "usage",
      usage: {
        inputTokens: 12,
        outputTokens: 1,
        thinkingTokens: 0,
        cacheReadTokens: 0,
        cacheWriteTokens: 0,
        totalTokens: 13,
      },
    },
    { type: "text_delta", index: 0, text: "Hello" },
    { type: "text_delta", index: 0, text: "! How can I" },
    { type: "text_delta", index: 0, text: " help you today?" },
    {
      type: "usage",
      usage: {
        inputTokens: 12,
        outputTokens: 10,
        thinkingTokens: 0,
        cacheReadTokens: 0,
        cacheWriteTokens: 0,
        totalTokens: 22,
      },
    },
    { type: "finish", finishReason: "stop", rawFinishReason: "end_turn" },
  ]);
});

test("anthropic stream emits thinking deltas, the signature and redacted thinking", () => {
  const { events } = run(readFixture("anthropic/thinking.sse"));
  const kinds = events.filter((e) =>
    e.type === "thinking_delta" || e.type === "signature" || e.type === "redacted_thinking"
  );
  assert.deepEqual(kinds.map((e) => [e.type, e.index]), [
    ["thinking_delta", 0],
    ["thinking_delta", 0],
    ["signature", 0],
    ["redacted_thinking", 1],
  ]);
});

test("anthropic stream never ends a tool call before its block stops", () => {
  const decoder = anthropic.createStreamDecoder();
  const before = decoder.push(sse([
    start,
    {
      type: "content_block_start",
      index: 0,
      content_block: { type: "tool_use", id: "t", name: "f", input: {} },
    },
    {
      type: "content_block_delta",
      index: 0,
      delta: { type: "input_json_delta", partial_json: '{"n": 1' },
    },
    {
      type: "content_block_delta",
      index: 0,
      delta: { type: "input_json_delta", partial_json: "}" },
    },
  ]));
  assert.ok(!before.some((e) => e.type === "tool_call_end"));
  const after = decoder.push(sse([{ type: "content_block_stop", index: 0 }]));
  assert.deepEqual(after, [{
    type: "tool_call_end",
    index: 0,
    id: "t",
    name: "f",
    arguments: { n: 1 },
  }]);
});

test("anthropic stream skips unknown events and deltas, and keeps unknown blocks", () => {
  const { response } = run(sse([
    start,
    { type: "future_event", x: 1 },
    {
      type: "content_block_start",
      index: 0,
      content_block: { type: "server_tool_use", id: "s", name: "web_search", input: {} },
    },
    {
      type: "content_block_delta",
      index: 0,
      delta: { type: "input_json_delta", partial_json: "{}" },
    },
    { type: "content_block_stop", index: 0 },
    { type: "content_block_start", index: 1, content_block: { type: "text", text: "" } },
    { type: "content_block_delta", index: 1, delta: { type: "future_delta", x: {} } },
    { type: "content_block_delta", index: 1, delta: { type: "text_delta", text: "ok" } },
    { type: "content_block_stop", index: 1 },
    { type: "message_delta", delta: { stop_reason: "end_turn" }, usage: { output_tokens: 2 } },
    stop,
  ]));
  assert.deepEqual(response?.content, [
    {
      type: "provider",
      provider: "anthropic",
      blockType: "server_tool_use",
      data: { type: "server_tool_use", id: "s", name: "web_search", input: {} },
    },
    { type: "text", text: "ok" },
  ]);
});

test("anthropic stream maps in-stream error types to the HTTP categories", () => {
  const category = (type: string) => {
    const { error } = run(sse([start, { type: "error", error: { type, message: "m" } }]));
    return (error as ProviderError).category;
  };
  assert.deepEqual(
    [
      "rate_limit_error",
      "invalid_request_error",
      "authentication_error",
      "api_error",
      "mystery_error",
    ].map(category),
    ["rate_limit", "invalid_request", "auth", "server", "unknown"],
  );
});

test("anthropic stream cut before message_stop keeps the call's argument text and input usage", () => {
  const { error } = run(readFixture("anthropic/truncated.sse"));
  assert.ok(error instanceof ResponseParseError);
  assert.equal(error.message, "Cannot finish anthropic stream: it ended before message_stop");
  assert.equal(error.raw, '{"location": "Par');
  assert.equal(error.partial?.usage.inputTokens, 20);
});

test("anthropic stream reports a malformed event by number and name and reads on", () => {
  const text = sse([start, {
    type: "content_block_start",
    index: 0,
    content_block: { type: "text", text: "" },
  }]) +
    'event: content_block_delta\ndata: {"type":"content_block_delta","index":0,"delta":{\n\n' +
    sse([{ type: "content_block_delta", index: 0, delta: { type: "text_delta", text: "after" } }, {
      type: "message_delta",
      delta: { stop_reason: "end_turn" },
    }, stop]);
  const { events, error } = run(text);
  assert.ok(error instanceof ResponseParseError);
  assert.equal(error.type, "invalid_json");
  assert.equal(error.path, "event 3");
  assert.match(error.message, /^Cannot parse anthropic stream event 3 "content_block_delta": /);
  assert.equal(error.raw, '{"type":"content_block_delta","index":0,"delta":{');
  assert.ok(events.some((e) => e.type === "text_delta" && e.text === "after"));
  assert.deepEqual(error.partial?.content, [{ type: "text", text: "after" }]);
});

test("anthropic stream reports invalid tool arguments with the raw text", () => {
  const { events, error } = run(sse([
    start,
    {
      type: "content_block_start",
      index: 0,
      content_block: { type: "tool_use", id: "t", name: "f", input: {} },
    },
    {
      type: "content_block_delta",
      index: 0,
      delta: { type: "input_json_delta", partial_json: '{"a": tru' },
    },
    { type: "content_block_stop", index: 0 },
    { type: "message_delta", delta: { stop_reason: "tool_use" } },
    stop,
  ]));
  assert.ok(events.some((e) => e.type === "error"));
  assert.ok(error instanceof ResponseParseError);
  assert.deepEqual([error.type, error.raw, error.path], [
    "invalid_tool_arguments",
    '{"a": tru',
    "content[0].arguments",
  ]);
});

test("anthropic stream emits provider blocks when complete and citations as they arrive", () => {
  const { events } = run(readFixture("anthropic/web_search.sse"));
  const kept = events.filter((e) => e.type === "provider_block" || e.type === "citation");
  assert.deepEqual(kept.map((e) => [e.type, e.index]), [
    ["provider_block", 1],
    ["provider_block", 2],
    ["citation", 3],
  ]);
  const call = kept[0].type === "provider_block" ? kept[0].block : undefined;
  assert.deepEqual(call?.data.input, { query: "Paris weather today" });
});

test("anthropic stream extends a block whose start repeats, and rejects another kind there", () => {
  const blockStart = (content_block: Record<string, unknown>) => ({
    type: "content_block_start",
    index: 0,
    content_block,
  });
  const textDelta = {
    type: "content_block_delta",
    index: 0,
    delta: { type: "text_delta", text: "c" },
  };
  const end = [{ type: "message_delta", delta: { stop_reason: "end_turn" } }, stop];
  const repeated = run(sse([
    start,
    blockStart({ type: "text", text: "a" }),
    blockStart({ type: "text", text: "b" }),
    textDelta,
    ...end,
  ]));
  assert.deepEqual(repeated.response?.content, [{ type: "text", text: "abc" }]);
  assert.deepEqual(
    repeated.events.filter((e) => e.type === "text_delta").map((e) =>
      e.type === "text_delta" && e.index
    ),
    [0, 0, 0],
  );
  const mixed = run(sse([
    start,
    blockStart({ type: "text", text: "a" }),
    blockStart({ type: "thinking", thinking: "b" }),
    ...end,
  ]));
  assert.ok(mixed.error instanceof ResponseParseError);
  assert.equal(mixed.error.path, "content[0]");
  assert.match(mixed.error.message, /thinking arrived for content\[0\], a text block/);
  assert.deepEqual(mixed.error.partial?.content, [{ type: "text", text: "a" }]);
});

import { test } from "node:test";
import assert from "node:assert/strict";
import { ProviderError } from "../../common/errors.ts";
import { decodeChunks } from "../../testing/chunkings.ts";
import { readFixture, readJsonFixture } from "../../testing/internal/fixtures.ts";
import { type SseEvent, sseEvents, sseText } from "../../testing/mutate.ts";
import { openaiResponses } from "./mod.ts";

// deno-lint-ignore no-explicit-any
type Wire = Record<string, any>;

const run = (text: string) => decodeChunks(openaiResponses.createStreamDecoder(), [text]);
const fixture = (name: string) => readFixture(`openai-responses/${name}.sse`);
const types = (events: SseEvent[]) => events.map((e) => JSON.parse(e.data).type as string);

test("openai-responses stream deltas summaries as thinking, then signs them when the item is done", () => {
  const { events } = run(fixture("reasoning"));
  const item = readJsonFixture<Wire>("openai-responses/reasoning.json").output[0];
  const signature = `${item.id}:${item.encrypted_content}`;
  const thinking = events.filter((e) => e.type === "thinking_delta" || e.type === "signature");
  assert.deepEqual(thinking.map((e) => [e.type, "index" in e && e.index]), [
    ["thinking_delta", 0],
    ["thinking_delta", 0],
    ["thinking_delta", 1],
    ["thinking_delta", 1],
    ["signature", 0],
    ["signature", 1],
  ]);
  assert.deepEqual(events.find((e) => e.type === "signature"), {
    type: "signature",
    index: 0,
    signature,
  });
});

test("openai-responses stream ends a call at its item's done, not at its arguments' done", () => {
  const text = fixture("tool_calls");
  const decoder = openaiResponses.createStreamDecoder();
  const cut = text.indexOf("event: response.output_item.done", text.indexOf('"call_id"'));
  const before = decoder.push(text.slice(0, cut));
  assert.ok(before.some((e) => e.type === "tool_call_delta"));
  assert.ok(!before.some((e) => e.type === "tool_call_end"));
  const after = decoder.push(text.slice(cut));
  assert.deepEqual(after.find((e) => e.type === "tool_call_end"), {
    type: "tool_call_end",
    index: 1,
    id: "call_DdmO9pD3xa9XTPNJ32zg2hcA",
    name: "get_weather",
    arguments: { location: "San Francisco, CA", unit: "celsius" },
  });
});

test("openai-responses stream reads whole at output_item.done what no delta brought", () => {
  const all = sseEvents(fixture("tool_calls"));
  const terse = all.filter((e) => {
    const type = JSON.parse(e.data).type as string;
    return !type.endsWith(".delta") && !type.startsWith("response.content_part");
  });
  assert.ok(types(terse).includes("response.output_item.done"));
  const { events, response } = run(sseText(terse));
  assert.deepEqual(response, run(fixture("tool_calls")).response);
  assert.deepEqual(events.filter((e) => e.type === "text_delta"), [{
    type: "text_delta",
    index: 0,
    text: "I'll check the weather in both cities.",
  }]);
});

test("openai-responses stream ends a failed response with its error after the finish", () => {
  const { events, error } = run(fixture("failed"));
  assert.deepEqual(events.slice(-2).map((e) => e.type), ["finish", "error"]);
  assert.ok(error instanceof ProviderError);
  assert.deepEqual([error.category, error.code], ["server", "server_error"]);
  assert.deepEqual(error.partial?.content, [{ type: "text", text: "Let me think" }]);
});

test("openai-responses stream categorizes an error event by its code", () => {
  const error = (code: string) =>
    run(`data: {"type":"error","code":"${code}","message":"m","param":null}\n\n`).error;
  const categories = ["rate_limit_exceeded", "server_error", "content_policy_violation", "x"].map(
    (code) => (error(code) as ProviderError).category,
  );
  assert.deepEqual(categories, ["rate_limit", "server", "content_filter", "unknown"]);
});

test("openai-responses stream cut before its terminal event keeps the call's argument text", () => {
  const { error } = run(fixture("truncated"));
  assert.ok(error !== undefined);
  assert.deepEqual([(error as Wire).message, (error as Wire).raw], [
    "Cannot finish openai-responses stream: it ended before response.completed",
    '{"location":"Par',
  ]);
});

test("openai-responses stream skips progress events and event types it does not know", () => {
  const events = sseEvents(fixture("web_search"));
  assert.ok(types(events).includes("response.web_search_call.searching"));
  const odd = [...events];
  odd.splice(2, 0, { data: '{"type":"response.audio.delta","delta":"AAAA"}' });
  assert.deepStrictEqual(run(sseText(odd)).response, run(fixture("web_search")).response);
});

test("openai-responses stream names the event field it cannot read", () => {
  const { error } = run('data: {"type":"response.output_text.delta","output_index":-1}\n\n');
  assert.deepEqual([(error as Wire).type, (error as Wire).path], ["invalid_field", "output_index"]);
});

import { test } from "node:test";
import assert from "node:assert/strict";
import { seededIdGenerator } from "../../common/ids.ts";
import { readFixture } from "../../testing/internal/fixtures.ts";
import { google } from "./mod.ts";

const parse = (name: string) =>
  google.parseResponse(readFixture(`google/${name}.json`), { generateId: seededIdGenerator(1) });

test("google parseResponse maps a text response", () => {
  assert.deepEqual(parse("text"), {
    provider: "google",
    id: "mN7taPnYJ4GPz7IPpcmVqQg",
    model: "gemini-2.5-flash",
    content: [{ type: "text", text: "Hello! How can I help you today?" }],
    finishReason: "stop",
    rawFinishReason: "STOP",
    usage: {
      inputTokens: 8,
      outputTokens: 9,
      thinkingTokens: 0,
      cacheReadTokens: 0,
      cacheWriteTokens: 0,
      totalTokens: 17,
    },
    providerMetadata: { usage: JSON.parse(readFixture("google/text.json")).usageMetadata },
  });
});

test("google parseResponse maps thought parts and keeps the thought signature", () => {
  const response = parse("thinking");
  assert.deepEqual(response.content, [
    {
      type: "thinking",
      text:
        "**Computing the product**\n\nI split 453 into 400 and 53 and add the partial products.",
    },
    {
      type: "text",
      text: "27 × 453 = 12,231.",
      signature: "CiQB0e2Kb1mK2xNfXHv5Aq3rXkW2pKq1dE3M4o8Ug3j9u5K0pYsKZQ",
    },
  ]);
  assert.deepEqual(response.usage, {
    inputTokens: 20,
    outputTokens: 312,
    thinkingTokens: 300,
    cacheReadTokens: 0,
    cacheWriteTokens: 0,
    totalTokens: 332,
  });
});

test("google parseResponse gives function calls generated ids and maps STOP to tool_use", () => {
  const response = parse("tool_calls");
  const next = seededIdGenerator(1);
  assert.equal(response.finishReason, "tool_use");
  assert.equal(response.rawFinishReason, "STOP");
  assert.deepEqual(response.content, [
    {
      type: "tool_call",
      id: next(),
      name: "get_weather",
      arguments: { location: "San Francisco, CA", unit: "celsius" },
      signature: "CsQCAdHtim9Q0bXyWkJv3q1f0z2RrQYpHc8sL4mE7nW5uT6oVjK1",
    },
    {
      type: "tool_call",
      id: next(),
      name: "get_weather",
      arguments: { location: "Paris, France", unit: "celsius" },
    },
    { type: "tool_call", id: next(), name: "get_time", arguments: {} },
  ]);
  assert.deepEqual(response.usage, {
    inputTokens: 120,
    outputTokens: 145,
    thinkingTokens: 100,
    cacheReadTokens: 64,
    cacheWriteTokens: 0,
    totalTokens: 265,
  });
});

test("google parseResponse keeps an id Gemini does send", () => {
  const response = google.parseResponse(JSON.stringify({
    candidates: [{
      content: { parts: [{ functionCall: { id: "fc-1", name: "f", args: {} } }] },
      finishReason: "STOP",
    }],
  }));
  assert.equal(response.content[0].type === "tool_call" && response.content[0].id, "fc-1");
});

test("google parseResponse maps SAFETY without content to content_filter", () => {
  const response = parse("safety");
  assert.deepEqual([response.finishReason, response.rawFinishReason, response.content], [
    "content_filter",
    "SAFETY",
    [],
  ]);
});

test("google parseResponse maps a blocked prompt to content_filter", () => {
  const response = parse("blocked_prompt");
  assert.deepEqual([response.finishReason, response.rawFinishReason, response.content], [
    "content_filter",
    "SAFETY",
    [],
  ]);
  assert.equal(response.usage.inputTokens, 14);
});

test("google parseResponse maps MAX_TOKENS and the other finish reasons", () => {
  assert.equal(parse("max_tokens").finishReason, "length");
  const reason = (finishReason: string) =>
    google.parseResponse(JSON.stringify({ candidates: [{ content: { parts: [] }, finishReason }] }))
      .finishReason;
  for (const r of ["RECITATION", "BLOCKLIST", "PROHIBITED_CONTENT", "SPII", "IMAGE_SAFETY"]) {
    assert.equal(reason(r), "content_filter", r);
  }
  assert.equal(reason("MALFORMED_FUNCTION_CALL"), "error");
  assert.equal(reason("OTHER"), "unknown");
});

test("google parseResponse attaches a signature on an empty part to the text it closes", () => {
  const response = google.parseResponse(JSON.stringify({
    candidates: [{
      content: { parts: [{ text: "Hi" }, { thoughtSignature: "s" }, { text: "there" }] },
      finishReason: "STOP",
    }],
  }));
  assert.deepEqual(response.content, [
    { type: "text", text: "Hi", signature: "s" },
    { type: "text", text: "there" },
  ]);
});

test("google parseResponse reads consecutive text parts as one block, as a stream does", () => {
  const response = google.parseResponse(JSON.stringify({
    candidates: [{ content: { parts: [{ text: "a" }, { text: "b" }] }, finishReason: "STOP" }],
  }));
  assert.deepEqual(response.content, [{ type: "text", text: "ab" }]);
});

test("google parseResponse keeps a part kind it has no canonical type for, in place", () => {
  const response = google.parseResponse(
    '{"candidates":[{"content":{"parts":[{"futurePart":{"x":1}},{"text":"ok"}]}}]}',
  );
  assert.deepEqual(response.content, [
    {
      type: "provider",
      provider: "google",
      blockType: "futurePart",
      data: { futurePart: { x: 1 } },
    },
    { type: "text", text: "ok" },
  ]);
});

test("google parseResponse names the path of a field of the wrong type", () => {
  assert.throws(() => google.parseResponse('{"candidates":{}}'), {
    type: "invalid_field",
    path: "candidates",
  });
  assert.throws(() => google.parseResponse("{}"), { type: "invalid_field", path: "candidates" });
  assert.throws(
    () =>
      google.parseResponse(
        '{"candidates":[{"content":{"parts":[{"functionCall":{"name":"f","args":[]}}]}}]}',
      ),
    {
      type: "invalid_field",
      path: "candidates[0].content.parts[0].functionCall.args",
    },
  );
  assert.throws(() => google.parseResponse("<html>"), { type: "invalid_json" });
});

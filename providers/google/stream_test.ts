import { test } from "node:test";
import assert from "node:assert/strict";
import { ProviderError, ResponseParseError } from "../../common/errors.ts";
import { seededIdGenerator } from "../../common/ids.ts";
import { decodeChunks } from "../../testing/chunkings.ts";
import { readFixture } from "../../testing/internal/fixtures.ts";
import { google } from "./mod.ts";

const run = (text: string) =>
  decodeChunks(google.createStreamDecoder({ generateId: seededIdGenerator(1) }), [text]);

test("google stream merges consecutive text parts into one block", () => {
  const { events, response } = run(readFixture("google/text.sse"));
  assert.deepEqual(
    events.filter((e) => e.type === "text_delta").map((e) =>
      e.type === "text_delta" && [e.index, e.text]
    ),
    [
      [0, "Hello! How"],
      [0, " can I help"],
      [0, " you today?"],
    ],
  );
  assert.deepEqual(events.slice(-2).map((e) => e.type), ["usage", "finish"]);
  assert.equal(response?.finishReason, "stop");
});

test("google stream attaches a signature from an empty part to the text it closes", () => {
  const { events, response } = run(readFixture("google/thinking.sse"));
  assert.deepEqual(events.find((e) => e.type === "signature"), {
    type: "signature",
    index: 1,
    signature: "CiQB0e2Kb1mK2xNfXHv5Aq3rXkW2pKq1dE3M4o8Ug3j9u5K0pYsKZQ",
  });
  assert.deepEqual(response?.content.map((b) => b.type), ["thinking", "text"]);
});

test("google stream emits whole function calls with generated ids", () => {
  const { events } = run(readFixture("google/tool_calls.sse"));
  const next = seededIdGenerator(1);
  const ids = [next(), next(), next()];
  assert.deepEqual(
    events.filter((e) => e.type === "tool_call_end").map((e) =>
      e.type === "tool_call_end" && [e.index, e.id, e.name]
    ),
    [
      [0, ids[0], "get_weather"],
      [1, ids[1], "get_weather"],
      [2, ids[2], "get_time"],
    ],
  );
  assert.deepEqual(events.at(-1), {
    type: "finish",
    finishReason: "tool_use",
    rawFinishReason: "STOP",
  });
});

test("google stream keeps a part kind it has no canonical type for, in place", () => {
  const { events, response } = run(
    'data: {"candidates":[{"content":{"parts":[{"futurePart":{"x":1}},{"text":"ok"}]},"finishReason":"STOP"}]}\n\n',
  );
  const block = {
    type: "provider",
    provider: "google",
    blockType: "futurePart",
    data: { futurePart: { x: 1 } },
  };
  assert.deepEqual(events.find((e) => e.type === "provider_block"), {
    type: "provider_block",
    index: 0,
    block,
  });
  assert.deepEqual(response?.content, [block, { type: "text", text: "ok" }]);
});

test("google stream categorizes an in-stream error by the HTTP status in its code", () => {
  const { error } = run(readFixture("google/error.sse"));
  assert.ok(error instanceof ProviderError);
  assert.deepEqual([error.category, error.code, error.message], [
    "server",
    "UNAVAILABLE",
    "The model is overloaded. Please try again later.",
  ]);
});

test("google stream cut before a finishReason keeps the response id", () => {
  const { error } = run(readFixture("google/truncated.sse"));
  assert.ok(error instanceof ResponseParseError);
  assert.equal(
    error.message,
    "Cannot finish google stream: it ended before a chunk with finishReason",
  );
  assert.equal(error.partial?.id, "Truncated01ResponseId");
});

test("google stream emits a generated image whole", () => {
  const { events } = run(readFixture("google/image_output.sse"));
  const image = events.find((e) => e.type === "image");
  assert.deepEqual(image?.type === "image" && [image.index, image.image.mediaType], [
    1,
    "image/png",
  ]);
});

test("google stream reads a chunk whose error is null as no error", () => {
  const { error, response } = run(readFixture("google/error_null.sse"));
  assert.equal(error, undefined);
  assert.equal(response?.finishReason, "stop");
});

test("google stream checks a function call's signature first and keeps the next text in its block", () => {
  const chunk = (parts: unknown[]) =>
    `data: ${JSON.stringify({ candidates: [{ content: { role: "model", parts } }] })}\n\n`;
  const { events, error } = run(
    chunk([{ text: "a" }]) +
      chunk([{ functionCall: { name: 3 }, thoughtSignature: 5 }]) +
      chunk([{ text: "b" }]) +
      `data: ${JSON.stringify({ candidates: [{ finishReason: "STOP" }] })}\n\n`,
  );
  assert.ok(error instanceof ResponseParseError);
  assert.equal(error.path, "candidates[0].content.parts[0].thoughtSignature");
  assert.deepEqual(
    events.filter((e) => e.type === "text_delta").map((e) => e.type === "text_delta" && e.index),
    [0, 0],
  );
  assert.deepEqual(error.partial?.content, [{ type: "text", text: "ab" }]);
});

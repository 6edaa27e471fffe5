// Chat Completions `content` as a list of typed chunks, as Mistral's reasoning models answer
// (docs.mistral.ai/capabilities/reasoning): thinking chunks are the reasoning, text chunks the
// answer, bodies and streams alike; other kinds are kept.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFixture } from "../../testing/internal/fixtures.ts";
import { openai } from "./mod.ts";

const body = (content: unknown) =>
  JSON.stringify({
    id: "c",
    model: "magistral-small-2509",
    choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: "stop" }],
  });

test("openai parseResponse reads Mistral's thinking and text chunks", () => {
  const response = openai.parseResponse(readFixture("openai/mistral_reasoning.json"));
  assert.deepEqual(response.content, [
    {
      type: "thinking",
      text: "The user asks for 17 × 24. 17 × 24 = 17 × 20 + 17 × 4 = 340 + 68 = 408.",
    },
    { type: "text", text: "17 × 24 is **408**." },
  ]);
  assert.equal(response.finishReason, "stop");
  assert.equal(response.usage.outputTokens, 84);
});

test("openai stream reads Mistral's thinking chunks as thinking deltas", () => {
  const decoder = openai.createStreamDecoder();
  const events = decoder.push(readFixture("openai/mistral_reasoning.sse"));
  const deltas = events.flatMap((e) =>
    e.type === "thinking_delta"
      ? [["thinking", e.text]]
      : e.type === "text_delta"
      ? [["text", e.text]]
      : []
  );
  assert.deepEqual(deltas, [
    ["thinking", "The user asks for 17 × 24. "],
    ["thinking", "17 × 24 = 17 × 20 + 17 × 4 = 340 + 68 = 408."],
    ["text", "17 × 24 is "],
    ["text", "**408**."],
  ]);
  assert.deepEqual(
    decoder.end().content,
    openai.parseResponse(readFixture("openai/mistral_reasoning.json")).content,
  );
});

test("openai parseResponse keeps a content chunk of another kind as a provider block", () => {
  const reference = { type: "reference", reference_ids: [1, 2] };
  const response = openai.parseResponse(
    body([{ type: "text", text: "See" }, reference, { type: "text", text: " this" }]),
  );
  assert.deepEqual(response.content, [
    { type: "text", text: "See this" },
    { type: "provider", provider: "openai", blockType: "reference", data: reference },
  ]);
});

test("openai keeps every content chunk of another kind, each its own block, in order", () => {
  const chunks = Array.from({ length: 300 }, (_, i) => ({ type: "reference", reference_ids: [i] }));
  const response = openai.parseResponse(body([{ type: "text", text: "See" }, ...chunks]));
  assert.equal(response.content.length, 301);
  assert.deepEqual(
    response.content.slice(1).map((block) => block.type === "provider" && block.data),
    chunks,
  );
});

test("openai parseResponse refuses a malformed content chunk with its path", () => {
  const cases: Array<[unknown, string, string]> = [
    [["x"], "choices[0].message.content[0]", "an object"],
    [[{ type: "text", text: 5 }], "choices[0].message.content[0].text", "a string"],
    [[{ type: "thinking", thinking: "t" }], "choices[0].message.content[0].thinking", "an array"],
    [
      [{ type: "thinking", thinking: [{ type: "text" }] }],
      "choices[0].message.content[0].thinking[0].text",
      "a string",
    ],
  ];
  for (const [content, path, expected] of cases) {
    assert.throws(() => openai.parseResponse(body(content)), (error: Error & { path?: string }) => {
      assert.equal(error.name, "ResponseParseError");
      assert.equal(error.path, path);
      assert.match(
        error.message,
        new RegExp(`${path.replace(/[[\].]/g, "\\$&")} must be ${expected}`),
      );
      return true;
    });
  }
});

test("openai parseResponse refuses malformed reasoning_details with their path", () => {
  const withDetails = (details: unknown) =>
    JSON.stringify({
      id: "c",
      model: "m",
      choices: [{
        index: 0,
        message: { role: "assistant", content: "x", reasoning_details: details },
        finish_reason: "stop",
      }],
    });
  assert.throws(() => openai.parseResponse(withDetails("t")), {
    name: "ResponseParseError",
    path: "choices[0].message.reasoning_details",
  });
  const decoder = openai.createStreamDecoder();
  decoder.push(
    'data: {"id":"c","model":"m","choices":[{"index":0,"delta":{"reasoning_details":[5]}}]}\n\n',
  );
  assert.throws(() => decoder.end(), {
    name: "ResponseParseError",
    path: "choices[0].delta.reasoning_details[0]",
  });
});

test("openai parseResponse keeps message fields it does not read, bodies and streams alike", () => {
  const images = [{ type: "image_url", image_url: { url: "data:image/png;base64,AA" } }];
  const body = JSON.stringify({
    id: "c",
    model: "m",
    choices: [{
      index: 0,
      message: {
        role: "assistant",
        content: "Here.",
        images,
        executed_tools: [{ type: "search" }],
      },
      finish_reason: "stop",
    }],
  });
  const kept = { images, executed_tools: [{ type: "search" }] };
  assert.deepEqual(openai.parseResponse(body).providerMetadata?.message, kept);
  const decoder = openai.createStreamDecoder();
  decoder.push(
    'data: {"id":"c","model":"m","choices":[{"index":0,"delta":{"role":"assistant","content":"Here."}}]}\n\n' +
      `data: {"id":"c","model":"m","choices":[{"index":0,"delta":${
        JSON.stringify(kept)
      },"finish_reason":"stop"}]}\n\ndata: [DONE]\n\n`,
  );
  assert.deepEqual(decoder.end().providerMetadata?.message, kept);
});

// The request features on Chat Completions: structured output, caching, web search, sampling,
// parallel tool calls and user id (provider options and documents: ../features_test.ts).
import { test } from "node:test";
import assert from "node:assert/strict";
import type { ChatRequest, Warning } from "../../common/types.ts";
import { openai } from "./mod.ts";
import { serializing } from "../../testing/internal/serialize.ts";

const { wire, warned, refused } = serializing(openai);

const hi: ChatRequest = { model: "gpt-4o", messages: [{ role: "user", content: "Hi" }] };
const tools = [{ name: "f", parameters: { type: "object" } }];
const schema = { type: "object", properties: { age: { type: "integer" } }, required: ["age"] };

test("openai serializeRequest refuses structured output on models with JSON mode only", () => {
  for (const model of ["gpt-3.5-turbo", "gpt-4-turbo", "gpt-4", "gpt-4o-2024-05-13"]) {
    refused(
      { ...hi, model, structuredOutput: { name: "p", schema } },
      "structuredOutput",
      `cannot be sent: "${model}" has no structured outputs (response_format json_schema)`,
    );
  }
});

test("openai serializeRequest marks breakpoints on content parts for gpt-5.6 and later", () => {
  const warnings: Warning[] = [];
  const body = wire({
    ...hi,
    model: "gpt-5.6",
    system: "S",
    tools,
    messages: [
      { role: "user", content: [{ type: "text", text: "a" }, { type: "text", text: "b" }] },
      { role: "assistant", content: [{ type: "tool_call", id: "c", name: "f", arguments: {} }] },
      {
        role: "tool",
        content: [
          { type: "tool_result", toolCallId: "c", content: "ok" },
        ],
      },
    ],
    cache: { breakpoints: ["tools", "system", 0, 2] },
  }, warnings);
  const mark = { prompt_cache_breakpoint: { mode: "explicit" } };
  assert.deepEqual(body.messages[0].content, [{ type: "text", text: "S", ...mark }]);
  assert.deepEqual(body.messages[1].content, [{ type: "text", text: "a" }, {
    type: "text",
    text: "b",
    ...mark,
  }]);
  assert.deepEqual(body.messages[3].content, [{ type: "text", text: "ok", ...mark }]);
  assert.deepEqual(warnings, [{
    provider: "openai",
    path: "cache.breakpoints",
    message: '"tools" dropped: Chat Completions marks breakpoints on content parts only',
  }]);
});

test("openai serializeRequest reports a breakpoint on a turn with no content part", () => {
  assert.deepEqual(
    warned({
      ...hi,
      model: "gpt-5.6",
      tools,
      messages: [
        { role: "user", content: "Hi" },
        { role: "assistant", content: [{ type: "tool_call", id: "c", name: "f", arguments: {} }] },
        { role: "tool", content: [{ type: "tool_result", toolCallId: "c", content: "ok" }] },
      ],
      cache: { breakpoints: [1] },
    }),
    [{
      provider: "openai",
      path: "cache.breakpoints",
      message: "breakpoint at message 1 dropped: that turn sends no content part to carry it",
    }],
  );
});

// The warning: ../features_test.ts.
test("openai serializeRequest sends no breakpoint marks to models that cache on their own", () => {
  const body = JSON.parse(
    openai.serializeRequest({ ...hi, system: "S", cache: { breakpoints: ["system", 0] } }),
  );
  assert.deepEqual(body.messages, [
    { role: "system", content: "S" },
    { role: "user", content: "Hi" },
  ]);
});

test("openai serializeRequest sends web search to search models and refuses other tools", () => {
  const warnings: Warning[] = [];
  const body = wire({
    ...hi,
    model: "gpt-4o-search-preview",
    providerTools: [{
      type: "web_search",
      maxUses: 2,
      userLocation: { city: "Paris", country: "FR" },
    }],
  }, warnings);
  assert.deepEqual(body.web_search_options, {
    user_location: { type: "approximate", approximate: { city: "Paris", country: "FR" } },
  });
  assert.deepEqual(warnings, [{
    provider: "openai",
    path: "providerTools[0].maxUses",
    message: "dropped: web_search_options has no such field",
  }]);
  assert.deepEqual(
    wire({ ...hi, model: "gpt-5-search-api", providerTools: [{ type: "web_search" }] })
      .web_search_options,
    {},
  );
  refused(
    { ...hi, providerTools: [{ type: "web_search" }] },
    "providerTools[0]",
    'cannot be sent: "gpt-4o" has no web search (the search models have)',
  );
  refused(
    { ...hi, providerTools: [{ type: "code_execution" }] },
    "providerTools[0]",
    "cannot be sent: Chat Completions has no code_execution tool",
  );
  refused(
    { ...hi, providerTools: [{ type: "web_fetch" }] },
    "providerTools[0]",
    "cannot be sent: Chat Completions has no web_fetch tool",
  );
});

// topP and temperature on reasoning models: ../thinking_test.ts, for both OpenAI dialects. The
// Responses API drops the penalties with a warning instead (not mapped there yet).
test("openai serializeRequest refuses penalties reasoning models do not take", () => {
  refused(
    { ...hi, model: "gpt-5", presencePenalty: 0.5 },
    "presencePenalty",
    'must be unset or 0 for "gpt-5", got 0.5',
  );
  refused(
    { ...hi, model: "gpt-5.1", thinking: "low", frequencyPenalty: 1 },
    "frequencyPenalty",
    'must be unset or 0 for "gpt-5.1" when the reasoning effort is "low", got 1',
  );
  assert.equal(wire({ ...hi, model: "o3", presencePenalty: 0 }).presence_penalty, 0);
  assert.equal(
    wire({ ...hi, model: "gpt-5.1", thinking: "none", frequencyPenalty: 1 }).frequency_penalty,
    1,
  );
});

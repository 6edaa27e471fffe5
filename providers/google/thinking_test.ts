import { test } from "node:test";
import assert from "node:assert/strict";
import type { ChatRequest, Message, Warning } from "../../common/types.ts";
import { google } from "./mod.ts";
import { serializing } from "../../testing/internal/serialize.ts";

const { wire, refused } = serializing(google);

const hi: ChatRequest = { model: "gemini-2.5-flash", messages: [{ role: "user", content: "Hi" }] };

test("google serializeRequest refuses thinking on a model without it", () => {
  refused(
    { ...hi, model: "gemini-2.0-flash", thinking: "low" },
    "thinking",
    '"low" needs a thinking model, got "gemini-2.0-flash"',
  );
  assert.equal(
    wire({ ...hi, model: "gemini-2.0-flash", thinking: "none" }).generationConfig,
    undefined,
  );
});

test("google serializeRequest sends an exact budget within the model's range", () => {
  const config = (request: ChatRequest) => wire(request).generationConfig.thinkingConfig;
  assert.deepEqual(config({ ...hi, thinking: { budgetTokens: 1000 } }), {
    thinkingBudget: 1000,
    includeThoughts: true,
  });
  assert.deepEqual(config({ ...hi, thinking: { budgetTokens: 0 } }), { thinkingBudget: 0 });
  assert.deepEqual(
    config({ ...hi, model: "gemini-3-pro-preview", thinking: { budgetTokens: 1000 } }),
    {
      thinkingBudget: 1000,
      includeThoughts: true,
    },
  );
  refused(
    { ...hi, model: "gemini-2.5-pro", thinking: { budgetTokens: 0 } },
    "thinking.budgetTokens",
    'cannot be 0: "gemini-2.5-pro" cannot turn thinking off',
  );
  refused(
    { ...hi, model: "gemini-2.5-flash-lite", thinking: { budgetTokens: 100 } },
    "thinking.budgetTokens",
    'must be within 512–24576 for "gemini-2.5-flash-lite", got 100',
  );
});

test("google serializeRequest sends an exact level the model takes and refuses others", () => {
  assert.deepEqual(
    wire({ ...hi, model: "gemini-3-flash-preview", thinking: { effort: "minimal" } })
      .generationConfig.thinkingConfig,
    { thinkingLevel: "minimal", includeThoughts: true },
  );
  refused(
    { ...hi, model: "gemini-3-pro-preview", thinking: { effort: "minimal" } },
    "thinking.effort",
    '"minimal" is not a thinking level "gemini-3-pro-preview" takes (low, high)',
  );
  refused(
    { ...hi, thinking: { effort: "low" } },
    "thinking.effort",
    'cannot be sent: "gemini-2.5-flash" takes a thinking budget, not a level',
  );
});

const foreignCalls: Message[] = [
  { role: "user", content: "Weather in Paris and Rome?" },
  {
    role: "assistant",
    provider: "anthropic",
    content: [
      { type: "text", text: "Checking." },
      { type: "tool_call", id: "c1", name: "weather", arguments: { city: "Paris" } },
      { type: "tool_call", id: "c2", name: "weather", arguments: { city: "Rome" } },
    ],
  },
  {
    role: "tool",
    content: [
      { type: "tool_result", toolCallId: "c1", content: "sunny" },
      { type: "tool_result", toolCallId: "c2", content: "rain" },
    ],
  },
];

test("google serializeRequest gives a foreign call the placeholder signature on Gemini 3", () => {
  const warnings: Warning[] = [];
  const body = wire({ ...hi, model: "gemini-3-pro-preview", messages: foreignCalls }, warnings);
  assert.deepEqual(body.contents[1].parts, [
    { text: "Checking." },
    {
      functionCall: { name: "weather", args: { city: "Paris" } },
      thoughtSignature: "skip_thought_signature_validator",
    },
    { functionCall: { name: "weather", args: { city: "Rome" } } },
  ]);
  assert.deepEqual(warnings, [{
    provider: "google",
    path: "messages[1].content[1].signature",
    message: "placeholder thought signature sent: Gemini 3 requires one on a replayed call",
  }]);
  const older = wire({ ...hi, messages: foreignCalls });
  assert.equal(older.contents[1].parts[1].thoughtSignature, undefined);
});

test("google serializeRequest keeps Gemini's own signature on Gemini 3", () => {
  const own: Message[] = [foreignCalls[0], {
    role: "assistant",
    provider: "google",
    content: [{ type: "tool_call", id: "c1", name: "weather", arguments: {}, signature: "real" }],
  }];
  const warnings: Warning[] = [];
  const body = wire({ ...hi, model: "gemini-3-flash-preview", messages: own }, warnings);
  assert.equal(body.contents[1].parts[0].thoughtSignature, "real");
  assert.deepEqual(warnings, []);
});

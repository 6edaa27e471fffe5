import { test } from "node:test";
import assert from "node:assert/strict";
import type { ChatRequest, Message, Warning } from "../../common/types.ts";
import { google } from "./mod.ts";
import { serializing } from "../../testing/internal/serialize.ts";

const { wire, refused } = serializing(google);

const hi: ChatRequest = { model: "gemini-2.5-flash", messages: [{ role: "user", content: "Hi" }] };
const thinking = (model: string, level: ChatRequest["thinking"], warnings?: Warning[]) =>
  wire({ ...hi, model, thinking: level }, warnings).generationConfig.thinkingConfig;

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

test("google serializeRequest maps 2.5 thinking levels to budgets by model prefix", () => {
  const budgets = (model: string) =>
    (["low", "medium", "high"] as const).map((level) => thinking(model, level).thinkingBudget);
  assert.deepEqual(budgets("gemini-2.5-pro"), [11008, 21888, 32768]);
  assert.deepEqual(budgets("gemini-2.5-flash-lite"), [8533, 16554, 24576]);
  assert.deepEqual(budgets("gemini-2.5-flash"), [8192, 16384, 24576]);
  assert.deepEqual(budgets("models/gemini-2.5-flash-preview-09-2025"), [8192, 16384, 24576]);
  assert.deepEqual(budgets("gemini-exp-1206"), [8192, 16384, 24576]);
  assert.deepEqual(thinking("gemini-2.5-pro", "low"), {
    thinkingBudget: 11008,
    includeThoughts: true,
  });
});

test("google serializeRequest turns thinking off with budget 0 where the model allows", () => {
  assert.deepEqual(thinking("gemini-2.5-flash", "none"), { thinkingBudget: 0 });
  assert.deepEqual(thinking("gemini-2.5-flash-lite", "none"), { thinkingBudget: 0 });
});

test("google serializeRequest sends the minimum budget for none on gemini-2.5-pro", () => {
  const warnings: Warning[] = [];
  assert.deepEqual(thinking("gemini-2.5-pro", "none", warnings), { thinkingBudget: 128 });
  assert.deepEqual(warnings, [{
    provider: "google",
    path: "thinking",
    message: '"none" sent as the minimum budget 128: gemini-2.5-pro cannot turn thinking off',
  }]);
});

test("google serializeRequest sends thinkingLevel to Gemini 3", () => {
  const warnings: Warning[] = [];
  assert.deepEqual(thinking("gemini-3-flash-preview", "none", warnings), {
    thinkingLevel: "minimal",
  });
  assert.deepEqual(thinking("gemini-3-flash-preview", "medium"), {
    thinkingLevel: "medium",
    includeThoughts: true,
  });
  assert.deepEqual(thinking("gemini-3-pro-preview", "low"), {
    thinkingLevel: "low",
    includeThoughts: true,
  });
  assert.deepEqual(thinking("gemini-3-pro-preview", "medium", warnings), {
    thinkingLevel: "high",
    includeThoughts: true,
  });
  assert.deepEqual(thinking("gemini-3-pro-preview", "none", warnings), { thinkingLevel: "low" });
  assert.deepEqual(thinking("gemini-3.1-pro-preview", "medium"), {
    thinkingLevel: "medium",
    includeThoughts: true,
  });
  assert.deepEqual(warnings.map((w) => w.message), [
    '"none" sent as "minimal": gemini-3-flash-preview cannot turn thinking off',
    '"medium" sent as "high": gemini-3-pro-preview has no closer level',
    '"none" sent as "low": gemini-3-pro-preview cannot turn thinking off',
  ]);
});

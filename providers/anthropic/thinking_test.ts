import { test } from "node:test";
import assert from "node:assert/strict";
import type { ChatRequest, Message, Warning } from "../../common/types.ts";
import { anthropic } from "./mod.ts";
import { serializing } from "../../testing/internal/serialize.ts";

const { wire, refused } = serializing(anthropic);

const hi: ChatRequest = { model: "claude-sonnet-4-5", messages: [{ role: "user", content: "Hi" }] };

test("anthropic serializeRequest keeps max_tokens within the model's output limit", () => {
  assert.equal(wire({ ...hi, thinking: "high" }).max_tokens, 64000);
  const opus = wire({ ...hi, model: "claude-opus-4-1", thinking: "medium" });
  assert.deepEqual([opus.max_tokens, opus.thinking.budget_tokens], [18944 + 4096, 18944]);
  assert.equal(wire({ ...hi, model: "claude-opus-4-1", thinking: "high" }).max_tokens, 32000);
});

test("anthropic serializeRequest lowers a level's budget to fit an explicit maxOutputTokens", () => {
  const warnings: Warning[] = [];
  const body = wire({ ...hi, thinking: "high", maxOutputTokens: 32000 }, warnings);
  assert.deepEqual([body.max_tokens, body.thinking.budget_tokens], [32000, 27904]);
  assert.deepEqual(warnings, [{
    provider: "anthropic",
    path: "thinking",
    message: 'budget for "high" lowered from 59904 to 27904 tokens to fit maxOutputTokens 32000',
  }]);
  assert.equal(
    wire({ ...hi, thinking: "low", maxOutputTokens: 1500 }).thinking.budget_tokens,
    1024,
  );
  refused(
    { ...hi, thinking: "low", maxOutputTokens: 1024 },
    "maxOutputTokens",
    'must be above 1024 when thinking is "low", got 1024',
  );
});

test("anthropic serializeRequest refuses maxOutputTokens above the model's limit", () => {
  refused(
    { ...hi, maxOutputTokens: 64001 },
    "maxOutputTokens",
    'must be at most 64000 for "claude-sonnet-4-5", got 64001',
  );
  refused(
    { ...hi, model: "claude-3-5-haiku-latest", maxOutputTokens: 15000 },
    "maxOutputTokens",
    'must be at most 8192 for "claude-3-5-haiku-latest", got 15000',
  );
  assert.equal(wire({ ...hi, model: "claude-next", maxOutputTokens: 500000 }).max_tokens, 500000);
});

test("anthropic serializeRequest refuses a budget on a model without extended thinking", () => {
  const haiku = { ...hi, model: "claude-3-5-haiku-20241022" };
  refused(
    { ...haiku, thinking: { budgetTokens: 2048 } },
    "thinking.budgetTokens",
    'cannot be sent: "claude-3-5-haiku-20241022" has no extended thinking',
  );
  assert.deepEqual(wire({ ...haiku, thinking: "none" }), {
    model: "claude-3-5-haiku-20241022",
    max_tokens: 4096,
    messages: [{ role: "user", content: "Hi" }],
  });
});

test("anthropic serializeRequest sends an exact budget as given", () => {
  const body = wire({ ...hi, thinking: { budgetTokens: 5000 } });
  assert.deepEqual([body.max_tokens, body.thinking], [9096, {
    type: "enabled",
    budget_tokens: 5000,
  }]);
  assert.equal(wire({ ...hi, thinking: { budgetTokens: 63000 } }).max_tokens, 64000);
  refused(
    { ...hi, thinking: { budgetTokens: 500 } },
    "thinking.budgetTokens",
    "must be at least 1024, got 500",
  );
  refused(
    { ...hi, thinking: { budgetTokens: 4000 }, maxOutputTokens: 4000 },
    "thinking.budgetTokens",
    "must be below maxOutputTokens 4000, got 4000",
  );
  refused(
    { ...hi, thinking: { budgetTokens: 64000 } },
    "thinking.budgetTokens",
    'must be below 64000, the output limit of "claude-sonnet-4-5", got 64000',
  );
});

test("anthropic serializeRequest sends adaptive thinking and an effort to 4.6 and later", () => {
  const opus = { ...hi, model: "claude-opus-4-6" };
  const body = wire({ ...opus, thinking: "medium" });
  assert.deepEqual([body.max_tokens, body.thinking, body.output_config], [
    128000,
    { type: "adaptive" },
    { effort: "medium" },
  ]);
  assert.deepEqual(wire({ ...opus, thinking: { effort: "max" } }).output_config, { effort: "max" });
  // 4.6 still takes a budget (deprecated); 4.7 refuses it.
  assert.deepEqual(wire({ ...opus, thinking: { budgetTokens: 2048 } }).thinking, {
    type: "enabled",
    budget_tokens: 2048,
  });
  refused(
    { ...hi, model: "claude-opus-4-7", thinking: { budgetTokens: 2048 } },
    "thinking.budgetTokens",
    'cannot be sent: "claude-opus-4-7" takes adaptive thinking with an effort instead',
  );
  refused(
    { ...hi, model: "claude-sonnet-4-6", thinking: { effort: "max" } },
    "thinking.effort",
    '"max" is not an effort "claude-sonnet-4-6" takes (low, medium, high)',
  );
});

test("anthropic serializeRequest sends Opus 4.5's effort without turning thinking on", () => {
  const body = wire({ ...hi, model: "claude-opus-4-5", thinking: { effort: "low" } });
  assert.deepEqual([body.max_tokens, body.thinking, body.output_config], [4096, undefined, {
    effort: "low",
  }]);
  refused(
    { ...hi, thinking: { effort: "low" } },
    "thinking.effort",
    '"low" is not an effort "claude-sonnet-4-5" takes (it takes none)',
  );
});

test("anthropic serializeRequest refuses temperature on models that take none", () => {
  refused(
    { ...hi, model: "claude-opus-4-7", temperature: 0.2 },
    "temperature",
    'must be unset or 1 for "claude-opus-4-7", got 0.2',
  );
  assert.equal(wire({ ...hi, model: "claude-opus-4-7", temperature: 1 }).temperature, 1);
  assert.equal(wire({ ...hi, model: "claude-opus-4-6", temperature: 0.2 }).temperature, 0.2);
});

test("anthropic serializeRequest turns thinking off for models that think by default", () => {
  const sonnet5 = { ...hi, model: "claude-sonnet-5" };
  assert.deepEqual(wire({ ...sonnet5, thinking: "none" }).thinking, { type: "disabled" });
  const warnings: Warning[] = [];
  const always = wire({ ...hi, model: "claude-opus-5-5", thinking: "none" }, warnings);
  assert.deepEqual([always.thinking, always.output_config], [{ type: "adaptive" }, {
    effort: "low",
  }]);
  assert.equal(warnings[0].message, '"none" sent as effort "low": claude-opus-5-5 always thinks');
});

const toolTurn = (provider: "openai" | "anthropic", thinking: boolean): Message[] => [
  { role: "user", content: "Weather?" },
  {
    role: "assistant",
    provider,
    content: [
      ...(thinking ? [{ type: "thinking" as const, text: "t", signature: "sig" }] : []),
      { type: "tool_call", id: "c1", name: "weather", arguments: {} },
    ],
  },
  { role: "tool", content: [{ type: "tool_result", toolCallId: "c1", content: "sunny" }] },
];

test("anthropic serializeRequest turns thinking off when the last tool turn has no thinking block", () => {
  const warnings: Warning[] = [];
  const body = wire({ ...hi, thinking: "high", messages: toolTurn("openai", false) }, warnings);
  assert.equal(body.thinking, undefined);
  assert.equal(body.max_tokens, 64000);
  assert.deepEqual(warnings, [{
    provider: "anthropic",
    path: "messages[1]",
    message:
      "thinking turned off for this request: the last tool-use turn (from openai) has no Anthropic thinking block",
  }]);
  const own = wire({ ...hi, thinking: "high", messages: toolTurn("anthropic", true) });
  assert.equal(own.thinking.type, "enabled");
  assert.deepEqual(
    wire({ ...hi, model: "claude-sonnet-5", messages: toolTurn("openai", false) }).thinking,
    { type: "disabled" },
  );
  refused(
    { ...hi, model: "claude-opus-5-5", messages: toolTurn("openai", false) },
    "messages[1]",
    'cannot be replayed: the last tool-use turn (from openai) has no Anthropic thinking block and "claude-opus-5-5" always thinks',
  );
});

test("anthropic serializeRequest maps thinking levels to the model's budget range", () => {
  const budgets = (model: string) =>
    (["low", "medium", "high"] as const).map((thinking) =>
      wire({ ...hi, model, thinking }).thinking.budget_tokens
    );
  // 1024 up to the output limit less 4096 for the answer: 64000 → 59904, 32000 → 27904.
  assert.deepEqual(budgets("claude-sonnet-4-5-20250929"), [20650, 40277, 59904]);
  assert.deepEqual(budgets("claude-haiku-4-5"), [20650, 40277, 59904]);
  assert.deepEqual(budgets("claude-3-7-sonnet-latest"), [20650, 40277, 59904]);
  assert.deepEqual(budgets("claude-opus-4-1"), [9984, 18944, 27904]);
  assert.deepEqual(budgets("claude-opus-4-20250514"), [9984, 18944, 27904]);
  // Unknown ids keep the permissive 1024–32000 range.
  assert.deepEqual(budgets("claude-next"), [11349, 21674, 32000]);
});

test("anthropic serializeRequest omits thinking for none and unset", () => {
  assert.equal(wire({ ...hi, thinking: "none" }).thinking, undefined);
  assert.equal(wire(hi).thinking, undefined);
});

test("anthropic serializeRequest derives max_tokens from the budget and keeps an explicit one", () => {
  assert.equal(wire(hi).max_tokens, 4096);
  assert.equal(wire({ ...hi, model: "claude-haiku-4-5", thinking: "high" }).max_tokens, 64000);
  assert.equal(wire({ ...hi, model: "claude-next", thinking: "high" }).max_tokens, 32000 + 4096);
  assert.deepEqual(
    [wire({ ...hi, thinking: "low", maxOutputTokens: 30000 })].map((b) => [
      b.max_tokens,
      b.thinking.budget_tokens,
    ]),
    [[30000, 20650]],
  );
});

test("anthropic serializeRequest refuses temperature other than 1 with thinking", () => {
  assert.throws(() => anthropic.serializeRequest({ ...hi, thinking: "low", temperature: 0.5 }), {
    name: "ValidationError",
    path: "temperature",
    message:
      'Cannot serialize request for anthropic: temperature must be unset or 1, got 0.5, when thinking is "low"',
  });
  assert.equal(wire({ ...hi, thinking: "low", temperature: 1 }).temperature, 1);
});

test("anthropic serializeRequest refuses forced tool use with thinking", () => {
  const tools = [{ name: "f", parameters: { type: "object" } }];
  assert.throws(
    () => anthropic.serializeRequest({ ...hi, tools, toolChoice: "required", thinking: "high" }),
    {
      name: "ValidationError",
      path: "toolChoice",
      message:
        'Cannot serialize request for anthropic: toolChoice cannot force tool use when thinking is "high"',
    },
  );
});

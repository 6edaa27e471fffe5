import { test } from "node:test";
import assert from "node:assert/strict";
import type { ChatRequest, Warning } from "../../common/types.ts";
import { anthropic } from "./mod.ts";
import { serializing } from "../../testing/internal/serialize.ts";

const { wire } = serializing(anthropic);

const hi: ChatRequest = { model: "claude-sonnet-4-5", messages: [{ role: "user", content: "Hi" }] };

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

test("anthropic serializeRequest merges consecutive user turns", () => {
  const body = wire({
    ...hi,
    messages: [{ role: "user", content: "a" }, {
      role: "user",
      content: [{ type: "text", text: "b" }],
    }],
  });
  assert.deepEqual(body.messages, [{
    role: "user",
    content: [{ type: "text", text: "a" }, { type: "text", text: "b" }],
  }]);
});

test("anthropic serializeRequest drops another provider's signed blocks with warnings", () => {
  const warnings: Warning[] = [];
  const body = wire({
    ...hi,
    messages: [
      { role: "user", content: "q" },
      {
        role: "assistant",
        provider: "google",
        content: [
          { type: "thinking", text: "t", signature: "g-sig" },
          { type: "text", text: "a", signature: "g-sig2" },
          { type: "tool_call", id: "c1", name: "f", arguments: { x: 1 }, signature: "g-sig3" },
        ],
      },
    ],
  }, warnings);
  assert.deepEqual(body.messages[1].content, [
    { type: "text", text: "a" },
    { type: "tool_use", id: "c1", name: "f", input: { x: 1 } },
  ]);
  assert.deepEqual(warnings.map((w) => w.path), [
    "messages[1].content[0]",
    "messages[1].content[1].signature",
    "messages[1].content[2].signature",
  ]);
});

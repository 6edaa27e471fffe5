import { test } from "node:test";
import assert from "node:assert/strict";
import type { ChatRequest, Warning } from "../../common/types.ts";
import { anthropic } from "./mod.ts";
import { serializing } from "../../testing/internal/serialize.ts";

const { wire } = serializing(anthropic);

const hi: ChatRequest = { model: "claude-sonnet-4-5", messages: [{ role: "user", content: "Hi" }] };

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

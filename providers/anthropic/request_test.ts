import { test } from "node:test";
import assert from "node:assert/strict";
import type { ChatRequest } from "../../common/types.ts";
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

import { test } from "node:test";
import assert from "node:assert/strict";
import type { ChatRequest } from "../../common/types.ts";
import { isOpenAIReasoningModel, openai } from "./mod.ts";
import { serializing } from "../../testing/internal/serialize.ts";

const { wire } = serializing(openai);

const hi: ChatRequest = { model: "gpt-4o", messages: [{ role: "user", content: "Hi" }] };

test("isOpenAIReasoningModel knows o-series and gpt-5 names", () => {
  for (
    const model of [
      "o1",
      "o1-mini",
      "o3",
      "o3-2025-04-16",
      "o4-mini",
      "o3_pro",
      "gpt-5",
      "gpt-5-mini",
      "gpt-5.1",
    ]
  ) {
    assert.ok(isOpenAIReasoningModel(model), model);
  }
  for (const model of ["gpt-4o", "gpt-4.1", "o30", "omni", "gpt-5-chat-latest", "gpt-50"]) {
    assert.ok(!isOpenAIReasoningModel(model), model);
  }
});

test("openai serializeRequest joins several assistant texts as content parts", () => {
  const body = wire({
    ...hi,
    messages: [{ role: "user", content: "q" }, {
      role: "assistant",
      content: [{ type: "text", text: "a" }, { type: "text", text: "b" }],
    }],
  });
  assert.deepEqual(body.messages[1], {
    role: "assistant",
    content: [{ type: "text", text: "a" }, { type: "text", text: "b" }],
  });
});

import { test } from "node:test";
import assert from "node:assert/strict";
import type { ChatRequest, Warning } from "../../common/types.ts";
import { openaiResponses } from "./mod.ts";

const hi = (model: string, topP: number): ChatRequest => ({
  model,
  messages: [{ role: "user", content: "Hi" }],
  topP,
});

test("openai-responses serializeRequest sends topP as top_p without a warning", () => {
  const warnings: Warning[] = [];
  const body = JSON.parse(openaiResponses.serializeRequest(hi("gpt-4.1", 0.5), { warnings }));
  assert.equal(body.top_p, 0.5);
  assert.deepEqual(warnings, []);
});

test("openai-responses serializeRequest refuses a topP other than 1 on a reasoning model", () => {
  assert.throws(() => openaiResponses.serializeRequest(hi("o3", 0.5)), {
    name: "ValidationError",
    provider: "openai-responses",
    path: "topP",
    message:
      'Cannot serialize request for openai-responses: topP must be unset or 1 for "o3", got 0.5',
  });
  assert.equal(JSON.parse(openaiResponses.serializeRequest(hi("o3", 1))).top_p, 1);
});

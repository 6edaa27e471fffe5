import { test } from "node:test";
import assert from "node:assert/strict";
import type { Message, Warning } from "../../common/types.ts";
import { anthropic } from "./mod.ts";

// A turn replayed from another provider: tool use without an Anthropic thinking block.
const replayed: Message[] = [
  { role: "user", content: "Weather?" },
  {
    role: "assistant",
    provider: "openai",
    content: [{ type: "tool_call", id: "c1", name: "weather", arguments: {} }],
  },
  { role: "tool", content: [{ type: "tool_result", toolCallId: "c1", content: "sunny" }] },
];
const tools = [{ name: "weather", parameters: { type: "object", properties: {} } }];

test("anthropic lets tool use be forced once the tool-turn rule turned default thinking off", () => {
  const warnings: Warning[] = [];
  const body = JSON.parse(anthropic.serializeRequest({
    model: "claude-sonnet-5",
    messages: replayed,
    tools,
    toolChoice: "required",
  }, { warnings }));
  assert.deepEqual(body.thinking, { type: "disabled" });
  assert.deepEqual(body.tool_choice, { type: "any" });
  assert.deepEqual(warnings.map((w) => w.path), ["messages[1]"]);
});

import { test } from "node:test";
import assert from "node:assert/strict";
import { anthropic } from "./mod.ts";
import type { ChatRequest } from "../../common/types.ts";

const beta = (request: ChatRequest) =>
  anthropic.buildHttpRequest(request, { apiKey: "k" }).headers["anthropic-beta"];

test("anthropic buildHttpRequest adds no Files API beta for tool arguments that look like a file source", () => {
  const request: ChatRequest = {
    model: "claude-sonnet-4-5",
    messages: [
      { role: "user", content: "read it" },
      {
        role: "assistant",
        content: [{
          type: "tool_call",
          id: "t1",
          name: "read",
          arguments: { source: { type: "file", path: "/a" } },
        }],
      },
      { role: "tool", content: [{ type: "tool_result", toolCallId: "t1", content: "ok" }] },
    ],
    tools: [{ name: "read", description: "r", parameters: { type: "object" } }],
  };
  assert.match(anthropic.serializeRequest(request), /"source":\{"type":"file"/);
  assert.equal(beta(request), undefined);
});

test("anthropic buildHttpRequest adds the Files API beta for a file document in a later user turn", () => {
  const request: ChatRequest = {
    model: "claude-sonnet-4-5",
    messages: [
      { role: "user", content: "hello" },
      { role: "assistant", content: "hi" },
      {
        role: "user",
        content: [{ type: "text", text: "see" }, { type: "document", fileId: "file_1" }],
      },
    ],
  };
  assert.equal(beta(request), "files-api-2025-04-14");
});

// The request features only the Responses dialect handles its own way (the rest: ../features_test.ts).
import { test } from "node:test";
import assert from "node:assert/strict";
import { type ChatRequest, openaiResponses, type Warning } from "../../mod.ts";
import { serializing } from "../../testing/internal/serialize.ts";

const { wire, refused } = serializing(openaiResponses);
const hi: ChatRequest = { model: "gpt-4o", messages: [{ role: "user", content: "Hi" }] };

test("openai-responses serializeRequest sends web search and code execution as its tools", () => {
  // platform.openai.com/docs/guides/tools-web-search, .../tools-code-interpreter
  const warnings: Warning[] = [];
  const body = wire({
    ...hi,
    tools: [{ name: "f", parameters: { type: "object" } }],
    providerTools: [
      {
        type: "web_search",
        allowedDomains: ["who.int"],
        userLocation: { country: "FR", city: "Paris" },
      },
      { type: "code_execution" },
    ],
  }, warnings);
  assert.deepEqual(body.tools.slice(1), [
    {
      type: "web_search",
      filters: { allowed_domains: ["who.int"] },
      user_location: { type: "approximate", country: "FR", city: "Paris" },
    },
    { type: "code_interpreter", container: { type: "auto" } },
  ]);
  assert.equal(body.tools[0].type, "function");
  assert.deepEqual(warnings, []);
});

test("openai-responses serializeRequest refuses web search options it has no field for", () => {
  for (const field of ["maxUses", "blockedDomains"] as const) {
    refused(
      {
        ...hi,
        providerTools: [{ type: "web_search", [field]: field === "maxUses" ? 3 : ["x.com"] }],
      },
      `providerTools[0].${field}`,
      "cannot be sent: the web_search tool has no such field",
    );
  }
});

test("openai-responses serializeRequest refuses web fetch, which it does not run", () => {
  refused(
    { ...hi, providerTools: [{ type: "web_search" }, { type: "web_fetch" }] },
    "providerTools[1]",
    "cannot be sent: the Responses API has no web_fetch tool",
  );
});

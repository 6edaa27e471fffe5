import { test } from "node:test";
import assert from "node:assert/strict";
import { type ChatRequest, openaiResponses, type Warning } from "../../mod.ts";
import { serializing } from "../../testing/internal/serialize.ts";

const { wire, refused } = serializing(openaiResponses);
const hi: ChatRequest = { model: "gpt-4o", messages: [{ role: "user", content: "Hi" }] };

test("openaiResponses serializeRequest writes the features the Responses API has a field for", () => {
  const warnings: Warning[] = [];
  const body = wire({
    ...hi,
    parallelToolCalls: false,
    userId: "user-1",
    system: "Answer from the docs.",
    cache: { key: "docs-v1", breakpoints: ["system"] },
    seed: 7,
    providerOptions: { "openai-responses": { service_tier: "flex" } },
  }, warnings);
  assert.equal(body.parallel_tool_calls, false);
  assert.equal(body.safety_identifier, "user-1");
  assert.equal(body.prompt_cache_key, "docs-v1");
  assert.equal(body.service_tier, "flex");
  assert.equal(body.seed, undefined);
  assert.deepEqual(warnings, [
    {
      provider: "openai-responses",
      path: "cache",
      message: "breakpoints and ttl dropped: OpenAI caches prefixes itself",
    },
    {
      provider: "openai-responses",
      path: "seed",
      message: "dropped: not mapped for the Responses API yet",
    },
  ]);
});

test("openaiResponses serializeRequest sends structured output as text.format", () => {
  const schema = { type: "object", properties: { n: { type: "integer" } }, required: ["n"] };
  const body = wire({ ...hi, structuredOutput: { name: "answer", schema, strict: true } });
  assert.deepEqual(body.text, {
    // Strict mode closes every object (the API refuses an open one: ../strict_output_test.ts).
    format: {
      type: "json_schema",
      name: "answer",
      schema: { ...schema, additionalProperties: false },
      strict: true,
    },
  });
});

test("openaiResponses serializeRequest sends web search and code execution as its tools", () => {
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
        maxUses: 3,
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
  assert.deepEqual(warnings, [{
    provider: "openai-responses",
    path: "providerTools[0].maxUses",
    message: "dropped: the web_search tool has no such field",
  }]);
});

test("openaiResponses serializeRequest refuses web fetch, which it does not run", () => {
  refused(
    { ...hi, providerTools: [{ type: "web_search" }, { type: "web_fetch" }] },
    "providerTools[1]",
    "cannot be sent: the Responses API has no web_fetch tool",
  );
});

test("openaiResponses serializeRequest sends a PDF as an input_file part", () => {
  const body = wire({
    ...hi,
    messages: [{
      role: "user",
      content: [{
        type: "document",
        mediaType: "application/pdf",
        data: "JVBERi0=",
        title: "a.pdf",
      }, {
        type: "text",
        text: "Summarize",
      }],
    }],
  });
  assert.deepEqual(body.input[0].content, [
    { type: "input_file", filename: "a.pdf", file_data: "data:application/pdf;base64,JVBERi0=" },
    { type: "input_text", text: "Summarize" },
  ]);
});

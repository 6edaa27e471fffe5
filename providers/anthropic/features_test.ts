// The request features on the Messages API: structured output, caching, documents, server tools,
// sampling, parallel tool use and user id (provider options: ../features_test.ts).
import { test } from "node:test";
import assert from "node:assert/strict";
import type { ChatRequest, Warning } from "../../common/types.ts";
import { anthropic } from "./mod.ts";
import { doc, serializing } from "../../testing/internal/serialize.ts";

const { wire, warned, refused } = serializing(anthropic);

const hi: ChatRequest = { model: "claude-sonnet-4-5", messages: [{ role: "user", content: "Hi" }] };
const tools = [{ name: "f", parameters: { type: "object" } }];
const schema = {
  type: "object",
  properties: {
    age: { type: "integer", minimum: 0 },
    tags: { type: "array", items: { type: "string" } },
  },
  required: ["age"],
};
const output = { name: "person", schema };
const PDF = "JVBERi0xLjQ=";

test("anthropic serializeRequest sends structured output as output_config.format", () => {
  const warnings: Warning[] = [];
  const body = wire({ ...hi, structuredOutput: output }, warnings);
  assert.deepEqual(body.output_config, {
    format: {
      type: "json_schema",
      schema: {
        type: "object",
        properties: {
          age: { type: "integer", description: "{minimum: 0}" },
          tags: { type: "array", items: { type: "string" } },
        },
        required: ["age"],
        additionalProperties: false,
      },
    },
  });
  assert.deepEqual(warnings, [{
    provider: "anthropic",
    path: "structuredOutput.schema.properties.age.minimum",
    message: "moved to the description: Anthropic structured outputs cannot enforce it",
  }]);
});

test("anthropic serializeRequest keeps the effort beside the format in output_config", () => {
  const body = wire({ ...hi, model: "claude-opus-4-6", thinking: "low", structuredOutput: output });
  assert.equal(body.output_config.effort, "low");
  assert.equal(body.output_config.format.type, "json_schema");
});

test("anthropic serializeRequest fits a structured output schema to Anthropic's subset", () => {
  const warnings: Warning[] = [];
  const body = wire({
    ...hi,
    structuredOutput: {
      name: "o",
      schema: {
        type: "object",
        description: "A thing",
        properties: {
          id: { type: "string", format: "uuid" },
          code: { type: "string", pattern: "^[A-Z]+$", format: "iso-3166" },
          kind: { oneOf: [{ type: "string", enum: ["a"] }, { $ref: "#/$defs/n" }] },
          extra: { type: "object", additionalProperties: true },
        },
        $defs: { n: { type: "number", minItems: 1 } },
        additionalProperties: false,
      },
    },
  }, warnings);
  assert.deepEqual(body.output_config.format.schema, {
    type: "object",
    description: "A thing",
    properties: {
      id: { type: "string", format: "uuid" },
      code: { type: "string", description: '{pattern: "^[A-Z]+$", format: "iso-3166"}' },
      kind: { anyOf: [{ type: "string", enum: ["a"] }, { $ref: "#/$defs/n" }] },
      extra: { type: "object", additionalProperties: false },
    },
    $defs: { n: { type: "number", minItems: 1 } },
    additionalProperties: false,
  });
  assert.deepEqual(warnings.map((w) => w.path), [
    "structuredOutput.schema.properties.code.pattern",
    "structuredOutput.schema.properties.code.format",
    "structuredOutput.schema.properties.kind.oneOf",
    "structuredOutput.schema.properties.extra.additionalProperties",
  ]);
});

test("anthropic serializeRequest forces a tool for structured output on models without the format", () => {
  const body = wire({ ...hi, model: "claude-sonnet-4-20250514", structuredOutput: output });
  assert.deepEqual(body.tools, [{ name: "person", input_schema: schema }]);
  assert.deepEqual(body.tool_choice, { type: "tool", name: "person" });
  assert.equal(body.output_config, undefined);
});

test("anthropic serializeRequest refuses a forced-tool structured output it cannot force", () => {
  const old = { ...hi, model: "claude-3-7-sonnet-latest", structuredOutput: output };
  const why =
    `"claude-3-7-sonnet-latest" has no output_config.format, and a forced tool cannot carry it`;
  refused({ ...old, tools }, "structuredOutput", `cannot be sent beside tools: ${why}`);
  refused(
    { ...old, providerTools: [{ type: "web_search" }] },
    "structuredOutput",
    `cannot be sent beside providerTools: ${why}`,
  );
  refused(
    { ...old, toolChoice: "none" },
    "structuredOutput",
    `cannot be sent beside toolChoice: ${why}`,
  );
  refused(
    { ...old, thinking: "low" },
    "structuredOutput",
    `cannot be sent with thinking on: ${why}`,
  );
  refused(
    { ...old, model: "claude-fable-5" },
    "structuredOutput",
    `cannot be sent with thinking on: "claude-fable-5" has no output_config.format, and a forced tool cannot carry it`,
  );
});

// With a TTL: ../features_test.ts.
test("anthropic serializeRequest asks for whole-prompt caching when no breakpoint is given", () => {
  assert.deepEqual(wire({ ...hi, cache: {} }).cache_control, { type: "ephemeral" });
});

test("anthropic serializeRequest marks the tools, system and message breakpoints", () => {
  const body = wire({
    ...hi,
    system: "S",
    tools: [...tools, { name: "g", parameters: { type: "object" } }],
    messages: [
      { role: "user", content: "Hi" },
      { role: "assistant", content: [{ type: "text", text: "Yes" }] },
      { role: "user", content: [{ type: "text", text: "a" }, { type: "text", text: "b" }] },
    ],
    cache: { breakpoints: ["tools", "system", 0, 2], ttl: "5m" },
  });
  const control = { type: "ephemeral", ttl: "5m" };
  assert.equal(body.cache_control, undefined);
  assert.deepEqual(body.system, [{ type: "text", text: "S", cache_control: control }]);
  assert.deepEqual(body.tools.map((t: { cache_control?: unknown }) => t.cache_control), [
    undefined,
    control,
  ]);
  assert.deepEqual(body.messages[0].content, [{
    type: "text",
    text: "Hi",
    cache_control: control,
  }]);
  assert.deepEqual(body.messages[1].content, [{ type: "text", text: "Yes" }]);
  assert.deepEqual(body.messages[2].content, [
    { type: "text", text: "a" },
    { type: "text", text: "b", cache_control: control },
  ]);
});

test("anthropic serializeRequest marks a breakpoint on a tool turn merged into a user turn", () => {
  const body = wire({
    ...hi,
    tools,
    messages: [
      { role: "user", content: "Hi" },
      { role: "assistant", content: [{ type: "tool_call", id: "c", name: "f", arguments: {} }] },
      { role: "tool", content: [{ type: "tool_result", toolCallId: "c", content: "ok" }] },
      { role: "user", content: "Thanks" },
    ],
    cache: { breakpoints: [2] },
  });
  assert.deepEqual(body.messages[2].content, [
    { type: "tool_result", tool_use_id: "c", content: "ok", cache_control: { type: "ephemeral" } },
    { type: "text", text: "Thanks" },
  ]);
});

test("anthropic serializeRequest does not write cache_control into a replayed provider block", () => {
  const data = { type: "web_search_tool_result", tool_use_id: "s", content: [] };
  const body = wire({
    ...hi,
    messages: [
      { role: "user", content: "Hi" },
      {
        role: "assistant",
        provider: "anthropic",
        content: [{ type: "provider", provider: "anthropic", blockType: data.type, data }],
      },
      { role: "user", content: "More" },
    ],
    cache: { breakpoints: [1] },
  });
  assert.deepEqual(body.messages[1].content[0].cache_control, { type: "ephemeral" });
  assert.equal("cache_control" in data, false);
});

test("anthropic serializeRequest reports cache settings it cannot place", () => {
  assert.deepEqual(
    warned({
      ...hi,
      messages: [
        { role: "user", content: "Hi" },
        { role: "assistant", provider: "openai", content: [{ type: "thinking", text: "t" }] },
        { role: "user", content: "More" },
      ],
      cache: { breakpoints: [1], key: "k" },
    }).filter((w) => w.path.startsWith("cache")),
    [
      {
        provider: "anthropic",
        path: "cache.breakpoints",
        message: "breakpoint at message 1 dropped: nothing in that turn can be sent to Anthropic",
      },
      {
        provider: "anthropic",
        path: "cache.key",
        message: "dropped: Anthropic caches by prefix, with no key",
      },
    ],
  );
});

test("anthropic serializeRequest sends documents by base64, text, URL and file id", () => {
  const text = btoa(String.fromCharCode(...new TextEncoder().encode("Café notes")));
  const body = wire({
    ...hi,
    messages: [{
      role: "user",
      content: [
        { type: "document", mediaType: "application/pdf", data: PDF, title: "Report" },
        { type: "document", mediaType: "text/plain", data: text },
        { type: "document", url: "https://a.example/r.pdf" },
        { type: "document", fileId: "file_011CNha8iCJcU1wXNR6q4V8w" },
        { type: "text", text: "Summarize" },
      ],
    }],
  });
  assert.deepEqual(body.messages[0].content, [
    {
      type: "document",
      source: { type: "base64", media_type: "application/pdf", data: PDF },
      title: "Report",
    },
    { type: "document", source: { type: "text", media_type: "text/plain", data: "Café notes" } },
    { type: "document", source: { type: "url", url: "https://a.example/r.pdf" } },
    { type: "document", source: { type: "file", file_id: "file_011CNha8iCJcU1wXNR6q4V8w" } },
    { type: "text", text: "Summarize" },
  ]);
});

test("anthropic buildHttpRequest adds the Files API beta only for a document by file id", () => {
  const headers = (request: ChatRequest) =>
    anthropic.buildHttpRequest(request, { apiKey: "k" }).headers["anthropic-beta"];
  assert.equal(headers(doc(hi, { fileId: "file_1" })), "files-api-2025-04-14");
  assert.equal(headers(doc(hi, { url: "https://a.example/r.pdf" })), undefined);
});

test("anthropic serializeRequest refuses documents Anthropic cannot read", () => {
  const at = "messages[0].content[0]";
  refused(
    doc(hi, { mediaType: "text/csv", data: "YQ==" }),
    `${at}.mediaType`,
    'must be "application/pdf" or "text/plain", got "text/csv"',
  );
  refused(
    doc(hi, { url: "https://a.example/a.txt", mediaType: "text/plain" }),
    `${at}.mediaType`,
    'must be "application/pdf" for a URL, got "text/plain"',
  );
  refused(doc(hi, { mediaType: "text/plain", data: "%%%" }), `${at}.data`, "is not valid base64");
  refused(doc(hi, { mediaType: "text/plain", data: "/w==" }), `${at}.data`, "is not UTF-8 text");
});

test("anthropic serializeRequest sends provider tools as server tools after the client tools", () => {
  const body = wire({
    ...hi,
    tools,
    providerTools: [
      {
        type: "web_search",
        maxUses: 3,
        allowedDomains: ["a.example"],
        userLocation: { city: "Paris", country: "FR", timezone: "Europe/Paris" },
      },
      { type: "web_fetch", blockedDomains: ["b.example"] },
      { type: "code_execution" },
    ],
    cache: { breakpoints: ["tools"] },
  });
  assert.deepEqual(body.tools, [
    { name: "f", input_schema: { type: "object" } },
    {
      type: "web_search_20250305",
      name: "web_search",
      max_uses: 3,
      allowed_domains: ["a.example"],
      user_location: {
        type: "approximate",
        city: "Paris",
        country: "FR",
        timezone: "Europe/Paris",
      },
    },
    { type: "web_fetch_20250910", name: "web_fetch", blocked_domains: ["b.example"] },
    {
      type: "code_execution_20250825",
      name: "code_execution",
      cache_control: { type: "ephemeral" },
    },
  ]);
});

test("anthropic serializeRequest refuses server tools that clash or take both domain lists", () => {
  refused(
    {
      ...hi,
      tools: [{ name: "web_search", parameters: { type: "object" } }],
      providerTools: [{ type: "web_search" }],
    },
    "providerTools[0]",
    '"web_search" is also the name of tools[0]',
  );
  refused(
    { ...hi, providerTools: [{ type: "web_fetch", allowedDomains: [], blockedDomains: [] }] },
    "providerTools[0]",
    "takes allowedDomains or blockedDomains, not both",
  );
});

test("anthropic serializeRequest refuses sampling the model or thinking does not take", () => {
  refused(
    { ...hi, temperature: 0.5, topP: 0.9 },
    "topP",
    'cannot be set beside temperature for "claude-sonnet-4-5": set one',
  );
  assert.equal(wire({ ...hi, topP: 0.9 }).top_p, 0.9);
  refused(
    { ...hi, thinking: "low", topP: 0.9 },
    "topP",
    "must be from 0.95 to 1 when thinking is on",
  );
  assert.equal(wire({ ...hi, thinking: "low", topP: 0.95 }).top_p, 0.95);
  refused({ ...hi, thinking: "low", topK: 5 }, "topK", "cannot be sent when thinking is on");
  const opus = { ...hi, model: "claude-opus-4-7" };
  refused({ ...opus, topP: 0.9 }, "topP", 'must be unset or at least 0.99 for "claude-opus-4-7"');
  assert.equal(wire({ ...opus, topP: 0.99 }).top_p, 0.99);
  refused({ ...opus, topK: 5 }, "topK", 'cannot be sent: "claude-opus-4-7" refuses it');
});

// With the automatic tool choice: ../features_test.ts.
test("anthropic serializeRequest maps parallelToolCalls false to disable_parallel_tool_use in every tool choice", () => {
  const choice = (request: Partial<ChatRequest>) =>
    wire({ ...hi, tools, parallelToolCalls: false, ...request }).tool_choice;
  assert.deepEqual(choice({ toolChoice: "required" }), {
    type: "any",
    disable_parallel_tool_use: true,
  });
  assert.deepEqual(choice({ toolChoice: { name: "f" } }), {
    type: "tool",
    name: "f",
    disable_parallel_tool_use: true,
  });
  assert.deepEqual(choice({ toolChoice: "none" }), { type: "none" });
  assert.deepEqual(
    choice({ model: "claude-3-7-sonnet-latest", tools: undefined, structuredOutput: output }),
    { type: "tool", name: "person", disable_parallel_tool_use: true },
  );
});

// The request features on Gemini generateContent: structured output, caching, documents,
// built-in tools, sampling, parallel tool calls, user id and provider options.
import { test } from "node:test";
import assert from "node:assert/strict";
import type { ChatRequest, Warning } from "../../common/types.ts";
import { google } from "./mod.ts";
import { serializing } from "../../testing/internal/serialize.ts";

const { wire, warned, refused } = serializing(google);

const hi: ChatRequest = { model: "gemini-2.5-flash", messages: [{ role: "user", content: "Hi" }] };
const gemini3 = { ...hi, model: "gemini-3-flash-preview" };
const tools = [{ name: "f", parameters: { type: "object" } }];
const PDF = "JVBERi0xLjQ=";

test("google serializeRequest sends structured output in Gemini's schema dialect", () => {
  const warnings: Warning[] = [];
  const config = wire({
    ...hi,
    structuredOutput: {
      name: "person",
      schema: {
        type: "object",
        properties: {
          name: { type: ["string", "null"] },
          age: { type: "integer", exclusiveMinimum: 0 },
        },
        required: ["age"],
        additionalProperties: false,
      },
    },
  }, warnings).generationConfig;
  assert.deepEqual(config, {
    responseMimeType: "application/json",
    responseSchema: {
      type: "object",
      properties: {
        name: { type: "string", nullable: true },
        age: { type: "integer", minimum: 0 },
      },
      required: ["age"],
    },
  });
  assert.deepEqual(warnings, [{
    provider: "google",
    path: "structuredOutput.schema.properties.age.exclusiveMinimum",
    message: "sent as an inclusive bound: Gemini has no exclusive bounds",
  }]);
});

test("google serializeRequest refuses a schema Gemini cannot express, naming its path", () => {
  refused(
    { ...hi, structuredOutput: { name: "o", schema: { type: "object", not: {} } } },
    "structuredOutput.schema.not",
    "is not supported by Gemini's schema dialect",
  );
});

test("google serializeRequest combines a response schema with tools on Gemini 3 only", () => {
  const structuredOutput = { name: "o", schema: { type: "object" } };
  const body = wire({ ...gemini3, tools, structuredOutput });
  assert.equal(body.generationConfig.responseMimeType, "application/json");
  assert.equal(body.tools[0].functionDeclarations[0].name, "f");
  refused(
    { ...hi, tools, structuredOutput },
    "structuredOutput",
    'cannot be sent beside tools: "gemini-2.5-flash" takes a response schema or tools, not both',
  );
  refused(
    { ...hi, providerTools: [{ type: "web_search" }], structuredOutput },
    "structuredOutput",
    'cannot be sent beside tools: "gemini-2.5-flash" takes a response schema or tools, not both',
  );
});

test("google serializeRequest sends built-in tools and reports options they lack", () => {
  const warnings: Warning[] = [];
  const body = wire({
    ...hi,
    providerTools: [
      { type: "web_search", allowedDomains: ["a.example"], userLocation: { city: "Paris" } },
      { type: "web_fetch", maxUses: 2 },
      { type: "code_execution" },
    ],
  }, warnings);
  assert.deepEqual(body.tools, [{ googleSearch: {} }, { urlContext: {} }, { codeExecution: {} }]);
  assert.deepEqual(warnings.map((w) => [w.path, w.message]), [
    ["providerTools[0].allowedDomains", "dropped: googleSearch has no such field"],
    ["providerTools[0].userLocation", "dropped: googleSearch has no such field"],
    ["providerTools[1].maxUses", "dropped: urlContext has no such field"],
  ]);
});

test("google serializeRequest puts built-in tools beside function declarations on Gemini 3 only", () => {
  assert.deepEqual(wire({ ...gemini3, tools, providerTools: [{ type: "web_search" }] }).tools, [
    { functionDeclarations: [{ name: "f", parameters: { type: "object" } }] },
    { googleSearch: {} },
  ]);
  refused(
    { ...hi, tools, providerTools: [{ type: "web_search" }] },
    "providerTools",
    'cannot be sent beside tools: "gemini-2.5-flash" takes built-in tools or function declarations, not both',
  );
});

test("google serializeRequest sends documents as inlineData and fileData", () => {
  const warnings: Warning[] = [];
  const body = wire({
    ...hi,
    messages: [{
      role: "user",
      content: [
        { type: "document", mediaType: "application/pdf", data: PDF, title: "Report" },
        { type: "document", mediaType: "text/plain", data: btoa("notes") },
        { type: "document", url: "https://a.example/r.pdf", mediaType: "application/pdf" },
        {
          type: "document",
          fileId: "https://generativelanguage.googleapis.com/v1beta/files/abc",
          mediaType: "application/pdf",
        },
      ],
    }],
  }, warnings);
  assert.deepEqual(body.contents[0].parts, [
    { inlineData: { mimeType: "application/pdf", data: PDF } },
    { inlineData: { mimeType: "text/plain", data: btoa("notes") } },
    { fileData: { mimeType: "application/pdf", fileUri: "https://a.example/r.pdf" } },
    {
      fileData: {
        mimeType: "application/pdf",
        fileUri: "https://generativelanguage.googleapis.com/v1beta/files/abc",
      },
    },
  ]);
  assert.deepEqual(warnings, [{
    provider: "google",
    path: "messages[0].content[0].title",
    message: "dropped: Gemini parts carry no title",
  }]);
  refused(
    {
      ...hi,
      messages: [{ role: "user", content: [{ type: "document", url: "https://a.example/r.pdf" }] }],
    },
    "messages[0].content[0].mediaType",
    "is required for a document by URL or file",
  );
});

// What Gemini has no field for (parallelToolCalls, userId, cache settings) is warned of in
// ../features_test.ts's tables.
test("google serializeRequest takes an empty cache setting without a warning", () => {
  assert.deepEqual(warned({ ...hi, cache: {} }), []);
});

test("google serializeRequest merges safety settings and a cached content name", () => {
  const body = wire({
    ...hi,
    temperature: 0.5,
    providerOptions: {
      google: {
        safetySettings: [{ category: "HARM_CATEGORY_HATE_SPEECH", threshold: "BLOCK_ONLY_HIGH" }],
        cachedContent: "cachedContents/abc123",
        generationConfig: { responseModalities: ["TEXT"] },
      },
      anthropic: { service_tier: "auto" },
    },
  });
  assert.deepEqual(body.safetySettings, [
    { category: "HARM_CATEGORY_HATE_SPEECH", threshold: "BLOCK_ONLY_HIGH" },
  ]);
  assert.equal(body.cachedContent, "cachedContents/abc123");
  assert.deepEqual(body.generationConfig, { temperature: 0.5, responseModalities: ["TEXT"] });
  assert.equal(body.service_tier, undefined);
});

test("google serializeRequest refuses a cached content name beside system or tools", () => {
  const cached = { providerOptions: { google: { cachedContent: "cachedContents/abc" } } };
  const detail = (field: string) =>
    `cannot be sent beside ${field}: the cache holds the system instruction and tools`;
  const at = "providerOptions.google.cachedContent";
  refused({ ...hi, ...cached, system: "S" }, at, detail("system"));
  refused({ ...hi, ...cached, tools }, at, detail("tools"));
  refused(
    { ...hi, ...cached, providerTools: [{ type: "code_execution" }] },
    at,
    detail("providerTools"),
  );
  const body = wire({
    ...hi,
    ...cached,
    structuredOutput: { name: "o", schema: { type: "object" } },
  });
  assert.equal(body.cachedContent, "cachedContents/abc");
});

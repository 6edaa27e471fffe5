// The Converse request: its fields, Claude's thinking budget, cache points, documents and images,
// tool choice, and what a replayed conversation keeps: Claude's signed reasoning (made on
// Anthropic's API or on Bedrock) goes back to Claude on Bedrock intact, and to no other model.
import { test } from "node:test";
import assert from "node:assert/strict";
import { anthropic } from "../anthropic/mod.ts";
import type { ChatRequest, Warning } from "../../common/types.ts";
import { readFixture } from "../../testing/internal/fixtures.ts";
import type { WireBody } from "../../testing/internal/serialize.ts";
import { bedrock } from "./mod.ts";

const CLAUDE = "us.anthropic.claude-sonnet-4-5-20250929-v1:0";
const NOVA = "amazon.nova-pro-v1:0";

function wire(request: ChatRequest): { body: WireBody; warnings: Warning[] } {
  const warnings: Warning[] = [];
  return { body: JSON.parse(bedrock.serializeRequest(request, { warnings })), warnings };
}

// A conversation whose assistant turn was answered by Anthropic's own API.
function replayed(model: string): ChatRequest {
  const answer = anthropic.parseResponse(readFixture("anthropic/thinking.json"));
  return {
    model,
    messages: [
      { role: "user", content: "What is 27 × 453?" },
      { role: "assistant", content: answer.content, provider: answer.provider },
      { role: "user", content: "And doubled?" },
    ],
  };
}

test("bedrock serializeRequest replays Anthropic's signed thinking to Claude on Bedrock intact", () => {
  const { body, warnings } = wire(replayed(CLAUDE));
  assert.deepEqual(warnings, []);
  assert.deepEqual(body.messages[1].content, [
    {
      reasoningContent: {
        reasoningText: {
          text: "The user asks for 27 * 453. 27 * 453 = 27 * 400 + 27 * 53 = 10800 + 1431 = 12231.",
          signature: "EqQBCgIYAhIM1gbcDa9GJwZA2b3hGgxBdjrkzLoky3dl1pkiMOYds",
        },
      },
    },
    {
      reasoningContent: {
        redactedContent:
          "EmwKAhgBEgy3va3pzix/LafPsn4aDFIT2Xlxh0L5L8rLVyIwxtE3rAFBa8cr3qpPkNRj2YfWXGmKDxH4mPnZ5sQ7vB5URj",
      },
    },
    { text: "27 × 453 = 12,231." },
  ]);
});

test("bedrock serializeRequest drops Claude's thinking for another Bedrock model with a warning each", () => {
  const { body, warnings } = wire(replayed(NOVA));
  assert.deepEqual(body.messages[1].content, [{ text: "27 × 453 = 12,231." }]);
  assert.deepEqual(warnings.map((w) => w.path), [
    "messages[1].content[0]",
    "messages[1].content[1]",
  ]);
  assert.match(
    warnings[0].message,
    /^reasoning from anthropic dropped: Bedrock takes back only Claude's/,
  );
});

test("bedrock serializeRequest drops another provider's reasoning even for Claude", () => {
  const { body, warnings } = wire({
    model: CLAUDE,
    messages: [
      { role: "user", content: "Hi" },
      {
        role: "assistant",
        provider: "google",
        content: [{ type: "thinking", text: "hmm", signature: "g" }, {
          type: "text",
          text: "Hello",
        }],
      },
    ],
  });
  assert.deepEqual(body.messages[1].content, [{ text: "Hello" }]);
  assert.equal(warnings[0].path, "messages[1].content[0]");
});

test("bedrock serializeRequest sends a level as Claude's thinking budget, maxTokens above it", () => {
  const { body } = wire({
    model: CLAUDE,
    thinking: "low",
    messages: [{ role: "user", content: "Hi" }],
  });
  assert.deepEqual(body.additionalModelRequestFields, {
    thinking: { type: "enabled", budget_tokens: 20650 },
  });
  assert.equal(body.inferenceConfig.maxTokens, 20650 + 4096);
  const exact = wire({
    model: CLAUDE,
    thinking: { budgetTokens: 2048 },
    maxOutputTokens: 8000,
    messages: [{ role: "user", content: "Hi" }],
  }).body;
  assert.deepEqual(exact.additionalModelRequestFields.thinking, {
    type: "enabled",
    budget_tokens: 2048,
  });
  assert.equal(exact.inferenceConfig.maxTokens, 8000);
});

test("bedrock serializeRequest refuses thinking a model cannot do, and drops it for one that always reasons", () => {
  assert.throws(
    () => wire({ model: NOVA, thinking: "high", messages: [{ role: "user", content: "Hi" }] }),
    {
      name: "ValidationError",
      path: "thinking",
      message:
        `Cannot serialize request for bedrock: thinking "high" needs a model with extended thinking, got "${NOVA}"`,
    },
  );
  assert.throws(
    () =>
      wire({
        model: CLAUDE,
        thinking: { budgetTokens: 500 },
        messages: [{ role: "user", content: "Hi" }],
      }),
    {
      path: "thinking.budgetTokens",
      message:
        "Cannot serialize request for bedrock: thinking.budgetTokens must be at least 1024, got 500",
    },
  );
  const { body, warnings } = wire({
    model: "us.deepseek.r1-v1:0",
    thinking: "high",
    messages: [{ role: "user", content: "Hi" }],
  });
  assert.equal(body.additionalModelRequestFields, undefined);
  assert.equal(warnings[0].path, "thinking");
});

test("bedrock serializeRequest writes cache points after the system prompt, the tools and a marked turn", () => {
  const { body } = wire({
    model: CLAUDE,
    system: "S",
    tools: [{ name: "f", parameters: { type: "object" } }],
    cache: { breakpoints: ["system", "tools", 0] },
    messages: [{ role: "user", content: "Hi" }],
  });
  const point = { cachePoint: { type: "default" } };
  assert.deepEqual(body.system, [{ text: "S" }, point]);
  assert.deepEqual(body.toolConfig.tools.at(-1), point);
  assert.deepEqual(body.messages[0].content, [{ text: "Hi" }, point]);
});

test("bedrock serializeRequest sends images and documents inline or from S3, and drops web URLs", () => {
  const { body, warnings } = wire({
    model: CLAUDE,
    messages: [{
      role: "user",
      content: [
        { type: "image", mediaType: "image/png", data: "iVBORw0KGgo=" },
        { type: "image", mediaType: "image/jpeg", url: "s3://bucket/cat.jpg" },
        { type: "image", mediaType: "image/png", url: "https://example.com/cat.png" },
        {
          type: "document",
          mediaType: "application/pdf",
          data: "JVBERi0=",
          title: "Q3 report (final)",
        },
        { type: "text", text: "Compare." },
      ],
    }],
  });
  assert.deepEqual(body.messages[0].content, [
    { image: { format: "png", source: { bytes: "iVBORw0KGgo=" } } },
    { image: { format: "jpeg", source: { s3Location: { uri: "s3://bucket/cat.jpg" } } } },
    { document: { format: "pdf", name: "Q3 report (final)", source: { bytes: "JVBERi0=" } } },
    { text: "Compare." },
  ]);
  assert.deepEqual(warnings.map((w) => w.path), ["messages[0].content[2]"]);
  assert.throws(
    () =>
      wire({
        model: CLAUDE,
        messages: [{
          role: "user",
          content: [{ type: "image", mediaType: "image/bmp", data: "Qk0=" }],
        }],
      }),
    { path: "messages[0].content[0].mediaType" },
  );
});

test("bedrock serializeRequest sends a structured output as a forced tool, the Converse way to ask for JSON", () => {
  const schema = { type: "object", properties: { city: { type: "string" } } };
  const { body } = wire({
    model: NOVA,
    structuredOutput: { name: "weather_report", schema },
    messages: [{ role: "user", content: "Paris?" }],
  });
  assert.deepEqual(body.toolConfig, {
    tools: [{ toolSpec: { name: "weather_report", inputSchema: { json: schema } } }],
    toolChoice: { tool: { name: "weather_report" } },
  });
});

test("bedrock serializeRequest keeps the tools for toolChoice none when the conversation has tool blocks", () => {
  const { body, warnings } = wire({
    model: CLAUDE,
    tools: [{ name: "f", parameters: { type: "object" } }],
    toolChoice: "none",
    messages: [
      { role: "user", content: "Hi" },
      { role: "assistant", content: [{ type: "tool_call", id: "t1", name: "f", arguments: {} }] },
      { role: "tool", content: [{ type: "tool_result", toolCallId: "t1", content: "ok" }] },
    ],
  });
  assert.equal(body.toolConfig.toolChoice, undefined);
  assert.equal(body.toolConfig.tools.length, 1);
  assert.deepEqual(warnings.map((w) => w.path), ["toolChoice"]);
});

test("bedrock buildHttpRequest puts the encoded model id in the Converse path, no model in the body", () => {
  const http = bedrock.buildHttpRequest(
    {
      model: "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.amazon.nova-lite-v1:0",
      messages: [{ role: "user", content: "Hi" }],
    },
    { apiKey: "k", stream: true },
  );
  assert.equal(
    http.url,
    "https://bedrock-runtime.us-east-1.amazonaws.com/model/arn%3Aaws%3Abedrock%3Aus-east-1%3A123456789012%3Ainference-profile%2Fus.amazon.nova-lite-v1%3A0/converse-stream",
  );
  assert.equal(JSON.parse(http.body).model, undefined);
  assert.equal(http.headers.accept, "application/vnd.amazon.eventstream");
});

test("bedrock serializeRequest forces tools only where Converse and the model take it", () => {
  const weather = { name: "get_weather", parameters: { type: "object", properties: {} } };
  const ask: ChatRequest = { model: CLAUDE, messages: [{ role: "user", content: "Weather?" }] };
  const llama = "meta.llama3-3-70b-instruct-v1:0";
  const refusal = (request: ChatRequest, message: string) =>
    assert.throws(() => wire(request), { name: "ValidationError", path: "toolChoice", message });
  // Claude with thinking on takes only auto, as on Anthropic's own API.
  for (const toolChoice of ["required", { name: "get_weather" }] as const) {
    refusal(
      { ...ask, tools: [weather], toolChoice, thinking: { budgetTokens: 2048 } },
      "Cannot serialize request for bedrock: toolChoice cannot force tool use when thinking is on: Claude takes auto",
    );
  }
  // A named tool only on Claude and Nova; `any` on every tool model.
  refusal(
    { ...ask, model: llama, tools: [weather], toolChoice: { name: "get_weather" } },
    "Cannot serialize request for bedrock: toolChoice cannot name a tool for meta models: Converse forces a named tool only on Claude and Nova",
  );
  const any = wire({ ...ask, model: llama, tools: [weather], toolChoice: "required" }).body;
  assert.deepEqual(any.toolConfig?.toolChoice, { any: {} });
  const named = wire({
    ...ask,
    model: NOVA,
    tools: [weather],
    toolChoice: { name: "get_weather" },
  });
  assert.deepEqual(named.body.toolConfig?.toolChoice, { tool: { name: "get_weather" } });
  // A structured output is its one tool: named where it can be, `any` elsewhere.
  const structuredOutput = { name: "answer", schema: { type: "object", properties: {} } };
  assert.deepEqual(
    wire({ ...ask, model: llama, structuredOutput }).body.toolConfig?.toolChoice,
    { any: {} },
  );
  assert.deepEqual(
    wire({ ...ask, structuredOutput }).body.toolConfig?.toolChoice,
    { tool: { name: "answer" } },
  );
});

// What every serializer does, one row per provider: the complex request to the byte, tool choice,
// a failed tool result, an assistant turn left empty, the sampling fields every API takes, stop
// sequences, the system prompt, and the HTTP request around the body.
import { test } from "node:test";
import assert from "node:assert/strict";
import type { HttpRequestOptions } from "../common/provider.ts";
import type { ChatRequest, Message, ToolChoice, Warning } from "../common/types.ts";
import { readFixture, readJsonFixture } from "../testing/internal/fixtures.ts";
import { serializing, type WireBody } from "../testing/internal/serialize.ts";
import { type ProviderName, providers } from "./mod.ts";

const MODELS: Record<ProviderName, string> = {
  anthropic: "claude-sonnet-4-5",
  google: "gemini-2.5-flash",
  openai: "gpt-4o",
  "openai-responses": "gpt-4o",
  bedrock: "anthropic.claude-sonnet-4-5-20250929-v1:0",
};
const hi = (name: ProviderName): ChatRequest => ({
  model: MODELS[name],
  messages: [{ role: "user", content: "Hi" }],
});
const tools = [{ name: "f", parameters: { type: "object" } }];

// The Responses API has no recorded complex request (its whole-body test is in its own folder).
const complex = readJsonFixture<ChatRequest>("benchmarks/request_complex.json");
const COMPLEX: Array<{ name: ProviderName; model: string; warned: Array<[string, string]> }> = [
  {
    name: "anthropic",
    model: "claude-sonnet-4-5",
    warned: [[
      "thinking",
      'budget for "medium" lowered from 40277 to 1024 tokens to fit maxOutputTokens 2048',
    ]],
  },
  {
    name: "openai",
    model: "o3",
    warned: [
      [
        "messages[1].content[0]",
        "thinking block dropped: Chat Completions cannot replay reasoning",
      ],
      ["messages[1].content[0].signature", "dropped: OpenAI has no signatures"],
      [
        "messages[6].content[1].isError",
        "dropped: Chat Completions tool messages have no error flag; the content is sent as the result",
      ],
      [
        "messages[8].content[0]",
        "redacted_thinking block dropped: Chat Completions cannot replay reasoning",
      ],
    ],
  },
  {
    name: "google",
    model: "gemini-2.5-flash",
    warned: [[
      "messages[8].content[0]",
      "redacted_thinking block dropped: Gemini has no redacted thinking",
    ]],
  },
];

for (const { name, model, warned } of COMPLEX) {
  test(`${name} serializeRequest writes the complex request exactly as request_complex.json`, () => {
    const warnings: Warning[] = [];
    const body = providers[name].serializeRequest({ ...complex, model }, { warnings });
    assert.equal(body, JSON.stringify(JSON.parse(readFixture(`${name}/request_complex.json`))));
    assert.deepEqual(
      warnings,
      warned.map(([path, message]) => ({ provider: name, path, message })),
    );
  });
}

const TOOL_CHOICES: Array<{
  name: ProviderName;
  sent: (body: WireBody) => unknown;
  expected: [unknown, unknown, unknown, unknown];
}> = [
  {
    name: "anthropic",
    sent: (body) => body.tool_choice,
    expected: [{ type: "auto" }, { type: "none" }, { type: "any" }, { type: "tool", name: "f" }],
  },
  {
    name: "google",
    sent: (body) => body.toolConfig.functionCallingConfig,
    expected: [{ mode: "AUTO" }, { mode: "NONE" }, { mode: "ANY" }, {
      mode: "ANY",
      allowedFunctionNames: ["f"],
    }],
  },
  {
    name: "openai",
    sent: (body) => body.tool_choice,
    expected: ["auto", "none", "required", { type: "function", function: { name: "f" } }],
  },
  {
    name: "openai-responses",
    sent: (body) => body.tool_choice,
    expected: ["auto", "none", "required", { type: "function", name: "f" }],
  },
  {
    // "none": Converse has no such choice; a conversation without tool blocks is sent no tools.
    name: "bedrock",
    sent: (body) => body.toolConfig?.toolChoice ?? body.toolConfig ?? "no toolConfig",
    expected: [{ auto: {} }, "no toolConfig", { any: {} }, { tool: { name: "f" } }],
  },
];

for (const { name, sent, expected } of TOOL_CHOICES) {
  test(`${name} serializeRequest maps every tool choice`, () => {
    const { wire } = serializing(providers[name]);
    const choices: ToolChoice[] = ["auto", "none", "required", { name: "f" }];
    assert.deepEqual(choices.map((toolChoice) => sent(wire({ ...hi(name), tools, toolChoice }))), [
      ...expected,
    ]);
  });
}

const failedCall: Message[] = [
  { role: "user", content: "Weather?" },
  {
    role: "assistant",
    content: [{ type: "tool_call", id: "c1", name: "get_weather", arguments: {} }],
  },
  {
    role: "tool",
    content: [{ type: "tool_result", toolCallId: "c1", content: "Unknown city", isError: true }],
  },
];

// Only Anthropic and Gemini have a field for a failure; the OpenAI dialects send the content and
// say that the flag was dropped.
const FAILED: Array<
  { name: ProviderName; last: (body: WireBody) => unknown; sent: unknown; warned?: string }
> = [
  {
    name: "anthropic",
    last: (body) => body.messages.at(-1),
    sent: {
      role: "user",
      content: [{
        type: "tool_result",
        tool_use_id: "c1",
        content: "Unknown city",
        is_error: true,
      }],
    },
  },
  {
    name: "google",
    last: (body) => body.contents.at(-1),
    sent: {
      role: "user",
      parts: [{ functionResponse: { name: "get_weather", response: { error: "Unknown city" } } }],
    },
  },
  {
    name: "openai",
    last: (body) => body.messages.at(-1),
    sent: { role: "tool", tool_call_id: "c1", content: "Unknown city" },
    warned:
      "dropped: Chat Completions tool messages have no error flag; the content is sent as the result",
  },
  {
    name: "openai-responses",
    last: (body) => body.input.at(-1),
    sent: { type: "function_call_output", call_id: "c1", output: "Unknown city" },
    warned: "dropped: function_call_output has no error flag; the content is sent as the output",
  },
  {
    name: "bedrock",
    last: (body) => body.messages.at(-1),
    sent: {
      role: "user",
      content: [{
        toolResult: { toolUseId: "c1", content: [{ text: "Unknown city" }], status: "error" },
      }],
    },
  },
];

for (const { name, last, sent, warned } of FAILED) {
  test(`${name} serializeRequest sends a failed tool result as its API marks a failure`, () => {
    const { wire } = serializing(providers[name]);
    const warnings: Warning[] = [];
    assert.deepEqual(last(wire({ ...hi(name), messages: failedCall }, warnings)), sent);
    const path = "messages[2].content[0].isError";
    assert.deepEqual(
      warnings,
      warned === undefined ? [] : [{ provider: name, path, message: warned }],
    );
  });
}

// Anthropic and Gemini merge the user turns around it; Chat Completions alone also warns that the
// turn itself was dropped.
const EMPTIED: Array<
  { name: ProviderName; turns: (body: WireBody) => unknown; sent: unknown; warned: string[] }
> = [
  {
    name: "anthropic",
    turns: (body) => body.messages,
    sent: [{ role: "user", content: [{ type: "text", text: "a" }, { type: "text", text: "b" }] }],
    warned: ["messages[1].content[0]: redacted thinking from openai dropped"],
  },
  {
    name: "google",
    turns: (body) => body.contents,
    sent: [{ role: "user", parts: [{ text: "a" }, { text: "b" }] }],
    warned: [
      "messages[1].content[0]: redacted_thinking block dropped: Gemini has no redacted thinking",
    ],
  },
  {
    name: "openai",
    turns: (body) => body.messages,
    sent: [{ role: "user", content: "a" }, { role: "user", content: "b" }],
    warned: [
      "messages[1].content[0]: redacted_thinking block dropped: Chat Completions cannot replay reasoning",
      "messages[1]: assistant turn dropped: nothing in it can be sent to OpenAI",
    ],
  },
  {
    name: "openai-responses",
    turns: (body) => body.input,
    sent: [{ role: "user", content: "a" }, { role: "user", content: "b" }],
    warned: [
      "messages[1].content[0]: redacted_thinking block dropped: the Responses API has no redacted reasoning",
    ],
  },
];

for (const { name, turns, sent, warned } of EMPTIED) {
  test(`${name} serializeRequest skips an assistant turn its dropped blocks leave empty`, () => {
    const { wire } = serializing(providers[name]);
    const warnings: Warning[] = [];
    const body = wire({
      ...hi(name),
      messages: [
        { role: "user", content: "a" },
        {
          role: "assistant",
          provider: name === "anthropic" ? "openai" : "anthropic",
          content: [{ type: "redacted_thinking", data: "x" }],
        },
        { role: "user", content: "b" },
      ],
    }, warnings);
    assert.deepEqual(turns(body), sent);
    assert.deepEqual(warnings.map((w) => `${w.path}: ${w.message}`), warned);
  });
}

const SAMPLING: Array<
  { name: ProviderName; sent: (body: WireBody) => unknown; expected: unknown }
> = [
  {
    name: "anthropic",
    sent: (body) => [body.max_tokens, body.temperature, body.stop_sequences],
    expected: [100, 0.2, ["x"]],
  },
  {
    name: "google",
    sent: (body) => body.generationConfig,
    expected: { maxOutputTokens: 100, temperature: 0.2, stopSequences: ["x"] },
  },
  {
    name: "openai",
    sent: (body) => [body.max_completion_tokens, body.temperature, body.stop],
    expected: [100, 0.2, ["x"]],
  },
  {
    name: "openai-responses",
    sent: (body) => [body.max_output_tokens, body.temperature, body.stop],
    expected: [100, 0.2, undefined],
  },
  {
    name: "bedrock",
    sent: (body) => body.inferenceConfig,
    expected: { maxTokens: 100, temperature: 0.2, stopSequences: ["x"] },
  },
];

for (const { name, sent, expected } of SAMPLING) {
  test(`${name} serializeRequest writes maxOutputTokens, temperature and stopSequences under its API's names`, () => {
    const { wire } = serializing(providers[name]);
    // The Responses API takes no stop sequences (see the limits below).
    const stopSequences = name === "openai-responses" ? undefined : ["x"];
    assert.deepEqual(
      sent(wire({ ...hi(name), maxOutputTokens: 100, temperature: 0.2, stopSequences })),
      expected,
    );
  });
}

// How many stop sequences each API takes (Anthropic states no limit, the Responses API takes
// none), and what an empty list becomes: the OpenAI dialects leave it out, the others send it.
const STOPS: Array<
  {
    name: ProviderName;
    most: number;
    sent: (body: WireBody) => unknown;
    empty: unknown;
    refusal: string;
  }
> = [
  { name: "anthropic", most: 8, sent: (body) => body.stop_sequences, empty: [], refusal: "" },
  {
    name: "google",
    most: 5,
    sent: (body) => body.generationConfig?.stopSequences,
    empty: [],
    refusal: "takes at most 5 sequences, got 6",
  },
  {
    name: "openai",
    most: 4,
    sent: (body) => body.stop,
    empty: undefined,
    refusal: "takes at most 4 sequences, got 5",
  },
  {
    name: "openai-responses",
    most: 0,
    sent: (body) => body.stop,
    empty: undefined,
    refusal: "cannot be sent: the Responses API takes no stop sequences",
  },
];

for (const { name, most, sent, empty, refusal } of STOPS) {
  test(`${name} serializeRequest sends stopSequences up to its API's limit and refuses more`, () => {
    const { wire, refused } = serializing(providers[name]);
    const stops = ["a", "b", "c", "d", "e", "f", "g", "h"].slice(0, most);
    assert.deepEqual(sent(wire({ ...hi(name), stopSequences: stops })), most ? stops : undefined);
    assert.deepEqual(sent(wire({ ...hi(name), stopSequences: [] })), empty);
    if (refusal !== "") {
      refused({ ...hi(name), stopSequences: [...stops, "z"] }, "stopSequences", refusal);
    }
  });
}

// Chat Completions sends the system prompt of a reasoning model as a developer message.
const SYSTEM: Array<
  { name: ProviderName; model?: string; sent: (body: WireBody) => unknown; expected: unknown }
> = [
  { name: "anthropic", sent: (body) => body.system, expected: "S" },
  { name: "google", sent: (body) => body.systemInstruction, expected: { parts: [{ text: "S" }] } },
  { name: "openai", sent: (body) => body.messages[0], expected: { role: "system", content: "S" } },
  {
    name: "openai",
    model: "o3",
    sent: (body) => body.messages[0],
    expected: { role: "developer", content: "S" },
  },
  {
    name: "openai-responses",
    sent: (body) => [body.instructions, body.input.length],
    expected: ["S", 1],
  },
  {
    name: "openai-responses",
    model: "o3",
    sent: (body) => [body.instructions, body.input.length],
    expected: ["S", 1],
  },
];

for (const { name, model, sent, expected } of SYSTEM) {
  test(`${name} serializeRequest sends the system prompt of ${model ?? MODELS[name]} in its place`, () => {
    const { wire } = serializing(providers[name]);
    assert.deepEqual(
      sent(wire({ ...hi(name), model: model ?? MODELS[name], system: "S" })),
      expected,
    );
  });
}

const HTTP: Array<{
  name: ProviderName;
  url: string;
  headers: Record<string, string>;
  streamUrl: string;
  streamed: (body: WireBody) => unknown;
}> = [
  {
    name: "anthropic",
    url: "http://127.0.0.1:9/v1/messages",
    headers: { "x-api-key": "k", "anthropic-version": "2023-06-01" },
    streamUrl: "https://api.anthropic.com/v1/messages",
    streamed: (body) => body.stream,
  },
  {
    name: "google",
    url: "http://127.0.0.1:9/v1/models/gemini-2.5-flash:generateContent",
    headers: { "x-goog-api-key": "k" },
    streamUrl:
      "https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse",
    streamed: (body) => body.stream,
  },
  {
    name: "openai",
    url: "http://127.0.0.1:9/v1/chat/completions",
    headers: { authorization: "Bearer k" },
    streamUrl: "https://api.openai.com/v1/chat/completions",
    streamed: (body) => [body.stream, body.stream_options],
  },
  {
    name: "openai-responses",
    url: "http://127.0.0.1:9/v1/responses",
    headers: { authorization: "Bearer k" },
    streamUrl: "https://api.openai.com/v1/responses",
    streamed: (body) => body.stream,
  },
  {
    name: "bedrock",
    url: "http://127.0.0.1:9/v1/model/anthropic.claude-sonnet-4-5-20250929-v1%3A0/converse",
    headers: { accept: "application/json", authorization: "Bearer k" },
    streamUrl:
      "https://bedrock-runtime.us-east-1.amazonaws.com/model/anthropic.claude-sonnet-4-5-20250929-v1%3A0/converse-stream",
    streamed: (body) => body.stream,
  },
];
// What a stream asks for in the body: Gemini streams by URL alone; Chat Completions also asks for
// usage in the last chunk.
const STREAMED: Record<ProviderName, unknown> = {
  anthropic: true,
  google: undefined,
  openai: [true, { include_usage: true }],
  "openai-responses": true,
  // Converse streams by URL alone.
  bedrock: undefined,
};

for (const { name, url, headers, streamUrl, streamed } of HTTP) {
  const provider = providers[name];
  test(`${name} buildHttpRequest posts the body to its URL with the key in its header`, () => {
    const options: HttpRequestOptions = { apiKey: "k", baseUrl: "http://127.0.0.1:9/v1" };
    const http = provider.buildHttpRequest(hi(name), options);
    assert.deepEqual([http.url, http.method], [url, "POST"]);
    assert.deepEqual(http.headers, { "content-type": "application/json", ...headers });
    assert.equal(http.body, provider.serializeRequest(hi(name)));
  });

  test(`${name} buildHttpRequest asks for a stream`, () => {
    const http = provider.buildHttpRequest(hi(name), { apiKey: "k", stream: true });
    assert.equal(http.url, streamUrl);
    const body = JSON.parse(http.body);
    assert.deepEqual(streamed(body), STREAMED[name]);
    assert.equal(http.body, provider.serializeRequest(hi(name), { stream: true }));
  });
}

// Anthropic and Gemini need turns to alternate and merge consecutive user turns; the OpenAI
// dialects send them as they are.
const CONSECUTIVE: Array<
  { name: ProviderName; turns: (body: WireBody) => unknown; sent: unknown }
> = [
  {
    name: "anthropic",
    turns: (body) => body.messages,
    sent: [{ role: "user", content: [{ type: "text", text: "a" }, { type: "text", text: "b" }] }],
  },
  {
    name: "google",
    turns: (body) => body.contents,
    sent: [{ role: "user", parts: [{ text: "a" }, { text: "b" }] }],
  },
  {
    name: "openai",
    turns: (body) => body.messages,
    sent: [{ role: "user", content: "a" }, {
      role: "user",
      content: [{ type: "text", text: "b" }],
    }],
  },
  {
    name: "openai-responses",
    turns: (body) => body.input,
    sent: [{ role: "user", content: "a" }, {
      role: "user",
      content: [{ type: "input_text", text: "b" }],
    }],
  },
];

for (const { name, turns, sent } of CONSECUTIVE) {
  test(`${name} serializeRequest sends consecutive user turns as its API takes them`, () => {
    const { wire } = serializing(providers[name]);
    const messages: Message[] = [{ role: "user", content: "a" }, {
      role: "user",
      content: [{ type: "text", text: "b" }],
    }];
    assert.deepEqual(turns(wire({ ...hi(name), messages })), sent);
  });
}

// Anthropic's tool_result and the Responses API's function_call_output take images; Gemini's
// function responses and Chat Completions' tool messages take text only.
const IMAGE_RESULTS: Array<
  { name: ProviderName; last: (body: WireBody) => unknown; sent?: unknown; refusal?: string }
> = [
  {
    name: "anthropic",
    last: (body) => body.messages.at(-1).content[0].content,
    sent: [{ type: "text", text: "done" }, {
      type: "image",
      source: { type: "url", url: "https://x/y.png" },
    }],
  },
  {
    name: "google",
    last: () => undefined,
    refusal: "is an image; function responses take text only",
  },
  { name: "openai", last: () => undefined, refusal: "is an image; tool messages take text only" },
  {
    name: "openai-responses",
    last: (body) => body.input.at(-1).output,
    sent: [{ type: "input_text", text: "done" }, {
      type: "input_image",
      image_url: "https://x/y.png",
      detail: "auto",
    }],
  },
];

for (const { name, last, sent, refusal } of IMAGE_RESULTS) {
  test(`${name} serializeRequest ${refusal ? "refuses" : "sends"} an image in a tool result`, () => {
    const { wire, refused } = serializing(providers[name]);
    const request: ChatRequest = {
      ...hi(name),
      messages: [
        { role: "user", content: "q" },
        { role: "assistant", content: [{ type: "tool_call", id: "c", name: "f", arguments: {} }] },
        {
          role: "tool",
          content: [{
            type: "tool_result",
            toolCallId: "c",
            content: [{ type: "text", text: "done" }, {
              type: "image",
              url: "https://x/y.png",
              mediaType: "image/png",
            }],
          }],
        },
      ],
    };
    if (refusal !== undefined) refused(request, "messages[2].content[0].content[1]", refusal);
    else assert.deepEqual(last(wire(request)), sent);
  });
}

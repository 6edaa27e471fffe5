// Request features several providers handle, one table each: what a provider sends, drops with a
// warning, or refuses.
import { test } from "node:test";
import assert from "node:assert/strict";
import type { DocumentBlock } from "../common/features.ts";
import type { ChatRequest, Warning } from "../common/types.ts";
import { doc, serializing, type WireBody } from "../testing/internal/serialize.ts";
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

test("serializeRequest drops parallelToolCalls without tools with a warning; openai-responses sends it", () => {
  const rows: Array<{ name: ProviderName; sends: boolean }> = [
    { name: "anthropic", sends: false },
    { name: "google", sends: false },
    { name: "openai", sends: false },
    { name: "openai-responses", sends: true },
  ];
  for (const { name, sends } of rows) {
    const { wire } = serializing(providers[name]);
    for (const parallelToolCalls of [false, true]) {
      const warnings: Warning[] = [];
      const body = wire({ ...hi(name), parallelToolCalls }, warnings);
      const at = `${name} ${parallelToolCalls}`;
      if (sends) {
        assert.deepEqual(body, { ...wire(hi(name)), parallel_tool_calls: parallelToolCalls }, at);
        assert.deepEqual(warnings, [], at);
      } else {
        assert.deepEqual(body, wire(hi(name)), at);
        assert.deepEqual(warnings, [
          {
            provider: name,
            path: "parallelToolCalls",
            message: "dropped: the request has no tools",
          },
        ], at);
      }
    }
  }
});

test("serializeRequest merges providerOptions.<self>, ignores other providers' keys, refuses a key already set from a canonical field", () => {
  const rows: Array<{
    name: ProviderName;
    request: Partial<ChatRequest>;
    sent: (body: WireBody) => unknown[];
    expected: unknown[];
    clash: Partial<ChatRequest>;
    path: string;
  }> = [
    {
      name: "anthropic",
      request: {
        userId: "u",
        providerOptions: {
          anthropic: { service_tier: "standard_only", container: "c_1" },
          openai: { store: true },
        },
      },
      sent: (body) => [body.service_tier, body.container, body.store],
      expected: ["standard_only", "c_1", undefined],
      clash: { userId: "u", providerOptions: { anthropic: { metadata: { user_id: "v" } } } },
      path: "providerOptions.anthropic.metadata.user_id",
    },
    {
      name: "google",
      request: {
        providerOptions: {
          google: {
            safetySettings: [{
              category: "HARM_CATEGORY_HATE_SPEECH",
              threshold: "BLOCK_ONLY_HIGH",
            }],
          },
          anthropic: { service_tier: "auto" },
        },
      },
      sent: (body) => [body.safetySettings, body.service_tier],
      expected: [
        [{ category: "HARM_CATEGORY_HATE_SPEECH", threshold: "BLOCK_ONLY_HIGH" }],
        undefined,
      ],
      clash: {
        temperature: 0.5,
        providerOptions: { google: { generationConfig: { temperature: 0.2 } } },
      },
      path: "providerOptions.google.generationConfig.temperature",
    },
    {
      name: "openai",
      request: {
        providerOptions: {
          openai: { service_tier: "flex", prompt_cache_retention: "24h", metadata: { run: "7" } },
          google: { safetySettings: [] },
        },
      },
      sent: (body) => [
        body.service_tier,
        body.prompt_cache_retention,
        body.metadata,
        body.safetySettings,
      ],
      expected: ["flex", "24h", { run: "7" }, undefined],
      clash: { cache: { key: "a" }, providerOptions: { openai: { prompt_cache_key: "b" } } },
      path: "providerOptions.openai.prompt_cache_key",
    },
    {
      name: "openai-responses",
      request: {
        providerOptions: { "openai-responses": { service_tier: "flex" }, openai: { store: true } },
      },
      sent: (body) => [body.service_tier, body.store],
      expected: ["flex", false],
      clash: {
        cache: { key: "a" },
        providerOptions: { "openai-responses": { prompt_cache_key: "b" } },
      },
      path: "providerOptions.openai-responses.prompt_cache_key",
    },
  ];
  for (const { name, request, sent, expected, clash, path } of rows) {
    const { wire, refused } = serializing(providers[name]);
    assert.deepEqual(sent(wire({ ...hi(name), ...request })), expected, name);
    refused({ ...hi(name), ...clash }, path, "is already set from a canonical field");
  }
});

const PDF = "JVBERi0xLjQ=";
const titledPdf = {
  type: "document",
  mediaType: "application/pdf",
  data: PDF,
  title: "report.pdf",
} as const;
const pdf = { type: "document", mediaType: "application/pdf", data: PDF } as const;
const fileId = { type: "document", fileId: "file-abc123", mediaType: "application/pdf" } as const;
const text = {
  type: "document",
  mediaType: "text/plain",
  data: btoa("notes"),
  title: "notes.txt",
} as const;
const url = { type: "document", url: "https://a.example/a.pdf" } as const;
const pdfData = `data:application/pdf;base64,${PDF}`;

// The two OpenAI dialects take PDFs and plain text alike; only the Responses API takes a URL.
const OPENAI_DOCUMENTS: Array<{
  name: "openai" | "openai-responses";
  sends: string;
  refuses: string;
  parts: (body: WireBody) => unknown;
  sent: Array<[DocumentBlock, unknown]>;
  refused: Array<[Record<string, string>, string, string]>;
}> = [
  {
    name: "openai",
    sends: "openai serializeRequest sends PDFs as file parts and plain text as text",
    refuses: "openai serializeRequest refuses documents Chat Completions cannot take",
    parts: (body) => body.messages[0].content,
    sent: [
      [titledPdf, { type: "file", file: { filename: "report.pdf", file_data: pdfData } }],
      [pdf, { type: "file", file: { filename: "document.pdf", file_data: pdfData } }],
      [fileId, { type: "file", file: { file_id: "file-abc123" } }],
      [text, { type: "text", text: "notes" }],
    ],
    refused: [
      [
        { url: "https://a.example/a.pdf" },
        "url",
        "cannot be sent: Chat Completions takes files by id or data",
      ],
      [
        { fileId: "file-1", mediaType: "text/plain" },
        "mediaType",
        'must be "application/pdf" for a file id, got "text/plain"',
      ],
      [
        { data: "YQ==", mediaType: "image/png" },
        "mediaType",
        'must be "application/pdf" or "text/plain", got "image/png"',
      ],
    ],
  },
  {
    name: "openai-responses",
    sends:
      "openai-responses serializeRequest sends PDFs and URLs as input_file parts and plain text as input_text",
    refuses: "openai-responses serializeRequest refuses documents the Responses API cannot take",
    parts: (body) => body.input[0].content,
    sent: [
      [titledPdf, { type: "input_file", filename: "report.pdf", file_data: pdfData }],
      [pdf, { type: "input_file", filename: "document.pdf", file_data: pdfData }],
      [fileId, { type: "input_file", file_id: "file-abc123" }],
      [text, { type: "input_text", text: "notes" }],
      [url, { type: "input_file", file_url: "https://a.example/a.pdf" }],
    ],
    refused: [
      [
        { fileId: "file-1", mediaType: "text/plain" },
        "mediaType",
        'must be "application/pdf" for a file id or URL, got "text/plain"',
      ],
      [
        { url: "https://a.example/a.txt", mediaType: "text/plain" },
        "mediaType",
        'must be "application/pdf" for a file id or URL, got "text/plain"',
      ],
      [
        { data: "YQ==", mediaType: "image/png" },
        "mediaType",
        'must be "application/pdf" or "text/plain", got "image/png"',
      ],
    ],
  },
];

for (const { name, sends, refuses, parts, sent, refused: refusals } of OPENAI_DOCUMENTS) {
  const { wire, refused } = serializing(providers[name]);
  test(sends, () => {
    const warnings: Warning[] = [];
    const body = wire({
      ...hi(name),
      messages: [{ role: "user", content: sent.map(([block]) => block) }],
    }, warnings);
    assert.deepEqual(parts(body), sent.map(([, part]) => part));
    assert.deepEqual(warnings, [{
      provider: name,
      path: "messages[0].content[3].title",
      message: "dropped: plain text is sent as a text part",
    }]);
  });
  test(refuses, () => {
    for (const [block, field, detail] of refusals) {
      refused(doc(hi(name), block), `messages[0].content[0].${field}`, detail);
    }
  });
}

const personSchema = {
  type: "object",
  properties: { age: { type: "integer" } },
  required: ["age"],
};
// strict is passed on by the OpenAI dialects, with every object closed (strict mode refuses an open
// one: strict_output_test.ts); Anthropic's format and Gemini's schema have no such switch, and the
// flag is left out without a warning.
const STRUCTURED: Array<{
  name: ProviderName;
  sent: (body: WireBody) => unknown;
  expected: (strict?: true) => unknown;
}> = [
  {
    name: "anthropic",
    sent: (body) => body.output_config,
    expected: () => ({
      format: { type: "json_schema", schema: { ...personSchema, additionalProperties: false } },
    }),
  },
  {
    name: "google",
    sent: (body) => body.generationConfig,
    expected: () => ({ responseMimeType: "application/json", responseSchema: personSchema }),
  },
  {
    name: "openai",
    sent: (body) => body.response_format,
    expected: (strict) => ({
      type: "json_schema",
      json_schema: {
        name: "person",
        schema: strict ? { ...personSchema, additionalProperties: false } : personSchema,
        ...(strict && { strict }),
      },
    }),
  },
  {
    name: "openai-responses",
    sent: (body) => body.text,
    expected: (strict) => ({
      format: {
        type: "json_schema",
        name: "person",
        schema: strict ? { ...personSchema, additionalProperties: false } : personSchema,
        ...(strict && { strict }),
      },
    }),
  },
];

for (const { name, sent, expected } of STRUCTURED) {
  test(`${name} serializeRequest sends structuredOutput where its API takes a response schema`, () => {
    const { wire } = serializing(providers[name]);
    for (const strict of [undefined, true] as const) {
      const warnings: Warning[] = [];
      const structuredOutput = { name: "person", schema: personSchema, strict };
      assert.deepEqual(sent(wire({ ...hi(name), structuredOutput }, warnings)), expected(strict));
      assert.deepEqual(warnings, [], `${name} strict ${strict}`);
    }
  });
}

// Every sampling field and the end-user id, at once: what each API has a field for is sent, the
// rest is dropped with a warning. (Anthropic's model here takes temperature beside topP.)
const SAMPLING: Array<{
  name: ProviderName;
  model?: string;
  sent: (body: WireBody) => unknown;
  expected: unknown;
  warned: string[];
}> = [
  {
    name: "anthropic",
    model: "claude-sonnet-4-20250514",
    sent: (body) => [body.temperature, body.top_p, body.top_k, body.metadata],
    expected: [0.3, 0.9, 20, { user_id: "user-hash" }],
    warned: [
      "seed: dropped: Anthropic has no seed",
      "presencePenalty: dropped: Anthropic has no presence penalty",
      "frequencyPenalty: dropped: Anthropic has no frequency penalty",
    ],
  },
  {
    name: "google",
    sent: (body) => body.generationConfig,
    expected: {
      temperature: 0.3,
      topP: 0.9,
      topK: 20,
      seed: 7,
      presencePenalty: 0.5,
      frequencyPenalty: -0.5,
    },
    warned: ["userId: dropped: Gemini has no end-user field"],
  },
  {
    name: "openai",
    sent: (body) => [
      body.temperature,
      body.top_p,
      body.seed,
      body.presence_penalty,
      body.frequency_penalty,
      body.safety_identifier,
    ],
    expected: [0.3, 0.9, 7, 0.5, -0.5, "user-hash"],
    warned: ["topK: dropped: OpenAI has no top_k"],
  },
  {
    name: "openai-responses",
    sent: (body) => [body.temperature, body.top_p, body.seed, body.safety_identifier],
    expected: [0.3, 0.9, undefined, "user-hash"],
    warned: [
      "topK: dropped: not mapped for the Responses API yet",
      "seed: dropped: not mapped for the Responses API yet",
      "presencePenalty: dropped: not mapped for the Responses API yet",
      "frequencyPenalty: dropped: not mapped for the Responses API yet",
    ],
  },
];

for (const { name, model, sent, expected, warned } of SAMPLING) {
  test(`${name} serializeRequest sends the sampling fields and user id its API has, and warns for the rest`, () => {
    const { wire } = serializing(providers[name]);
    const warnings: Warning[] = [];
    const body = wire({
      ...hi(name),
      model: model ?? MODELS[name],
      temperature: 0.3,
      topP: 0.9,
      topK: 20,
      seed: 7,
      presencePenalty: 0.5,
      frequencyPenalty: -0.5,
      userId: "user-hash",
    }, warnings);
    assert.deepEqual(sent(body), expected);
    assert.deepEqual(warnings.map((w) => `${w.path}: ${w.message}`), warned);
  });
}

const tools = [{ name: "f", parameters: { type: "object" } }];
// parallelToolCalls beside tools: false is sent where the API can limit calls (Anthropic as
// disable_parallel_tool_use in the tool choice), true is the APIs' default.
const PARALLEL: Array<{
  name: ProviderName;
  sent: (body: WireBody) => unknown;
  off: unknown;
  on: unknown;
  warned?: string;
}> = [
  {
    name: "anthropic",
    sent: (body) => body.tool_choice,
    off: { type: "auto", disable_parallel_tool_use: true },
    on: undefined,
  },
  {
    name: "google",
    sent: (body) => body.toolConfig,
    off: undefined,
    on: undefined,
    warned: "parallelToolCalls: dropped: Gemini cannot limit calls per turn",
  },
  { name: "openai", sent: (body) => body.parallel_tool_calls, off: false, on: true },
  { name: "openai-responses", sent: (body) => body.parallel_tool_calls, off: false, on: true },
];

for (const { name, sent, off, on, warned } of PARALLEL) {
  test(`${name} serializeRequest sends parallelToolCalls beside tools where its API can limit calls`, () => {
    const { wire } = serializing(providers[name]);
    const warnings: Warning[] = [];
    assert.deepEqual(sent(wire({ ...hi(name), tools, parallelToolCalls: false }, warnings)), off);
    assert.deepEqual(warnings.map((w) => `${w.path}: ${w.message}`), warned ? [warned] : []);
    const none: Warning[] = [];
    assert.deepEqual(sent(wire({ ...hi(name), tools, parallelToolCalls: true }, none)), on);
    assert.deepEqual(none, []);
  });
}

// A cache key with a TTL, then a breakpoint at the first message, on each provider's plain model.
// The Responses API reports both under "cache" with one message; Chat Completions names the field.
const CACHE: Array<{
  name: ProviderName;
  keyed: (body: WireBody) => unknown;
  keyedSent: unknown;
  keyedWarned: string[];
  marked: (body: WireBody) => unknown;
  markedSent: unknown;
  markedWarned: string[];
}> = [
  {
    name: "anthropic",
    keyed: (body) => body.cache_control,
    keyedSent: { type: "ephemeral", ttl: "1h" },
    keyedWarned: ["cache.key: dropped: Anthropic caches by prefix, with no key"],
    marked: (body) => body.messages[0].content,
    markedSent: [{ type: "text", text: "Hi", cache_control: { type: "ephemeral" } }],
    markedWarned: [],
  },
  {
    name: "google",
    keyed: (body) => body,
    keyedSent: { contents: [{ role: "user", parts: [{ text: "Hi" }] }] },
    keyedWarned: [
      "cache.ttl: dropped: a Gemini cache's lifetime is set when it is made",
      "cache.key: dropped: Gemini has no cache key",
    ],
    marked: (body) => body,
    markedSent: { contents: [{ role: "user", parts: [{ text: "Hi" }] }] },
    markedWarned: [
      "cache.breakpoints: dropped: Gemini caches prompt prefixes implicitly (name an explicit cache with providerOptions.google.cachedContent)",
    ],
  },
  {
    name: "openai",
    keyed: (body) => body.prompt_cache_key,
    keyedSent: "k",
    keyedWarned: ["cache.ttl: dropped: OpenAI sets cache lifetimes itself"],
    marked: (body) => body.messages,
    markedSent: [{ role: "user", content: "Hi" }],
    markedWarned: [
      'cache.breakpoints: dropped: "gpt-4o" caches prompt prefixes automatically, without breakpoints',
    ],
  },
  {
    name: "openai-responses",
    keyed: (body) => body.prompt_cache_key,
    keyedSent: "k",
    keyedWarned: ["cache: breakpoints and ttl dropped: OpenAI caches prefixes itself"],
    marked: (body) => body.input,
    markedSent: [{ role: "user", content: "Hi" }],
    markedWarned: ["cache: breakpoints and ttl dropped: OpenAI caches prefixes itself"],
  },
];

for (const row of CACHE) {
  const { name } = row;
  test(`${name} serializeRequest sends the cache settings its API has and warns for the rest`, () => {
    const { wire } = serializing(providers[name]);
    const lines = (warnings: Warning[]) => warnings.map((w) => `${w.path}: ${w.message}`);
    const keyed: Warning[] = [];
    assert.deepEqual(
      row.keyed(wire({ ...hi(name), cache: { key: "k", ttl: "1h" } }, keyed)),
      row.keyedSent,
    );
    assert.deepEqual(lines(keyed), row.keyedWarned);
    const marked: Warning[] = [];
    assert.deepEqual(
      row.marked(wire({ ...hi(name), cache: { breakpoints: [0] } }, marked)),
      row.markedSent,
    );
    assert.deepEqual(lines(marked), row.markedWarned);
  });
}

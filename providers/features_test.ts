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

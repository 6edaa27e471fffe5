// Content the canonical model has no type of its own for, read from fixtures written to each
// provider's documented format: every case parses whole and streamed to the same response, and
// what it carries is in a block, a citation, `providerMetadata` or `alternatives`.
import { test } from "node:test";
import assert from "node:assert/strict";
import { seededIdGenerator } from "../common/ids.ts";
import type { ChatResponse, TextBlock } from "../common/types.ts";
import { decodeChunks } from "../testing/chunkings.ts";
import { readFixture, readJsonFixture } from "../testing/internal/fixtures.ts";
import { type ProviderName, providers } from "./mod.ts";

// Wire fixtures are read as loosely typed JSON.
// deno-lint-ignore no-explicit-any
type Wire = Record<string, any>;

function both(provider: ProviderName, name: string): ChatResponse {
  const p = providers[provider];
  const parsed = p.parseResponse(readFixture(`${provider}/${name}.json`), {
    generateId: seededIdGenerator(5),
  });
  const decoder = p.createStreamDecoder({ generateId: seededIdGenerator(5) });
  const streamed = decodeChunks(decoder, [readFixture(`${provider}/${name}.sse`)]);
  assert.equal(streamed.error, undefined);
  assert.deepStrictEqual(streamed.response, parsed, `${provider}/${name}: stream ≠ body`);
  return parsed;
}

const kinds = (response: ChatResponse) =>
  response.content.map((b) => b.type === "provider" ? `provider:${b.blockType}` : b.type);

test("anthropic parseResponse keeps web search calls, results and citations, in order", () => {
  const wire = readJsonFixture<Wire>("anthropic/web_search.json");
  const response = both("anthropic", "web_search");
  assert.deepEqual(kinds(response), [
    "text",
    "provider:server_tool_use",
    "provider:web_search_tool_result",
    "text",
  ]);
  assert.deepEqual(response.content[1], {
    type: "provider",
    provider: "anthropic",
    blockType: "server_tool_use",
    data: wire.content[1],
  });
  assert.deepEqual((response.content[3] as TextBlock).citations, [{
    provider: "anthropic",
    url: "https://weather.example/paris",
    title: "Paris weather forecast",
    citedText: "Today: 18 °C, light clouds, gentle breeze.",
    data: wire.content[3].citations[0],
  }]);
  assert.deepEqual(response.providerMetadata?.usage, wire.usage);
});

test("anthropic parseResponse keeps web fetch results and document citations", () => {
  const response = both("anthropic", "web_fetch");
  assert.deepEqual(kinds(response), [
    "provider:server_tool_use",
    "provider:web_fetch_tool_result",
    "text",
  ]);
  const [citation] = (response.content[2] as TextBlock).citations!;
  assert.deepEqual([citation.title, citation.citedText, citation.url], [
    "Changelog",
    "Release 2.0 adds streaming and drops Python 3.8.",
    undefined,
  ]);
});

test("anthropic parseResponse keeps code execution blocks and the container", () => {
  const response = both("anthropic", "code_execution");
  assert.deepEqual(kinds(response), [
    "provider:server_tool_use",
    "provider:text_editor_code_execution_tool_result",
    "provider:server_tool_use",
    "provider:bash_code_execution_tool_result",
    "text",
  ]);
  assert.deepEqual(
    response.providerMetadata?.container,
    readJsonFixture<Wire>("anthropic/code_execution.json").container,
  );
});

test("anthropic parseResponse keeps stop_details", () => {
  const response = both("anthropic", "stop_details");
  assert.equal(response.finishReason, "content_filter");
  assert.deepEqual(response.providerMetadata?.stop_details, {
    type: "refusal",
    category: "cyber",
    explanation: "The request asks for working malware.",
  });
});

test("anthropic parseResponse reads output_tokens_details.thinking_tokens as the thinking part of the output", () => {
  const { usage } = both("anthropic", "thinking_tokens");
  assert.deepEqual([usage.outputTokens, usage.thinkingTokens, usage.totalTokens], [160, 148, 182]);
});

test("openai parseResponse turns url_citation annotations into citations on the text", () => {
  const wire = readJsonFixture<Wire>("openai/annotations.json");
  const response = both("openai", "annotations");
  assert.deepEqual(response.content, [{
    type: "text",
    text: wire.choices[0].message.content,
    citations: [{
      provider: "openai",
      url: "https://weather.example/paris",
      title: "Paris weather forecast",
      data: wire.choices[0].message.annotations[0],
    }],
  }]);
});

test("openai parseResponse keeps logprobs, joined across a stream's chunks", () => {
  const wire = readJsonFixture<Wire>("openai/logprobs.json");
  assert.deepEqual(both("openai", "logprobs").providerMetadata?.logprobs, wire.choices[0].logprobs);
});

test("openai parseResponse keeps Azure prompt and content filter results", () => {
  const wire = readJsonFixture<Wire>("openai/azure_content_filter.json");
  const metadata = both("openai", "azure_content_filter").providerMetadata;
  assert.deepEqual(metadata?.prompt_filter_results, wire.prompt_filter_results);
  assert.deepEqual(metadata?.content_filter_results, wire.choices[0].content_filter_results);
});

test("openai parseResponse exposes further choices as alternatives", () => {
  const response = both("openai", "choices");
  assert.deepEqual(response.content, [{ type: "text", text: "Heads." }]);
  assert.equal(response.alternatives?.length, 1);
  const [second] = response.alternatives!;
  assert.deepEqual(second.content, [{ type: "text", text: "Tails, again." }]);
  assert.deepEqual([second.id, second.usage, second.finishReason], [
    response.id,
    response.usage,
    "stop",
  ]);
});

test("openai-responses parseResponse keeps a web search call and cites the text", () => {
  const wire = readJsonFixture<Wire>("openai-responses/web_search.json");
  const response = both("openai-responses", "web_search");
  assert.deepEqual(response.content[0], {
    type: "provider",
    provider: "openai-responses",
    blockType: "web_search_call",
    data: wire.output[0],
  });
  assert.deepEqual((response.content[1] as TextBlock).citations, [{
    provider: "openai-responses",
    url: "https://weather.example/paris",
    title: "Paris weather forecast",
    data: wire.output[1].content[0].annotations[0],
  }]);
});

test("google parseResponse keeps executableCode and codeExecutionResult parts, in order", () => {
  const wire = readJsonFixture<Wire>("google/code_execution.json");
  const response = both("google", "code_execution");
  assert.deepEqual(kinds(response), [
    "text",
    "provider:executableCode",
    "provider:codeExecutionResult",
    "text",
  ]);
  assert.deepEqual(response.content[1], {
    type: "provider",
    provider: "google",
    blockType: "executableCode",
    data: wire.candidates[0].content.parts[1],
  });
});

test("google parseResponse turns image output into an image block with its signature", () => {
  const part = readJsonFixture<Wire>("google/image_output.json").candidates[0].content.parts[1];
  const response = both("google", "image_output");
  assert.deepEqual(response.content[1], {
    type: "image",
    mediaType: "image/png",
    data: part.inlineData.data,
    signature: part.thoughtSignature,
  });
});

test("google parseResponse reads text parts as one block, whole or streamed", () => {
  assert.deepEqual(both("google", "text_parts").content, [{ type: "text", text: "Hello, world." }]);
});

test("google parseResponse cites grounding chunks and citation sources, and keeps the metadata", () => {
  const candidate = readJsonFixture<Wire>("google/grounding.json").candidates[0];
  const response = both("google", "grounding");
  const citations = (response.content[0] as TextBlock).citations!;
  assert.deepEqual(citations.map((c) => [c.url, c.title]), [
    ["https://www.uefa.com/euro2024/", undefined],
    ["https://vertexaisearch.example/grounding-api-redirect/AbC1", "uefa.com"],
    ["https://vertexaisearch.example/grounding-api-redirect/DeF2", "bbc.co.uk"],
  ]);
  for (const key of ["groundingMetadata", "citationMetadata", "safetyRatings"]) {
    assert.deepEqual(response.providerMetadata?.[key], candidate[key], key);
  }
});

test("google parseResponse exposes further candidates as alternatives", () => {
  const response = both("google", "candidates");
  assert.deepEqual(response.content, [{ type: "text", text: "Heads." }]);
  assert.deepEqual(response.alternatives?.map((a) => a.content), [[{
    type: "text",
    text: "Tails, again.",
  }]]);
});

test("google parseResponse and its stream read a null error as no error", () => {
  assert.deepEqual(both("google", "error_null").content, [{ type: "text", text: "All fine." }]);
});

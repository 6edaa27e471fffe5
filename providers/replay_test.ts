// A response appended as the next assistant turn: what a provider made goes back to it
// unchanged, and what another provider cannot take is dropped with a warning.
import { test } from "node:test";
import assert from "node:assert/strict";
import type { ChatRequest, ChatResponse, Warning } from "../common/types.ts";
import { readFixture, readJsonFixture } from "../testing/fixtures.ts";
import { type ProviderName, providers } from "./mod.ts";

// deno-lint-ignore no-explicit-any
type Wire = Record<string, any>;

function replay(from: ProviderName, fixture: string): ChatRequest {
  const response: ChatResponse = providers[from].parseResponse(readFixture(`${from}/${fixture}`));
  return {
    model: "m",
    messages: [
      { role: "user", content: "Go" },
      { role: "assistant", provider: response.provider, content: response.content },
      { role: "user", content: "Thanks" },
    ],
  };
}

function serialize(to: ProviderName, request: ChatRequest): { body: Wire; warnings: Warning[] } {
  const warnings: Warning[] = [];
  const body = JSON.parse(providers[to].serializeRequest(request, { warnings }));
  return { body, warnings };
}

test("anthropic serializeRequest replays its server-tool blocks and citations unchanged", () => {
  for (const fixture of ["web_search.json", "web_fetch.json", "code_execution.json"]) {
    const { body, warnings } = serialize("anthropic", replay("anthropic", fixture));
    assert.deepEqual(
      body.messages[1].content,
      readJsonFixture<Wire>(`anthropic/${fixture}`).content,
    );
    assert.deepEqual(warnings, [], fixture);
  }
});

test("google serializeRequest replays its own parts unchanged, images and signatures included", () => {
  for (const fixture of ["code_execution.json", "image_output.json"]) {
    const { body, warnings } = serialize("google", replay("google", fixture));
    assert.deepEqual(
      body.contents[1].parts,
      readJsonFixture<Wire>(`google/${fixture}`).candidates[0].content.parts,
    );
    assert.deepEqual(warnings, [], fixture);
  }
});

test("serializeRequest drops another provider's blocks and citations with a warning each", () => {
  const request = replay("anthropic", "web_search.json");
  for (const to of ["openai", "google"] as const) {
    const { warnings } = serialize(to, request);
    assert.deepEqual(warnings, [
      {
        provider: to,
        path: "messages[1].content[1]",
        message: "server_tool_use block from anthropic dropped: only anthropic can take it back",
      },
      {
        provider: to,
        path: "messages[1].content[2]",
        message:
          "web_search_tool_result block from anthropic dropped: only anthropic can take it back",
      },
      {
        provider: to,
        path: "messages[1].content[3].citations[0]",
        message: `dropped: a citation from anthropic cannot be sent to ${to}`,
      },
    ], to);
  }
});

test("serializeRequest keeps a provider's own citations back silently where its API takes none", () => {
  assert.deepEqual(serialize("openai", replay("openai", "annotations.json")).warnings, []);
  assert.deepEqual(serialize("google", replay("google", "grounding.json")).warnings, []);
  assert.deepEqual(serialize("anthropic", replay("openai", "annotations.json")).warnings, [{
    provider: "anthropic",
    path: "messages[1].content[0].citations[0]",
    message: "dropped: a citation from openai cannot be sent to anthropic",
  }]);
});

test("serializeRequest drops a generated image where assistant turns take none", () => {
  const request = replay("google", "image_output.json");
  assert.deepEqual(serialize("anthropic", request).warnings, [{
    provider: "anthropic",
    path: "messages[1].content[1]",
    message: "image block dropped: Anthropic assistant turns take no images",
  }]);
  assert.deepEqual(serialize("openai", request).warnings, [
    {
      provider: "openai",
      path: "messages[1].content[1]",
      message: "image block dropped: Chat Completions assistant turns take no images",
    },
    {
      provider: "openai",
      path: "messages[1].content[1].signature",
      message: "dropped: OpenAI has no signatures",
    },
  ]);
});

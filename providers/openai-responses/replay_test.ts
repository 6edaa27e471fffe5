// A Responses answer appended as the next assistant turn: back to the Responses API it goes as the
// items it was (reasoning with its id and encrypted content, provider-run tool calls, annotations);
// to another provider, and from another provider, what cannot travel is dropped with a warning.
import { test } from "node:test";
import assert from "node:assert/strict";
import type { ChatRequest, Warning } from "../../common/types.ts";
import { readFixture, readJsonFixture } from "../../testing/fixtures.ts";
import { type ProviderName, providers } from "../mod.ts";

// deno-lint-ignore no-explicit-any
type Wire = Record<string, any>;

function replay(from: ProviderName, fixture: string): ChatRequest {
  const response = providers[from].parseResponse(readFixture(`${from}/${fixture}`));
  return {
    model: "gpt-5-mini",
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

const paths = (warnings: Warning[]) => warnings.map((w) => `${w.path}: ${w.message}`);

test("openai-responses serializeRequest sends its reasoning item back whole, without server state", () => {
  const [reasoning] = readJsonFixture<Wire>("openai-responses/reasoning.json").output;
  const { body, warnings } = serialize(
    "openai-responses",
    replay("openai-responses", "reasoning.json"),
  );
  assert.deepEqual(body.input.slice(1, 3), [
    { type: "reasoning", ...reasoning },
    { role: "assistant", content: [{ type: "output_text", text: "27 × 453 = 12,231." }] },
  ]);
  assert.deepEqual([body.store, body.include], [false, ["reasoning.encrypted_content"]]);
  assert.deepEqual(warnings, []);
  const bare = serialize(
    "openai-responses",
    replay("openai-responses", "reasoning_no_summary.json"),
  );
  const item = readJsonFixture<Wire>("openai-responses/reasoning_no_summary.json").output[0];
  assert.deepEqual(bare.body.input[1], item);
});

test("openai-responses serializeRequest sends back its provider-run calls and its annotations", () => {
  const wire = readJsonFixture<Wire>("openai-responses/web_search.json");
  const { body, warnings } = serialize(
    "openai-responses",
    replay("openai-responses", "web_search.json"),
  );
  const [search, message] = wire.output;
  assert.deepEqual(body.input.slice(1, 3), [search, {
    role: "assistant",
    content: [{
      type: "output_text",
      text: message.content[0].text,
      annotations: message.content[0].annotations,
    }],
  }]);
  assert.deepEqual(warnings, []);
});

test("openai-responses serializeRequest drops another provider's reasoning with a warning each", () => {
  assert.deepEqual(
    paths(serialize("openai-responses", replay("anthropic", "thinking.json")).warnings),
    [
      "messages[1].content[0]: thinking block from anthropic dropped: only anthropic can take its reasoning back",
      "messages[1].content[1]: redacted_thinking block dropped: the Responses API has no redacted reasoning",
    ],
  );
  assert.deepEqual(
    paths(serialize("openai-responses", replay("google", "thinking.json")).warnings),
    [
      "messages[1].content[0]: thinking block from google dropped: only google can take its reasoning back",
      "messages[1].content[1].signature: dropped: the Responses API has no signatures",
    ],
  );
});

test("openai-responses serializeRequest joins the text around blocks it drops into one message", () => {
  const { body } = serialize("openai-responses", replay("anthropic", "web_search.json"));
  assert.deepEqual(body.input[1].content.map((part: Wire) => part.type), [
    "output_text",
    "output_text",
  ]);
  assert.equal(body.input.length, 3);
});

test("openai-responses serializeRequest continues a Chat Completions tool turn, and back", () => {
  const request = replay("openai", "tool_calls.json");
  const { body, warnings } = serialize("openai-responses", request);
  const calls = readJsonFixture<Wire>("openai/tool_calls.json").choices[0].message.tool_calls;
  assert.deepEqual(
    body.input.slice(1, -1),
    calls.map((call: Wire) => ({
      type: "function_call",
      call_id: call.id,
      name: call.function.name,
      arguments: JSON.stringify(JSON.parse(call.function.arguments)),
    })),
  );
  assert.deepEqual(warnings, []);
  const back = serialize("openai", replay("openai-responses", "tool_calls.json"));
  assert.deepEqual(back.body.messages[1].tool_calls.map((call: Wire) => call.id), [
    "call_DdmO9pD3xa9XTPNJ32zg2hcA",
    "call_EemP0qE4yb0YUQOK43ah3idB",
    "call_FfnQ1rF5zc1ZVRPL54bi4jeC",
  ]);
  assert.deepEqual(back.warnings, []);
});

test("serializeRequest drops Responses reasoning, calls and citations where only it takes them", () => {
  const reasoning = replay("openai-responses", "reasoning.json");
  const search = replay("openai-responses", "web_search.json");
  for (const to of ["anthropic", "openai", "google"] as const) {
    const dropped = serialize(to, reasoning);
    assert.deepEqual(
      dropped.warnings.filter((w) => !w.path.endsWith("signature")).map((w) => w.path),
      [
        "messages[1].content[0]",
        "messages[1].content[1]",
      ],
      to,
    );
    assert.ok(!JSON.stringify(dropped.body).includes("gAAAA"), to);
    assert.deepEqual(paths(serialize(to, search).warnings), [
      "messages[1].content[0]: web_search_call block from openai-responses dropped: only openai-responses can take it back",
      `messages[1].content[1].citations[0]: dropped: a citation from openai-responses cannot be sent to ${to}`,
    ], to);
  }
});

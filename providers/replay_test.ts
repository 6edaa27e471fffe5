// A response appended as the next assistant turn: what a provider made goes back to it
// unchanged (a Responses answer as the items it was: reasoning with its id and encrypted content,
// provider-run tool calls, annotations), and what another provider cannot take is dropped with a
// warning.
import { test } from "node:test";
import assert from "node:assert/strict";
import type { ChatRequest, ChatResponse, Warning } from "../common/types.ts";
import { readFixture, readJsonFixture } from "../testing/internal/fixtures.ts";
import { type ProviderName, providers } from "./mod.ts";

// deno-lint-ignore no-explicit-any
type Wire = Record<string, any>;

// The model matters: a reasoning model (the Responses tests' "gpt-5-mini") asks for encrypted
// reasoning back.
function replay(from: ProviderName, fixture: string, model = "m"): ChatRequest {
  const response: ChatResponse = providers[from].parseResponse(readFixture(`${from}/${fixture}`));
  return {
    model,
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
  for (const to of ["openai", "google", "openai-responses"] as const) {
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
  assert.deepEqual(paths(serialize("openai-responses", request).warnings), [
    "messages[1].content[1]: image block dropped: Responses assistant turns take no images",
    "messages[1].content[1].signature: dropped: the Responses API has no signatures",
  ]);
});

test("openai-responses serializeRequest sends its reasoning item back whole, without server state", () => {
  const [reasoning] = readJsonFixture<Wire>("openai-responses/reasoning.json").output;
  const { body, warnings } = serialize(
    "openai-responses",
    replay("openai-responses", "reasoning.json", "gpt-5-mini"),
  );
  assert.deepEqual(body.input.slice(1, 3), [
    { type: "reasoning", ...reasoning },
    { role: "assistant", content: [{ type: "output_text", text: "27 × 453 = 12,231." }] },
  ]);
  assert.deepEqual([body.store, body.include], [false, ["reasoning.encrypted_content"]]);
  assert.deepEqual(warnings, []);
  const bare = serialize(
    "openai-responses",
    replay("openai-responses", "reasoning_no_summary.json", "gpt-5-mini"),
  );
  const item = readJsonFixture<Wire>("openai-responses/reasoning_no_summary.json").output[0];
  assert.deepEqual(bare.body.input[1], item);
});

test("openai-responses serializeRequest sends back its provider-run calls and its annotations", () => {
  const wire = readJsonFixture<Wire>("openai-responses/web_search.json");
  const { body, warnings } = serialize(
    "openai-responses",
    replay("openai-responses", "web_search.json", "gpt-5-mini"),
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
    paths(
      serialize("openai-responses", replay("anthropic", "thinking.json", "gpt-5-mini")).warnings,
    ),
    [
      "messages[1].content[0]: thinking block from anthropic dropped: only anthropic can take its reasoning back",
      "messages[1].content[1]: redacted_thinking block dropped: the Responses API has no redacted reasoning",
    ],
  );
  assert.deepEqual(
    paths(serialize("openai-responses", replay("google", "thinking.json", "gpt-5-mini")).warnings),
    [
      "messages[1].content[0]: thinking block from google dropped: only google can take its reasoning back",
      "messages[1].content[1].signature: dropped: the Responses API has no signatures",
    ],
  );
});

test("openai-responses serializeRequest joins the text around blocks it drops into one message", () => {
  const { body } = serialize(
    "openai-responses",
    replay("anthropic", "web_search.json", "gpt-5-mini"),
  );
  assert.deepEqual(body.input[1].content.map((part: Wire) => part.type), [
    "output_text",
    "output_text",
  ]);
  assert.equal(body.input.length, 3);
});

test("openai-responses serializeRequest continues a Chat Completions tool turn, and back", () => {
  const request = replay("openai", "tool_calls.json", "gpt-5-mini");
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
  const back = serialize("openai", replay("openai-responses", "tool_calls.json", "gpt-5-mini"));
  assert.deepEqual(back.body.messages[1].tool_calls.map((call: Wire) => call.id), [
    "call_DdmO9pD3xa9XTPNJ32zg2hcA",
    "call_EemP0qE4yb0YUQOK43ah3idB",
    "call_FfnQ1rF5zc1ZVRPL54bi4jeC",
  ]);
  assert.deepEqual(back.warnings, []);
});

test("serializeRequest drops Responses reasoning, calls and citations where only it takes them", () => {
  const reasoning = replay("openai-responses", "reasoning.json", "gpt-5-mini");
  const search = replay("openai-responses", "web_search.json", "gpt-5-mini");
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

// An assistant turn from another provider with signed thinking, text and a tool call: the thinking
// is dropped and so is every signature, with a warning each (Chat Completions also warns of the
// signature of the thinking block it dropped).
const SIGNED: Array<
  {
    to: ProviderName;
    from: ProviderName;
    turn: (body: Wire) => unknown;
    sent: unknown;
    warned: string[];
  }
> = [
  {
    to: "anthropic",
    from: "google",
    turn: (body) => body.messages[1],
    sent: {
      role: "assistant",
      content: [
        { type: "text", text: "a" },
        { type: "tool_use", id: "c1", name: "f", input: { x: 1 } },
      ],
    },
    warned: [
      "messages[1].content[0]: thinking block dropped: Anthropic accepts only its own signed thinking",
      "messages[1].content[1].signature: dropped: Anthropic text blocks carry no signature",
      "messages[1].content[2].signature: dropped: Anthropic tool calls carry no signature",
    ],
  },
  {
    to: "google",
    from: "anthropic",
    turn: (body) => body.contents[1],
    sent: {
      role: "model",
      parts: [{ text: "a" }, { functionCall: { name: "f", args: { x: 1 } } }],
    },
    warned: [
      "messages[1].content[0]: thinking block from anthropic dropped: Gemini takes back only its own thoughts",
      "messages[1].content[1].signature: signature from anthropic dropped",
      "messages[1].content[2].signature: signature from anthropic dropped",
    ],
  },
  {
    to: "openai",
    from: "google",
    turn: (body) => body.messages[1],
    sent: {
      role: "assistant",
      content: "a",
      tool_calls: [{ id: "c1", type: "function", function: { name: "f", arguments: '{"x":1}' } }],
    },
    warned: [
      "messages[1].content[0]: thinking block dropped: Chat Completions cannot replay reasoning",
      "messages[1].content[0].signature: dropped: OpenAI has no signatures",
      "messages[1].content[1].signature: dropped: OpenAI has no signatures",
      "messages[1].content[2].signature: dropped: OpenAI has no signatures",
    ],
  },
  {
    to: "openai-responses",
    from: "google",
    turn: (body) => body.input.slice(1, 3),
    sent: [
      { role: "assistant", content: [{ type: "output_text", text: "a" }] },
      { type: "function_call", call_id: "c1", name: "f", arguments: '{"x":1}' },
    ],
    warned: [
      "messages[1].content[0]: thinking block from google dropped: only google can take its reasoning back",
      "messages[1].content[1].signature: dropped: the Responses API has no signatures",
      "messages[1].content[2].signature: dropped: the Responses API has no signatures",
    ],
  },
];

for (const { to, from, turn, sent, warned } of SIGNED) {
  test(`${to} serializeRequest drops ${from}'s thinking and signatures with a warning each`, () => {
    const { body, warnings } = serialize(to, {
      model: "m",
      messages: [
        { role: "user", content: "q" },
        {
          role: "assistant",
          provider: from,
          content: [
            { type: "thinking", text: "t", signature: "s1" },
            { type: "text", text: "a", signature: "s2" },
            { type: "tool_call", id: "c1", name: "f", arguments: { x: 1 }, signature: "s3" },
          ],
        },
        { role: "tool", content: [{ type: "tool_result", toolCallId: "c1", content: "ok" }] },
      ],
    });
    assert.deepEqual(turn(body), sent);
    assert.deepEqual(paths(warnings), warned);
  });
}

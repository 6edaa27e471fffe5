// The wire text of every bench request, byte for byte (key order included), and JSON.stringify's
// escaping of every string a request carries into a body.
import { test } from "node:test";
import assert from "node:assert/strict";
import type { SerializeOptions } from "../common/provider.ts";
import type { ChatRequest } from "../common/types.ts";
import { readJsonFixture } from "../testing/internal/fixtures.ts";
import { providers } from "./mod.ts";

const simple = readJsonFixture<ChatRequest>("benchmarks/request_simple.json");
const complex = readJsonFixture<ChatRequest>("benchmarks/request_complex.json");
const features = readJsonFixture<ChatRequest>("benchmarks/request_features.json");
// Recorded from the serializers before the wire text was built any faster.
const expected = readJsonFixture<Record<string, Record<string, unknown>>>(
  "benchmarks/request_wire.json",
);

const SCENARIOS: Record<string, (model: string) => [ChatRequest, SerializeOptions]> = {
  simple: (model) => [{ ...simple, model }, {}],
  complex: (model) => [{ ...complex, model }, {}],
  "complex, streamed": (model) => [{ ...complex, model }, { stream: true }],
  thinking: (model) => [{ ...simple, model, thinking: "high" }, {}],
  tools: (model) => [{ ...simple, model, tools: complex.tools, toolChoice: "auto" }, {}],
  features: (model) => [{ ...features, model }, {}],
};

for (const provider of Object.values(providers)) {
  for (const [name, scenario] of Object.entries(SCENARIOS)) {
    test(`${provider.name} serializeRequest writes the recorded wire text of the ${name} request`, () => {
      const [request, options] = scenario(provider.profile.models.thinking);
      const body = provider.serializeRequest(request, options);
      assert.equal(body, JSON.stringify(expected[provider.name][name]));
    });
  }
}

// Quotes, backslashes, every control character, U+2028/9, a surrogate pair and lone halves.
const NASTY = `q"b\\s/${
  Array.from({ length: 32 }, (_, c) => String.fromCharCode(c)).join("")
}\u007f\u2028\u2029😀\ud800x\udc00é`;

function nastyRequest(model: string): ChatRequest {
  return {
    model,
    system: `system ${NASTY}`,
    messages: [
      {
        role: "user",
        content: [
          { type: "text", text: `user ${NASTY}` },
          { type: "image", url: `https://example.com/${NASTY}`, mediaType: "image/png" },
        ],
      },
      {
        role: "assistant",
        content: [
          { type: "text", text: `assistant ${NASTY}` },
          { type: "tool_call", id: `id ${NASTY}`, name: "look", arguments: { q: NASTY } },
        ],
      },
      {
        role: "tool",
        content: [{ type: "tool_result", toolCallId: `id ${NASTY}`, content: `result ${NASTY}` }],
      },
    ],
    tools: [{
      name: "look",
      description: `tool ${NASTY}`,
      parameters: { type: "object", properties: { q: { type: "string", description: NASTY } } },
    }],
    stopSequences: [`stop ${NASTY}`],
  };
}

// No lone surrogate (String#isWellFormed, which the compile target here lacks).
function wellFormed(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff) return false;
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(++i);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return false;
    }
  }
  return true;
}

// Every string a body holds, in order, nested JSON text (tool-call arguments) included.
function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === "string") {
    out.push(value);
    if (value.startsWith("{")) strings(JSON.parse(value), out);
  } else if (typeof value === "object" && value !== null) {
    for (const inner of Object.values(value)) strings(inner, out);
  }
  return out;
}

for (const provider of Object.values(providers)) {
  test(`${provider.name} serializeRequest escapes quotes, backslashes, control characters and lone surrogates`, () => {
    const request = nastyRequest(provider.profile.models.chat);
    // The Responses API takes no stop sequences.
    if (provider.name === "openai-responses") delete request.stopSequences;
    const body = provider.serializeRequest(request);
    assert.ok(wellFormed(body), "a lone surrogate is written as a \\u escape");
    assert.match(body, /\\ud800x\\udc00/);
    assert.ok([...body].every((c) => c >= " "), "no raw control character");
    assert.equal(body, JSON.stringify(JSON.parse(body)));
    const sent = strings(JSON.parse(body)).filter((s) => s.includes(NASTY));
    const wanted = ["system", "user", "assistant", "result", "tool", "stop"];
    for (const prefix of wanted) {
      if (prefix === "stop" && provider.name === "openai-responses") continue;
      assert.ok(sent.includes(`${prefix} ${NASTY}`), `${prefix} string survives`);
    }
    assert.ok(sent.includes(NASTY), "tool-call arguments and schema strings survive");
  });
}

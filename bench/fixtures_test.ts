// Every bench input parses into what the benchmarks claim to measure.
import { test } from "node:test";
import assert from "node:assert/strict";
import { type ChatRequest, providers, seededIdGenerator, type StreamEvent } from "../mod.ts";
import { readFixture, readJsonFixture } from "../testing/internal/fixtures.ts";
import { benchStream, countEvents, framingOf } from "./inputs.ts";

for (const provider of Object.values(providers)) {
  const fixture = (file: string) => readFixture(`benchmarks/${provider.name}/${file}`);
  const parse = (file: string) =>
    provider.parseResponse(fixture(file), { generateId: seededIdGenerator(3) });
  // `stream_*.txt` for SSE dialects, `.bin` frames for Bedrock's event stream.
  const stream = (name: string) => {
    const decoder = provider.createStreamDecoder({ generateId: seededIdGenerator(3) });
    const events: StreamEvent[] = decoder.push(benchStream(provider, name));
    return { events, response: decoder.end() };
  };

  test(`bench ${provider.name} response_simple.json is one short text block`, () => {
    const response = parse("response_simple.json");
    assert.deepEqual([response.finishReason, response.content], ["stop", [{
      type: "text",
      text: "It's 18°C and cloudy in Paris.",
    }]]);
  });

  test(`bench ${provider.name} response_complex.json holds thinking, text and two tool calls`, () => {
    const response = parse("response_complex.json");
    assert.deepEqual(response.content.map((b) => b.type), [
      "thinking",
      "text",
      "tool_call",
      "tool_call",
    ]);
    assert.equal(response.finishReason, "tool_use");
    assert.equal(response.usage.cacheReadTokens, 800);
    assert.ok(response.usage.inputTokens >= 2000);
  });

  test(`bench ${provider.name} stream_complex accumulates to response_complex.json`, () => {
    assert.deepEqual(stream("stream_complex").response, parse("response_complex.json"));
  });

  test(`bench ${provider.name} stream_basic is 100 text deltas`, () => {
    const { events, response } = stream("stream_basic");
    const deltas = events.filter((e) => e.type === "text_delta");
    assert.equal(deltas.length, 100);
    assert.deepEqual(response.content, [{
      type: "text",
      text: deltas.map((e) => e.type === "text_delta" ? e.text : "").join(""),
    }]);
  });

  test(`bench ${provider.name} stream_tools is a text and two calls in 16 events`, () => {
    const { response } = stream("stream_tools");
    assert.equal(countEvents(benchStream(provider, "stream_tools"), framingOf(provider)), 16);
    assert.deepEqual(response.content.map((b) => b.type === "tool_call" ? b.arguments : b), [
      { type: "text", text: "Let me check both cities for you." },
      { location: "Paris, France", unit: "celsius" },
      { location: "San Francisco, CA", unit: "celsius" },
    ]);
    assert.equal(response.finishReason, "tool_use");
  });

  test(`bench ${provider.name} conversion bodies hold one block of their kind`, () => {
    assert.deepEqual(parse("convert_tool_call.json").content.map((b) => b.type), ["tool_call"]);
    assert.deepEqual(parse("convert_thinking.json").content.map((b) => b.type), ["thinking"]);
  });

  test(`bench ${provider.name} serializes both request fixtures`, () => {
    for (const name of ["request_simple", "request_complex"]) {
      const request = {
        ...readJsonFixture<ChatRequest>(`benchmarks/${name}.json`),
        model: provider.profile.models.thinking,
      };
      assert.ok(JSON.parse(provider.serializeRequest(request)));
    }
  });
}

test("bench framing pair: the SSE and event-stream cases read the same events as their floors", async () => {
  const { framingCases } = await import("./framing_input.ts");
  const cases = framingCases();
  assert.deepEqual(cases.map((c) => c.name), ["sse decoder", "event-stream decoder"]);
  for (const c of cases) {
    assert.equal(c.fn(), c.perCall);
    assert.equal(c.floor(), c.perCall);
  }
});

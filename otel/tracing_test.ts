// createTracingHook over loopback: the spans of real client calls, read back from the
// OpenTelemetry SDK's in-memory exporter.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  type ReadableSpan,
  SimpleSpanProcessor,
} from "@opentelemetry/sdk-trace-base";
import { SpanKind, SpanStatusCode } from "@opentelemetry/api";
import { anthropic, createClient, createFallbackClient, google, openai } from "../mod.ts";
import type { ChatRequest } from "../common/types.ts";
import { KEY, read, testClient, withServer } from "../testing/internal/http_harness.ts";
import { failure, reply, text, toolCall, usage } from "../testing/script.ts";
import { createTracingHook, type TracingOptions } from "./mod.ts";

function tracing(options: TracingOptions = {}) {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  const hook = createTracingHook({ ...options, tracer: provider.getTracer("test") });
  return { hook, spans: (): ReadableSpan[] => exporter.getFinishedSpans() };
}

const ask: ChatRequest = {
  model: "claude-haiku-4-5",
  system: "Be brief.",
  messages: [{ role: "user", content: "Weather in Paris?" }],
  maxOutputTokens: 100,
  temperature: 0.2,
};
const CONTENT_KEYS = [
  "gen_ai.input.messages",
  "gen_ai.output.messages",
  "gen_ai.system_instructions",
];

test("createTracingHook records a call as a GenAI client span with its attributes", async () => {
  const { hook, spans } = tracing();
  await withServer({ script: reply(text("Sunny."), usage(21, 7)) }, async (server) => {
    const client = testClient(anthropic, server.baseUrl("anthropic"), { onEvent: hook });
    const response = await client.complete(ask);
    const [span] = spans();
    assert.equal(spans().length, 1);
    assert.equal(span.name, "chat claude-haiku-4-5");
    assert.equal(span.kind, SpanKind.CLIENT);
    assert.equal(span.status.code, SpanStatusCode.UNSET);
    const url = new URL(server.url);
    assert.deepEqual({ ...span.attributes }, {
      "gen_ai.operation.name": "chat",
      "gen_ai.provider.name": "anthropic",
      "gen_ai.request.model": "claude-haiku-4-5",
      "gen_ai.request.max_tokens": 100,
      "gen_ai.request.temperature": 0.2,
      "server.address": url.hostname,
      "server.port": Number(url.port),
      "rosetta.provider": "anthropic",
      "http.response.status_code": 200,
      "rosetta.attempts": 1,
      "gen_ai.response.model": "claude-haiku-4-5",
      "gen_ai.response.id": response.id,
      "gen_ai.response.finish_reasons": ["stop"],
      "gen_ai.usage.input_tokens": 21,
      "gen_ai.usage.output_tokens": 7,
      "gen_ai.usage.cache_read.input_tokens": 0,
      "gen_ai.usage.cache_creation.input_tokens": 0,
    });
  });
});

test("createTracingHook puts retries on the stream's span as events, and its end result", async () => {
  const { hook, spans } = tracing();
  const script = [failure(529), reply(text("Done."), usage(5, 3))];
  await withServer({ script }, async (server) => {
    const client = testClient(google, server.baseUrl("google"), {
      onEvent: hook,
      sleep: () => Promise.resolve(),
    });
    const stream = client.stream({ ...ask, model: "gemini-2.5-flash" });
    assert.equal((await read(stream)).text, "Done.");
    const [span] = spans();
    assert.equal(span.attributes["gen_ai.provider.name"], "gcp.gemini");
    assert.equal(span.attributes["rosetta.attempts"], 2);
    assert.equal(span.attributes["gen_ai.usage.output_tokens"], 3);
    assert.deepEqual(
      span.events.map((event) => [event.name, event.attributes?.["error.type"]]),
      [["retry", "server"]],
    );
  });
});

test("createTracingHook marks a failed call with error.type and an error status", async () => {
  const { hook, spans } = tracing();
  await withServer({ script: failure(400, { message: "bad" }) }, async (server) => {
    const client = testClient(openai, server.baseUrl("openai"), { onEvent: hook });
    await assert.rejects(client.complete({ ...ask, model: "gpt-4o" }));
    const [span] = spans();
    assert.equal(span.attributes["error.type"], "invalid_request");
    assert.equal(span.status.code, SpanStatusCode.ERROR);
    assert.equal(span.attributes["gen_ai.response.model"], undefined);
  });
});

test("createTracingHook gives a fallback's next call a fallback event", async () => {
  const { hook, spans } = tracing();
  const script = {
    script: (request: { provider: string }) =>
      request.provider === "anthropic" ? failure(529) : reply(text("From OpenAI.")),
  };
  await withServer(script, async (server) => {
    const target = { apiKey: KEY, maxRetries: 0 };
    const client = createFallbackClient({
      targets: [
        {
          ...target,
          provider: anthropic,
          model: "claude-haiku-4-5",
          baseUrl: server.baseUrl("anthropic"),
        },
        { ...target, provider: openai, model: "gpt-4o", baseUrl: server.baseUrl("openai") },
      ],
      onEvent: hook,
    });
    await client.complete({ messages: ask.messages });
    const [failed, answered] = spans();
    assert.deepEqual([failed.name, answered.name], ["chat claude-haiku-4-5", "chat gpt-4o"]);
    assert.equal(failed.attributes["error.type"], "server");
    assert.deepEqual(answered.events.map((event) => ({ name: event.name, ...event.attributes })), [{
      name: "fallback",
      "rosetta.fallback.from.provider": "anthropic",
      "rosetta.fallback.from.model": "claude-haiku-4-5",
      "rosetta.fallback.target": 0,
      "error.type": "server",
    }]);
  });
});

test("createTracingHook records no content unless asked, and the conventions' messages when asked", async () => {
  const answer = reply(toolCall("get_weather", { city: "Paris" }, "call_1"), usage(9, 4));
  for (const captureContent of [false, true]) {
    const { hook, spans } = tracing({ captureContent });
    await withServer({ script: answer }, async (server) => {
      const client = testClient(anthropic, server.baseUrl("anthropic"), { onEvent: hook });
      await client.complete(ask);
    });
    const attributes = spans()[0].attributes;
    if (!captureContent) {
      assert.deepEqual(CONTENT_KEYS.filter((key) => key in attributes), []);
      continue;
    }
    assert.equal(
      attributes["gen_ai.system_instructions"],
      '[{"type":"text","content":"Be brief."}]',
    );
    assert.deepEqual(JSON.parse(String(attributes["gen_ai.input.messages"])), [
      { role: "user", parts: [{ type: "text", content: "Weather in Paris?" }] },
    ]);
    assert.deepEqual(JSON.parse(String(attributes["gen_ai.output.messages"])), [{
      role: "assistant",
      parts: [{
        type: "tool_call",
        id: "call_1",
        name: "get_weather",
        arguments: { city: "Paris" },
      }],
      finish_reason: "tool_use",
    }]);
  }
});

test("createTracingHook records the span when the redacted key leaves the URL unparsable", async () => {
  const { hook, spans } = tracing();
  await withServer({}, async (server) => {
    // The key occurs in the host, so the event's URL reads http://127.[redacted]:port/…
    const client = createClient({
      provider: anthropic,
      apiKey: "0.0.1",
      baseUrl: server.baseUrl("anthropic"),
      onEvent: hook,
    });
    await client.complete(ask);
    assert.equal(spans().length, 1);
    assert.equal(spans()[0].attributes["gen_ai.request.model"], "claude-haiku-4-5");
    assert.equal(spans()[0].attributes["server.port"], Number(new URL(server.url).port));
  });
});

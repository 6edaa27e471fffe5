// The client over real loopback HTTP against the mock server: each provider's complete and
// stream, the hook's events, option checks and auth failures.
import { test } from "node:test";
import assert from "node:assert/strict";
import { providers } from "../providers/mod.ts";
import { openaiResponses } from "../providers/openai-responses/mod.ts";
import {
  ask,
  assertNoKey,
  failureOf,
  KEY,
  observed,
  read,
  testClient,
  withServer,
} from "../testing/internal/http_harness.ts";
import { reply, text, thinking, toolCall, usage } from "../testing/script.ts";
import { createMockServer } from "../testing/server.ts";
import type { ClientEvent } from "./events.ts";
import { createClient } from "./client.ts";
import { ProviderError, ValidationError } from "../common/errors.ts";
import type { ChatResponse } from "../common/types.ts";

const script = reply(
  thinking("Two cities, one tool.", "sig-1"),
  text("Let me check the weather."),
  toolCall("get_weather", { location: "Paris" }),
  usage(12, 7),
);

// Gemini has no call ids and Chat Completions returns no reasoning text.
const expected = {
  anthropic: [
    { type: "thinking", text: "Two cities, one tool.", signature: "sig-1" },
    { type: "text", text: "Let me check the weather." },
    { type: "tool_call", id: "toolu_mock2", name: "get_weather", arguments: { location: "Paris" } },
  ],
  openai: [
    { type: "text", text: "Let me check the weather." },
    { type: "tool_call", id: "call_mock0", name: "get_weather", arguments: { location: "Paris" } },
  ],
  google: [
    { type: "thinking", text: "Two cities, one tool.", signature: "sig-1" },
    { type: "text", text: "Let me check the weather." },
    { type: "tool_call", id: "(generated)", name: "get_weather", arguments: { location: "Paris" } },
  ],
  // The signature sends the reasoning item back: its id, then its encrypted content.
  "openai-responses": [
    { type: "thinking", text: "Two cities, one tool.", signature: "rs_mock0:sig-1" },
    { type: "text", text: "Let me check the weather." },
    { type: "tool_call", id: "call_mock2", name: "get_weather", arguments: { location: "Paris" } },
  ],
  bedrock: [
    { type: "thinking", text: "Two cities, one tool.", signature: "sig-1" },
    { type: "text", text: "Let me check the weather." },
    {
      type: "tool_call",
      id: "tooluse_mock2",
      name: "get_weather",
      arguments: { location: "Paris" },
    },
  ],
};

function content(response: ChatResponse): unknown[] {
  if (response.provider !== "google") return response.content;
  return response.content.map((block) =>
    block.type === "tool_call" ? { ...block, id: "(generated)" } : block
  );
}

for (const provider of Object.values(providers)) {
  test(`createClient complete gets a whole ${provider.name} response over HTTP`, async () => {
    await withServer({ script, apiKey: KEY }, async (server, mock) => {
      const client = testClient(provider, server.baseUrl(provider.name));
      const response = await client.complete(ask(provider.name));
      assert.deepEqual(content(response), expected[provider.name]);
      assert.equal(response.finishReason, "tool_use");
      assert.equal(response.usage.inputTokens, 12);
      assert.equal(response.usage.outputTokens, 7);
      assert.equal(mock.requests.length, 1);
      assert.equal(mock.requests[0].stream, false);
      assert.equal(mock.requests[0].model, ask(provider.name).model);
    });
  });

  test(`createClient stream gets ${provider.name} events and the same response`, async () => {
    await withServer({ script, apiKey: KEY }, async (server, mock) => {
      const client = testClient(provider, server.baseUrl(provider.name));
      const stream = client.stream(ask(provider.name));
      const { events, text, error } = await read(stream);
      assert.equal(error, undefined);
      assert.equal(text, "Let me check the weather.");
      assert.equal(events[0].type, "start");
      assert.ok(events.some((event) => event.type === "tool_call_end"));
      const response = await stream.response();
      assert.deepEqual(content(response), expected[provider.name]);
      assert.equal(response.finishReason, "tool_use");
      assert.equal(mock.requests[0].stream, true);
    });
  });
}

test("createClient runs in-process over the mock server's fetch, abort included", async () => {
  const mock = createMockServer({
    script: [reply(text("in-process")), { ...reply(), firstByteDelayMs: 200 }],
  });
  const client = testClient(providers.google, mock.baseUrl("google"), { fetch: mock.fetch });
  assert.equal((await read(client.stream(ask("google")))).text, "in-process");
  const controller = new AbortController();
  const reason = new Error("stop waiting");
  const call = client.complete(ask("google"), { signal: controller.signal });
  setTimeout(() => controller.abort(reason), 10);
  assert.equal(await failureOf(call), reason);
  assert.equal(mock.requests.length, 2);
});

test("createClient complete sends the provider's auth header, redacted in the record", async () => {
  await withServer({ apiKey: KEY }, async (server, mock) => {
    for (const provider of Object.values(providers)) {
      await testClient(provider, server.baseUrl(provider.name)).complete(ask(provider.name));
    }
    const [anthropic, openai, google, responses, bedrock] = mock.requests.map((r) => r.headers);
    assert.equal(anthropic["x-api-key"], "[redacted]");
    assert.equal(anthropic["anthropic-version"], "2023-06-01");
    assert.equal(openai.authorization, "[redacted]");
    assert.equal(google["x-goog-api-key"], "[redacted]");
    assert.equal(responses.authorization, "[redacted]");
    assert.equal(bedrock.authorization, "[redacted]");
    assert.deepEqual(mock.requests.map((r) => r.path), [
      "/v1/messages",
      "/v1/chat/completions",
      "/v1beta/models/gemini-2.5-flash:generateContent",
      "/v1/responses",
      "/model/us.anthropic.claude-haiku-4-5-20251001-v1%3A0/converse",
    ]);
  });
});

test("createClient complete fails with an auth ProviderError for a wrong key, unretried", async () => {
  await withServer({ apiKey: "another-key" }, async (server, mock) => {
    const client = testClient(providers.openai, server.baseUrl("openai"));
    const error = await failureOf(client.complete(ask("openai")));
    assert.ok(ProviderError.isInstance(error));
    assert.equal(error.category, "auth");
    assert.equal(error.status, 401);
    assert.equal(error.attempts, 1);
    assert.equal(mock.requests.length, 1);
  });
});

test("createClient stream sends extra headers and reports every step to the hook", async () => {
  await withServer({}, async (server, mock) => {
    const events: ClientEvent[] = [];
    const client = testClient(providers.anthropic, server.baseUrl("anthropic"), {
      headers: { "anthropic-beta": "test-beta" },
      onEvent: (event) => events.push(event),
    });
    await client.stream(ask("anthropic")).response();
    assert.equal(mock.requests[0].headers["anthropic-beta"], "test-beta");
    assert.deepEqual(events.map((event) => event.type), ["request", "response", "done"]);
    const [sent, answered, done] = events;
    assert.ok(sent.type === "request" && answered.type === "response" && done.type === "done");
    assert.equal(sent.headers["x-api-key"], "[redacted]");
    assert.equal(sent.url, `${server.baseUrl("anthropic")}/messages`);
    assert.equal(answered.status, 200);
    assert.equal(done.attempts, 1);
    assert.equal(done.error, undefined);
    assert.ok(sent.call === done.call && done.elapsedMs >= answered.elapsedMs);
  });
});

test("createClient refuses bad options with a ValidationError naming the field", () => {
  const bad = [
    [{ maxRetries: -1 }, "maxRetries must be an integer of at least 0, got -1"],
    [{ maxRetries: 1.5 }, "maxRetries must be an integer of at least 0, got 1.5"],
    [{ timeoutMs: 0 }, "timeoutMs must be a number of at least 1, got 0"],
    [{ idleTimeoutMs: Number.NaN }, "idleTimeoutMs must be a number of at least 1, got NaN"],
    [{ concurrency: 0 }, "concurrency must be an integer of at least 1, got 0"],
  ] as const;
  for (const [options, message] of bad) {
    assert.throws(
      () => createClient({ provider: providers.google, apiKey: KEY, ...options }),
      (error) =>
        ValidationError.isInstance(error) && error.provider === "google" &&
        error.path === Object.keys(options)[0] &&
        error.message === `Cannot create google client: ${message}`,
    );
  }
});

test("createClient refuses a provider name where a provider object belongs", () => {
  assert.throws(
    () => createClient({ provider: "openai" as never, apiKey: KEY }),
    (error) =>
      ValidationError.isInstance(error) && error.path === "provider" &&
      error.message ===
        'Cannot create client: provider must be a provider object such as anthropic or getProvider(name), got "openai"',
  );
});

test("createClient stream throws a ValidationError at once for a request it cannot send", () => {
  const client = createClient({ provider: providers.openai, apiKey: KEY });
  assert.throws(
    () => client.stream({ model: "gpt-4o", messages: [] }),
    (error) => ValidationError.isInstance(error) && error.provider === "openai",
  );
});

test("createClient never lets the API key into an error or a hook event of this file", () => {
  assert.ok(observed.length > 10);
  assertNoKey(observed);
});

test("createClient passes a provider's own serializer options: a stored Responses conversation", async () => {
  const mock = createMockServer({ script: reply(text("Again.")) });
  const client = createClient({
    provider: openaiResponses,
    apiKey: KEY,
    baseUrl: mock.baseUrl("openai-responses"),
    fetch: mock.fetch,
  });
  const request = {
    model: "gpt-5-mini",
    messages: [
      { role: "user" as const, content: "Hi" },
      { role: "assistant" as const, content: "Hello." },
      { role: "user" as const, content: "Say it again." },
    ],
  };
  await client.complete(request, { previousResponseId: "resp_1" });
  await read(client.stream(request, { previousResponseId: "resp_2", store: false }));
  const [whole, streamed] = mock.requests.map((recorded) => recorded.body);
  assert.equal(whole.previous_response_id, "resp_1");
  assert.equal(whole.store, true);
  assert.deepEqual(whole.input, [{ role: "user", content: "Say it again." }]);
  assert.equal(streamed.previous_response_id, "resp_2");
  assert.equal(streamed.store, false);
  assert.equal(streamed.stream, true);
});

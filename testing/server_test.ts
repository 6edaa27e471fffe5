// The mock server's own contract, in-process: what it renders, every provider's parser reads
// back; errors, auth and recordings follow each provider's documented format.
import { test } from "node:test";
import assert from "node:assert/strict";
import { ProviderError } from "../common/errors.ts";
import type { Provider } from "../common/provider.ts";
import { type ProviderName, providers } from "../providers/mod.ts";
import { cutBody } from "./faults.ts";
import { ask } from "./internal/http_harness.ts";
import { createMockServer, type MockServer } from "./server.ts";
import { failure, reply, text, thinking, toolCall, usage } from "./script.ts";

const KEY = "mock-test-key";

function send(
  mock: MockServer,
  provider: Provider<ProviderName>,
  stream: boolean,
  key = KEY,
): Promise<Response> {
  const http = provider.buildHttpRequest(ask(provider.name), {
    apiKey: key,
    baseUrl: mock.baseUrl(provider.name),
    stream,
  });
  return mock.fetch(http.url, http);
}

for (const provider of Object.values(providers)) {
  test(`createMockServer answers ${provider.name} whole and streamed with the same reply`, async () => {
    const script = reply(
      thinking("Hmm.", "s1"),
      text("It is sunny."),
      toolCall("get_weather", { city: "Oslo" }, "call-1"),
      usage(3, 5, 2),
    );
    const mock = createMockServer({ script });
    const whole = provider.parseResponse(await (await send(mock, provider, false)).text());
    const decoder = provider.createStreamDecoder();
    const events = decoder.push(
      new Uint8Array(await (await send(mock, provider, true)).arrayBuffer()),
    );
    const streamed = decoder.end();
    assert.deepEqual(
      streamed.content,
      whole.content.map((block) =>
        // Gemini sends no call ids: each parse makes its own.
        block.type === "tool_call" && provider.name === "google"
          ? { ...block, id: (streamed.content.at(-1) as { id: string }).id }
          : block
      ),
    );
    assert.deepEqual(streamed.usage, whole.usage);
    assert.equal(whole.finishReason, "tool_use");
    assert.equal(whole.usage.inputTokens, 3);
    assert.ok(events.filter((event) => event.type === "text_delta").length === 3);
    assert.ok(
      whole.content.some((block) => block.type === "text" && block.text === "It is sunny."),
    );
  });

  test(`createMockServer refuses ${provider.name} requests without the right key`, async () => {
    const mock = createMockServer({ apiKey: KEY });
    const response = await send(mock, provider, false, "wrong-key");
    const error = provider.errorFromResponse(
      response.status,
      await response.text(),
      response.headers,
    );
    assert.equal(error.category, "auth");
    assert.equal(error.status, 401);
    assert.equal(mock.requests.length, 1);
  });

  test(`createMockServer renders a 429 with the ${provider.name} retry delay`, async () => {
    const mock = createMockServer({
      script: failure(429, { message: "slow", retryAfterMs: 1500 }),
    });
    const response = await send(mock, provider, true);
    const error = provider.errorFromResponse(
      response.status,
      await response.text(),
      response.headers,
    );
    assert.ok(ProviderError.isInstance(error));
    assert.deepEqual([error.category, error.message, error.retryAfterMs], [
      "rate_limit",
      "slow",
      1500,
    ]);
  });
}

test("createMockServer renders Anthropic's 529 as overloaded_error", async () => {
  const mock = createMockServer({ script: failure(529) });
  const response = await send(mock, providers.anthropic, false);
  const error = providers.anthropic.errorFromResponse(529, await response.text());
  assert.deepEqual([error.category, error.code], ["server", "overloaded_error"]);
});

test("createMockServer records path, model, stream and headers with the key redacted", async () => {
  const mock = createMockServer();
  await send(mock, providers.google, true);
  await mock.fetch(`${mock.baseUrl("google")}/models/gemini-2.5-pro:generateContent?key=${KEY}`, {
    method: "POST",
    body: JSON.stringify({ contents: [] }),
  });
  const [streamed, keyed] = mock.requests;
  assert.equal(streamed.path, "/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse");
  assert.deepEqual([streamed.model, streamed.stream], ["gemini-2.5-flash", true]);
  assert.equal(streamed.headers["x-goog-api-key"], "[redacted]");
  assert.deepEqual(streamed.body.contents, [{ role: "user", parts: [{ text: "Hi" }] }]);
  assert.equal(keyed.path, "/v1beta/models/gemini-2.5-pro:generateContent?key=[redacted]");
  assert.equal(keyed.stream, false);
});

test("createMockServer takes scripted replies in order and repeats the last", async () => {
  const mock = createMockServer({ script: [failure(503), reply(text("a")), reply(text("b"))] });
  const statuses: number[] = [];
  for (let i = 0; i < 4; i++) statuses.push((await send(mock, providers.openai, false)).status);
  assert.deepEqual(statuses, [503, 200, 200, 200]);
  const last = await (await send(mock, providers.openai, false)).json();
  assert.equal(last.choices[0].message.content, "b");
});

test("createMockServer cuts a whole body after the scripted number of bytes", async () => {
  const mock = createMockServer({
    script: { ...reply(text("a long enough answer")), disconnectAfter: 40 },
  });
  const response = await send(mock, providers.anthropic, false);
  const reader = response.body!.getReader();
  let received = 0;
  await assert.rejects(async () => {
    while (true) {
      const chunk = await reader.read();
      if (chunk.done) break;
      received += chunk.value.length;
    }
  }, /connection cut/);
  assert.equal(received, 40);
});

test("createMockServer listen serves on loopback until closed", async () => {
  const mock = createMockServer();
  const server = await mock.listen();
  assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+$/);
  const http = providers.openai.buildHttpRequest(ask("openai"), {
    apiKey: KEY,
    baseUrl: server.baseUrl("openai"),
  });
  const response = await fetch(http.url, http);
  assert.equal((await response.json()).object, "chat.completion");
  await server.close();
  await assert.rejects(fetch(http.url, http));
});

test("cutBody splits at fault offsets and counts them in units", () => {
  const bytes = new Uint8Array(10);
  const { units, plan } = cutBody(bytes, { stallAfter: 3, disconnectAfter: 7, stallMs: 5 });
  assert.deepEqual(units.map((unit) => unit.length), [3, 4, 3]);
  assert.deepEqual(plan, { stallAfter: 1, disconnectAfter: 2, stallMs: 5 });
  assert.deepEqual(cutBody(bytes, {}).units.map((unit) => unit.length), [10]);
});

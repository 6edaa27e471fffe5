// The client's retries over loopback HTTP: which failures are retried, how long it waits
// (the provider's retry-after, else full-jitter backoff), and when it gives up.
import { test } from "node:test";
import assert from "node:assert/strict";
import { providers } from "../providers/mod.ts";
import {
  ask,
  assertNoKey,
  failureOf,
  observed,
  read,
  testClient,
  withServer,
} from "../testing/internal/http_harness.ts";
import { failure, reply, text } from "../testing/script.ts";
import type { ClientEvent } from "./events.ts";
import { ProviderError } from "../common/errors.ts";
import { sleep } from "./retry.ts";

const ok = reply(text("Recovered."));

// Records each wait and waits nothing, so that long delays cost no time.
function recordingSleep(waits: number[]) {
  return (ms: number, signal: AbortSignal) => {
    waits.push(ms);
    return sleep(0, signal);
  };
}

test("createClient retries a 429 after its retry-after-ms wait", async () => {
  const script = [failure(429, { headers: { "retry-after-ms": "40", "retry-after": "9" } }), ok];
  await withServer({ script }, async (server, mock) => {
    const events: ClientEvent[] = [];
    const client = testClient(providers.openai, server.baseUrl("openai"), {
      onEvent: (event) => events.push(event),
    });
    const started = performance.now();
    const response = await client.complete(ask("openai"));
    assert.ok(performance.now() - started >= 38, "waited the 40 ms asked for");
    assert.deepEqual(response.content, [{ type: "text", text: "Recovered." }]);
    assert.equal(mock.requests.length, 2);
    const retry = events.find((event) => event.type === "retry");
    assert.ok(retry?.type === "retry");
    assert.equal(retry.delayMs, 40);
    assert.equal(retry.error.category, "rate_limit");
    assert.deepEqual(events.map((event) => event.type), [
      "request",
      "response",
      "retry",
      "request",
      "response",
      "done",
    ]);
  });
});

test("createClient retries Anthropic's 529 overloaded, then the stream goes on", async () => {
  await withServer({ script: [failure(529, { message: "Overloaded" }), ok] }, async (server) => {
    const waits: number[] = [];
    const client = testClient(providers.anthropic, server.baseUrl("anthropic"), {
      random: () => 0.5,
      sleep: recordingSleep(waits),
    });
    const { text: said, error } = await read(client.stream(ask("anthropic")));
    assert.equal(error, undefined);
    assert.equal(said, "Recovered.");
    // Full jitter: half of the first ceiling, 500 ms.
    assert.deepEqual(waits, [250]);
  });
});

test("createClient waits the Gemini RetryInfo delay and an HTTP-date Retry-After", async () => {
  const inTwoSeconds = new Date(Date.now() + 2000).toUTCString();
  const script = [
    failure(429, { retryAfterMs: 1500 }),
    failure(503, { headers: { "retry-after": inTwoSeconds } }),
    ok,
  ];
  await withServer({ script }, async (server) => {
    const waits: number[] = [];
    const client = testClient(providers.google, server.baseUrl("google"), {
      sleep: recordingSleep(waits),
    });
    await client.complete(ask("google"));
    assert.equal(waits[0], 1500);
    assert.ok(waits[1] > 0 && waits[1] <= 2000, `HTTP-date wait ${waits[1]}`);
  });
});

test("createClient gives up after maxRetries with the last error and its attempt count", async () => {
  await withServer({ script: failure(500) }, async (server, mock) => {
    const waits: number[] = [];
    const client = testClient(providers.openai, server.baseUrl("openai"), {
      maxRetries: 3,
      random: () => 1 - Number.EPSILON,
      sleep: recordingSleep(waits),
    });
    const error = await failureOf(client.complete(ask("openai")));
    assert.ok(ProviderError.isInstance(error));
    assert.equal(error.category, "server");
    assert.equal(error.attempts, 4);
    assert.equal(mock.requests.length, 4);
    assert.deepEqual(waits, [499, 999, 1999]);
  });
});

test("createClient with maxRetries 0 makes one attempt", async () => {
  await withServer({ script: [failure(429), ok] }, async (server, mock) => {
    const client = testClient(providers.anthropic, server.baseUrl("anthropic"), { maxRetries: 0 });
    const error = await failureOf(client.complete(ask("anthropic")));
    assert.ok(ProviderError.isInstance(error) && error.attempts === 1);
    assert.equal(mock.requests.length, 1);
  });
});

test("createClient does not retry a 400", async () => {
  await withServer({ script: [failure(400, { message: "bad" }), ok] }, async (server, mock) => {
    const client = testClient(providers.google, server.baseUrl("google"));
    const error = await failureOf(client.complete(ask("google")));
    assert.ok(ProviderError.isInstance(error));
    assert.equal(error.category, "invalid_request");
    assert.equal(error.message, "bad");
    assert.equal(mock.requests.length, 1);
  });
});

test("createClient hands back a wait over a minute instead of sleeping through it", async () => {
  await withServer({ script: [failure(429, { retryAfterMs: 120_000 }), ok] }, async (server) => {
    const client = testClient(providers.openai, server.baseUrl("openai"));
    const error = await failureOf(client.complete(ask("openai")));
    assert.ok(ProviderError.isInstance(error));
    assert.equal(error.retryAfterMs, 120_000);
    assert.equal(error.attempts, 1);
  });
});

test("createClient gives up when the wait would outlast its timeout", async () => {
  await withServer({ script: [failure(429, { retryAfterMs: 500 }), ok] }, async (server) => {
    const client = testClient(providers.anthropic, server.baseUrl("anthropic"), {
      timeoutMs: 200,
    });
    const started = performance.now();
    const error = await failureOf(client.complete(ask("anthropic")));
    assert.ok(ProviderError.isInstance(error) && error.category === "rate_limit");
    assert.ok(performance.now() - started < 150, "did not wait");
  });
});

test("createClient retries a refused connection as a network error", async () => {
  const waits: number[] = [];
  const retried = testClient(providers.openai, "http://127.0.0.1:9/v1", {
    maxRetries: 2,
    sleep: recordingSleep(waits),
  });
  const error = await failureOf(retried.complete(ask("openai")));
  assert.ok(ProviderError.isInstance(error));
  assert.equal(error.category, "network");
  assert.equal(error.attempts, 3);
  assert.equal(waits.length, 2);
});

test("createClient abort during a retry wait rejects with the signal's reason", async () => {
  await withServer({ script: [failure(429, { retryAfterMs: 5_000 }), ok] }, async (server) => {
    const client = testClient(providers.google, server.baseUrl("google"));
    const controller = new AbortController();
    const reason = new Error("caller gave up");
    const call = client.complete(ask("google"), { signal: controller.signal });
    setTimeout(() => controller.abort(reason), 30);
    assert.equal(await failureOf(call), reason);
  });
});

test("createClient never lets the API key into an error or a hook event of this file", () => {
  assert.ok(observed.length > 10);
  assertNoKey(observed);
});

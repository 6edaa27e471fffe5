// A client's stream when things go wrong over loopback HTTP: a cut connection, a caller's
// abort, a stall, the total timeout, a malformed event, bytes in odd splits, a slow first byte.
import { test } from "node:test";
import assert from "node:assert/strict";
import process from "node:process";
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
import { type MockReply, reply, text, toolCall } from "../testing/script.ts";
import { ProviderError, ResponseParseError } from "../common/errors.ts";

const words = "one two three four five six seven eight nine ten";
const answer = (faults: Partial<MockReply>): MockReply => ({ ...reply(text(words)), ...faults });

// Timers alive in this process, where the runtime tells (Deno and Node; Bun reports none).
function timers(): number {
  const info = (process as { getActiveResourcesInfo?: () => string[] }).getActiveResourcesInfo;
  return info?.call(process).filter((name) => name === "Timeout").length ?? 0;
}

for (const provider of Object.values(providers)) {
  test(`createClient stream cut mid-way is a network error with the ${provider.name} partial, not retried`, async () => {
    await withServer({ script: answer({ disconnectAfter: 4 }) }, async (server, mock) => {
      const client = testClient(provider, server.baseUrl(provider.name));
      const { text: said, error } = await read(client.stream(ask(provider.name)));
      assert.ok(ProviderError.isInstance(error), String(error));
      assert.equal(error.category, "network");
      assert.equal(error.attempts, 1);
      assert.ok(said.length > 0 && words.startsWith(said), said);
      const partial = error.partial!.content[0];
      assert.deepEqual(partial, { type: "text", text: said });
      assert.equal(mock.requests.length, 1);
    });
  });
}

test("createClient stream aborted mid-way rejects with the signal's reason", async () => {
  const script = [answer({ stallAfter: 5, stallMs: 5_000 }), answer({})];
  await withServer({ script }, async (server) => {
    const client = testClient(providers.openai, server.baseUrl("openai"), { concurrency: 1 });
    const controller = new AbortController();
    const reason = new Error("the user closed the tab");
    const stream = client.stream(ask("openai"), { signal: controller.signal });
    const started = performance.now();
    const { events, error } = await read(stream, (_, count) => {
      if (count === 3) setTimeout(() => controller.abort(reason), 10);
    });
    assert.equal(error, reason);
    assert.ok(events.length >= 3);
    assert.ok(performance.now() - started < 1_000, "did not wait for the stall");
    assert.equal(await failureOf(stream.response()), reason);
    // The slot came back: the next call goes through at once.
    const again = await client.complete(ask("openai"));
    assert.equal(again.finishReason, "stop");
  });
});

test("createClient stream aborted before its first byte rejects with the reason, unretried", async () => {
  const script = { ...reply(text("too late")), firstByteDelayMs: 2_000 };
  await withServer({ script }, async (server, mock) => {
    const client = testClient(providers.google, server.baseUrl("google"));
    const controller = new AbortController();
    const reason = new Error("gave up waiting");
    const stream = client.stream(ask("google"), { signal: controller.signal });
    const started = performance.now();
    setTimeout(() => controller.abort(reason), 20);
    assert.equal((await read(stream)).error, reason);
    assert.ok(performance.now() - started < 1_000, "did not wait for the first byte");
    assert.equal(mock.requests.length, 1);
  });
});

test("createClient stream stopped early cancels the request and frees its slot", async () => {
  const script = [answer({ stallAfter: 4, stallMs: 5_000 }), answer({})];
  await withServer({ script }, async (server) => {
    const client = testClient(providers.anthropic, server.baseUrl("anthropic"), { concurrency: 1 });
    const started = performance.now();
    let seen = 0;
    for await (const _ of client.stream(ask("anthropic"))) if (++seen === 2) break;
    const next = await client.complete(ask("anthropic"));
    assert.equal(next.finishReason, "stop");
    assert.ok(performance.now() - started < 1_000, "did not wait for the stalled stream");
  });
});

test("createClient stream that stalls ends in a timeout error carrying the partial", async () => {
  await withServer({ script: answer({ stallAfter: 4, stallMs: 2_000 }) }, async (server, mock) => {
    const client = testClient(providers.anthropic, server.baseUrl("anthropic"), {
      idleTimeoutMs: 40,
    });
    const started = performance.now();
    const { text: said, error } = await read(client.stream(ask("anthropic")));
    assert.ok(performance.now() - started < 1_000);
    assert.ok(ProviderError.isInstance(error));
    assert.equal(error.category, "timeout");
    assert.match(error.message, /^Cannot read anthropic stream: nothing arrived for 40 ms$/);
    assert.equal(error.attempts, 1);
    assert.deepEqual(error.partial?.content, [{ type: "text", text: said }]);
    assert.equal(mock.requests.length, 1);
  });
});

test("createClient stream retries a response whose headers are slower than the idle limit", async () => {
  // The idle limit is wide enough that the second, prompt answer never idles on a loaded
  // machine (40 ms did once on Node under load), and far below the first's delay.
  const script = [answer({ firstByteDelayMs: 1_500 }), answer({})];
  await withServer({ script }, async (server, mock) => {
    const client = testClient(providers.google, server.baseUrl("google"), {
      idleTimeoutMs: 300,
      random: () => 0,
    });
    const { text: said, error } = await read(client.stream(ask("google")));
    assert.equal(error, undefined);
    assert.equal(said, words);
    assert.equal(mock.requests.length, 2);
  });
});

test("createClient complete over its timeout fails with a timeout error, unretried", async () => {
  await withServer({ script: answer({ firstByteDelayMs: 2_000 }) }, async (server, mock) => {
    const client = testClient(providers.openai, server.baseUrl("openai"), { timeoutMs: 50 });
    const error = await failureOf(client.complete(ask("openai")));
    assert.ok(ProviderError.isInstance(error));
    assert.equal(error.category, "timeout");
    assert.equal(error.message, "Cannot complete openai call: no result within 50 ms");
    assert.equal(mock.requests.length, 1);
  });
});

test("createClient stream over its total timeout keeps the partial", async () => {
  await withServer({ script: answer({ stallAfter: 3, stallMs: 2_000 }) }, async (server) => {
    const client = testClient(providers.google, server.baseUrl("google"), { timeoutMs: 80 });
    const { error } = await read(client.stream(ask("google")));
    assert.ok(ProviderError.isInstance(error) && error.category === "timeout");
    assert.equal(error.partial?.content[0].type, "text");
  });
});

test("createClient stream reports a malformed event as a ResponseParseError", async () => {
  await withServer({ script: answer({ malformedAt: 3 }) }, async (server) => {
    const client = testClient(providers.anthropic, server.baseUrl("anthropic"));
    const { events, error } = await read(client.stream(ask("anthropic")));
    assert.ok(events.some((event) => event.type === "error"));
    assert.ok(ResponseParseError.isInstance(error) && error.type === "invalid_json", String(error));
  });
});

test("createClient stream decodes bytes dripped in random splits", async () => {
  const said = "déjà vu 🌍 again";
  const script = { ...reply(text(said), toolCall("f", { a: [1, 2] })), dripSeed: 7 };
  await withServer({ script }, async (server) => {
    for (const provider of Object.values(providers)) {
      const stream = testClient(provider, server.baseUrl(provider.name)).stream(ask(provider.name));
      const got = await read(stream);
      assert.equal(got.error, undefined);
      assert.equal(got.text, said);
      const call = (await stream.response()).content[1];
      assert.ok(call.type === "tool_call");
      assert.deepEqual(call.arguments, { a: [1, 2] });
    }
  });
});

test("createClient calls leave no timer behind", async () => {
  await withServer({ script: answer({}) }, async (server) => {
    const before = timers();
    const client = testClient(providers.openai, server.baseUrl("openai"), {
      idleTimeoutMs: 1_000,
      timeoutMs: 5_000,
    });
    await client.complete(ask("openai"));
    await read(client.stream(ask("openai")));
    const controller = new AbortController();
    await read(
      client.stream(ask("openai"), { signal: controller.signal }),
      () => controller.abort(),
    );
    await new Promise((resolve) => setTimeout(resolve, 10));
    assert.equal(timers(), before);
  });
});

test("createClient never lets the API key into an error or a hook event of this file", () => {
  assert.ok(observed.length > 10);
  assertNoKey(observed);
});

// Many calls at once over loopback HTTP: 200 concurrent streams across the providers, the
// concurrency cap and its FIFO queue.
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
import { type MockReply, type RecordedRequest, reply, text } from "../testing/script.ts";
import type { ClientEvent } from "./events.ts";
import { ProviderError } from "../common/errors.ts";

// Each stream's words name the stream, so that a mix-up or a lost event shows.
const say = (n: number) =>
  `stream ${n} says ${Array.from({ length: 12 }, (_, i) => `w${n}.${i}`).join(" ")}`;

function echo(request: RecordedRequest): MockReply {
  const n = Number(/stream (\d+)/.exec(JSON.stringify(request.body))![1]);
  return reply(text(say(n)));
}

test("createClient runs 200 concurrent streams across providers, losing and mixing nothing", async () => {
  await withServer({ script: echo }, async (server, mock) => {
    const all = Object.values(providers);
    const clients = all.map((provider) => testClient(provider, server.baseUrl(provider.name)));
    const runs = Array.from({ length: 200 }, async (_, n) => {
      const client = clients[n % clients.length];
      const stream = client.stream(ask(all[n % all.length].name, `stream ${n}`));
      const got = await read(stream);
      const response = await stream.response();
      return { n, got, response };
    });
    for (const { n, got, response } of await Promise.all(runs)) {
      assert.equal(got.error, undefined);
      assert.equal(got.text, say(n));
      assert.equal(
        got.events.filter((event) => event.type === "text_delta").length,
        say(n).split(" ").length,
      );
      assert.deepEqual(response.content, [{ type: "text", text: say(n) }]);
    }
    assert.equal(mock.requests.length, 200);
  });
});

test("createClient keeps calls in flight under its concurrency cap, in FIFO order", async () => {
  const script = { ...reply(text("slow answer")), stallAfter: 1, stallMs: 15 };
  await withServer({ script }, async (server) => {
    let inFlight = 0;
    let peak = 0;
    const order: string[] = [];
    const client = testClient(providers.anthropic, server.baseUrl("anthropic"), {
      concurrency: 3,
      onEvent: (event: ClientEvent) => {
        if (event.type === "request") {
          peak = Math.max(peak, ++inFlight);
          order.push(String(event.call));
        }
        if (event.type === "done") inFlight--;
      },
    });
    const runs = Array.from({ length: 10 }, (_, n) => {
      const stream = client.stream(ask("anthropic", `call ${n}`));
      return read(stream);
    });
    for (const got of await Promise.all(runs)) assert.equal(got.text, "slow answer");
    assert.equal(peak, 3);
    const ids = order.map(Number);
    assert.deepEqual(ids, [...ids].sort((a, b) => a - b));
  });
});

test("createClient abort while queued leaves the queue and rejects with the reason", async () => {
  const script = { ...reply(text("first")), stallAfter: 1, stallMs: 60 };
  await withServer({ script }, async (server, mock) => {
    const client = testClient(providers.google, server.baseUrl("google"), { concurrency: 1 });
    const first = client.complete(ask("google", "one"));
    const controller = new AbortController();
    const reason = new Error("no longer needed");
    const queued = client.complete(ask("google", "two"), { signal: controller.signal });
    const third = client.complete(ask("google", "three"));
    setTimeout(() => controller.abort(reason), 10);
    assert.equal(await failureOf(queued), reason);
    await first;
    await third;
    const asked = mock.requests.map((request) => JSON.stringify(request.body));
    assert.equal(asked.length, 2);
    assert.ok(asked[0].includes("one") && asked[1].includes("three"));
  });
});

test("createClient with a cap rejects a call whose signal already aborted, sending nothing", async () => {
  await withServer({ script: reply(text("unused")) }, async (server, mock) => {
    const client = testClient(providers.google, server.baseUrl("google"), { concurrency: 1 });
    const reason = new Error("cancelled before it began");
    const signal = AbortSignal.abort(reason);
    assert.equal(await failureOf(client.complete(ask("google", "one"), { signal })), reason);
    assert.equal(mock.requests.length, 0);
    assert.equal((await client.complete(ask("google", "two"))).content.length, 1);
  });
});

test("createClient times a call out while it waits in the queue", async () => {
  await withServer({ script: reply(text("holds the slot")) }, async (server, mock) => {
    const client = testClient(providers.google, server.baseUrl("google"), {
      concurrency: 1,
      timeoutMs: 100,
      maxRetries: 0,
    });
    // A stream holds its slot until it is read, past its own deadline too.
    const holder = client.stream(ask("google", "one"));
    const error = await failureOf(client.complete(ask("google", "two")));
    assert.ok(ProviderError.isInstance(error) && error.category === "timeout", String(error));
    assert.equal(mock.requests.length, 1);
    await read(holder);
  });
});

test("createClient never lets the API key into an error or a hook event of this file", () => {
  assert.ok(observed.length > 100);
  assertNoKey(observed);
});

// createFallbackClient over loopback HTTP: one mock serves every target, answering by provider.
// When a call moves on (transient errors after the target's own retries, fallbackOn), when it
// does not (other errors, a stream that began, an abort), and what it reports.
import { test } from "node:test";
import assert from "node:assert/strict";
import { anthropic, google, openai } from "../mod.ts";
import { ProviderError, ValidationError } from "../common/errors.ts";
import type { Provider } from "../common/provider.ts";
import type { Message, Warning } from "../common/types.ts";
import { type ProviderName, providers } from "../providers/mod.ts";
import {
  assertNoKey,
  failureOf,
  KEY,
  observed,
  read,
  withServer,
} from "../testing/internal/http_harness.ts";
import { failure, type MockReply, reply, text } from "../testing/script.ts";
import type { ListeningMockServer, MockServerOptions } from "../testing/server.ts";
import { createFallbackClient, type FallbackTarget } from "./fallback.ts";
import { FallbackError } from "./fallback_error.ts";
import type { FallbackClientEvent } from "./fallback_events.ts";

const ask = { messages: [{ role: "user" as const, content: "Hi" }] };
const words = "one two three four five six seven eight nine ten";
const overloaded = failure(529, { message: "Overloaded" });

// One mock for every target: each provider gives its scripted reply.
function byProvider(replies: Partial<Record<ProviderName, MockReply>>): MockServerOptions {
  return { script: (request) => replies[request.provider as ProviderName] ?? reply(text("?")) };
}

// A target on the mock: the test key, no retries unless asked, and retry waits skipped.
function at(
  server: ListeningMockServer,
  provider: Provider<ProviderName>,
  more: Partial<FallbackTarget> = {},
): FallbackTarget {
  return {
    provider,
    model: `${provider.name}-model`,
    apiKey: KEY,
    baseUrl: server.baseUrl(provider.name),
    maxRetries: 0,
    sleep: () => Promise.resolve(),
    ...more,
  };
}

// Keeps every hook event, for the test and for the no-key check.
function hookInto(events: FallbackClientEvent[]): (event: FallbackClientEvent) => void {
  return (event) => {
    events.push(event);
    observed.push(event);
  };
}

test("createFallbackClient stream moves on after the first target's retries are spent", async () => {
  const script = byProvider({ anthropic: overloaded, openai: reply(text("From OpenAI.")) });
  await withServer(script, async (server, mock) => {
    const events: FallbackClientEvent[] = [];
    const client = createFallbackClient({
      targets: [at(server, anthropic, { maxRetries: 1 }), at(server, openai)],
      onEvent: hookInto(events),
    });
    const stream = client.stream(ask);
    const { text: said, error } = await read(stream);
    assert.equal(error, undefined);
    assert.equal(said, "From OpenAI.");
    const response = await stream.response();
    assert.equal(response.provider, "openai");
    assert.deepEqual(
      response.attempts.map(({ provider, model, error }) => [
        provider,
        model,
        error.category,
        error.status,
        error.attempts,
      ]),
      [["anthropic", "anthropic-model", "server", 529, 2]],
    );
    assert.equal(stream.attempts, response.attempts);
    assert.deepEqual(
      mock.requests.map((request) => [request.provider, request.model, request.stream]),
      [
        ["anthropic", "anthropic-model", true],
        ["anthropic", "anthropic-model", true],
        ["openai", "openai-model", true],
      ],
    );
    assert.deepEqual(events.map((event) => `${event.type} ${event.provider}`), [
      "request anthropic",
      "response anthropic",
      "retry anthropic",
      "request anthropic",
      "response anthropic",
      "done anthropic",
      "fallback anthropic",
      "request openai",
      "response openai",
      "done openai",
    ]);
    const done = events[5];
    const fallback = events[6];
    assert.ok(done.type === "done" && fallback.type === "fallback");
    assert.equal(fallback.call, done.call);
    assert.equal(fallback.error, response.attempts[0].error);
    assert.equal(fallback.target, 0);
    assert.equal(fallback.model, "anthropic-model");
    assert.deepEqual(fallback.next, { provider: "openai", model: "openai-model" });
    assert.notEqual(events[7].call, done.call);
  });
});

test("createFallbackClient stream moves on when a stream is cut before its first event", async () => {
  const script = byProvider({
    google: { ...reply(text(words)), disconnectAfter: 0 },
    anthropic: reply(text("From Anthropic.")),
  });
  await withServer(script, async (server) => {
    const client = createFallbackClient({ targets: [at(server, google), at(server, anthropic)] });
    const response = await client.stream(ask).response();
    assert.deepEqual(response.content, [{ type: "text", text: "From Anthropic." }]);
    assert.deepEqual(response.attempts.map((a) => [a.provider, a.error.category]), [[
      "google",
      "network",
    ]]);
  });
});

test("createFallbackClient stream cut after its first event ends with the partial, unmoved", async () => {
  const script = byProvider({
    anthropic: { ...reply(text(words)), disconnectAfter: 4 },
    openai: reply(text("From OpenAI.")),
  });
  await withServer(script, async (server, mock) => {
    const client = createFallbackClient({
      targets: [at(server, anthropic, { maxRetries: 2 }), at(server, openai)],
    });
    const stream = client.stream(ask);
    const { text: said, error } = await read(stream);
    assert.ok(ProviderError.isInstance(error), String(error));
    assert.equal(error.category, "network");
    assert.equal(error.provider, "anthropic");
    assert.ok(said.length > 0 && words.startsWith(said), said);
    assert.deepEqual(error.partial!.content, [{ type: "text", text: said }]);
    assert.equal(await failureOf(stream.response()), error);
    assert.deepEqual(stream.attempts, []);
    assert.deepEqual(mock.requests.map((request) => request.provider), ["anthropic"]);
  });
});

test("createFallbackClient complete moves on and puts every attempt's warnings in the list", async () => {
  const script = byProvider({ openai: failure(503), anthropic: reply(text("From Anthropic.")) });
  await withServer(script, async (server, mock) => {
    // A Gemini code block neither target can take back: each serialization drops it.
    const messages: Message[] = [
      { role: "user", content: "Run it." },
      {
        role: "assistant",
        provider: "google",
        content: [
          { type: "provider", provider: "google", blockType: "executableCode", data: {} },
          { type: "text", text: "Done." },
        ],
      },
      { role: "user", content: "Again." },
    ];
    const warnings: Warning[] = [];
    const client = createFallbackClient({
      targets: [at(server, openai, { maxRetries: 1 }), at(server, anthropic)],
    });
    const response = await client.complete({ model: "ignored", messages }, { warnings });
    assert.equal(response.provider, "anthropic");
    assert.deepEqual(response.content, [{ type: "text", text: "From Anthropic." }]);
    assert.deepEqual(
      response.attempts.map((a) => [a.provider, a.error.status, a.error.attempts]),
      [["openai", 503, 2]],
    );
    assert.deepEqual(warnings.map((warning) => [warning.provider, warning.path]), [
      ["openai", "messages[1].content[0]"],
      ["anthropic", "messages[1].content[0]"],
    ]);
    assert.deepEqual(mock.requests.map((request) => [request.provider, request.stream]), [
      ["openai", false],
      ["openai", false],
      ["anthropic", false],
    ]);
  });
});

test("createFallbackClient complete gives the first target's answer with no attempts", async () => {
  await withServer(byProvider({ google: reply(text("First.")) }), async (server, mock) => {
    const client = createFallbackClient({ targets: [at(server, google), at(server, openai)] });
    const response = await client.complete(ask);
    assert.equal(response.provider, "google");
    assert.deepEqual(response.attempts, []);
    assert.equal(mock.requests.length, 1);
  });
});

for (const mode of ["complete", "stream"] as const) {
  test(`createFallbackClient ${mode} throws a 400 at once, without moving on`, async () => {
    const script = byProvider({
      anthropic: failure(400, { message: "bad" }),
      openai: reply(text("From OpenAI.")),
    });
    await withServer(script, async (server, mock) => {
      const client = createFallbackClient({
        targets: [at(server, anthropic, { maxRetries: 2 }), at(server, openai)],
      });
      const error = mode === "complete"
        ? await failureOf(client.complete(ask))
        : (await read(client.stream(ask))).error;
      assert.ok(ProviderError.isInstance(error));
      assert.equal(error.category, "invalid_request");
      assert.equal(error.message, "bad");
      assert.deepEqual(mock.requests.map((request) => request.provider), ["anthropic"]);
    });
  });

  test(`createFallbackClient ${mode} moves on after a 400 named in fallbackOn`, async () => {
    const script = byProvider({
      anthropic: failure(400, { message: "bad" }),
      openai: failure(401),
      google: reply(text("From Gemini.")),
    });
    await withServer(script, async (server) => {
      const client = createFallbackClient({
        targets: [at(server, anthropic), at(server, openai), at(server, google)],
        fallbackOn: ["invalid_request", "auth"],
      });
      const response = mode === "complete"
        ? await client.complete(ask)
        : await client.stream(ask).response();
      assert.equal(response.provider, "google");
      assert.deepEqual(response.attempts.map((a) => [a.provider, a.error.category]), [
        ["anthropic", "invalid_request"],
        ["openai", "auth"],
      ]);
    });
  });

  test(`createFallbackClient ${mode} rejects with a FallbackError listing every target`, async () => {
    const script = byProvider({
      anthropic: overloaded,
      openai: failure(429, { message: "Slow down", retryAfterMs: 120_000 }),
    });
    await withServer(script, async (server, mock) => {
      const client = createFallbackClient({
        targets: [at(server, anthropic, { maxRetries: 1 }), at(server, openai, { maxRetries: 1 })],
      });
      const error = mode === "complete"
        ? await failureOf(client.complete(ask))
        : (await read(client.stream(ask))).error;
      assert.ok(FallbackError.isInstance(error), String(error));
      assert.equal(error.category, "rate_limit");
      assert.equal(
        error.message,
        "Cannot complete request with any target: anthropic anthropic-model failed with server " +
          "(529): Overloaded; openai openai-model failed with rate_limit (429): Slow down",
      );
      assert.deepEqual(
        error.attempts.map((a) => [a.provider, a.model, a.error.status, a.error.attempts]),
        [["anthropic", "anthropic-model", 529, 2], ["openai", "openai-model", 429, 1]],
      );
      assert.equal(error.cause, error.attempts[1].error);
      // A wait of two minutes is handed back, not slept through: openai asked once.
      assert.deepEqual(mock.requests.map((request) => request.provider), [
        "anthropic",
        "anthropic",
        "openai",
      ]);
    });
  });

  test(`createFallbackClient ${mode} aborted mid-way stops, trying no further target`, async () => {
    const script = byProvider({
      anthropic: overloaded,
      openai: { ...reply(text("too late")), firstByteDelayMs: 5_000 },
      google: reply(text("never")),
    });
    await withServer(script, async (server, mock) => {
      const controller = new AbortController();
      const reason = new Error("the user closed the tab");
      const events: FallbackClientEvent[] = [];
      const client = createFallbackClient({
        targets: [at(server, anthropic), at(server, openai), at(server, google)],
        onEvent: (event) => {
          events.push(event);
          if (event.type === "request" && event.provider === "openai") {
            setTimeout(() => controller.abort(reason), 10);
          }
        },
      });
      const started = performance.now();
      const options = { signal: controller.signal };
      const error = mode === "complete"
        ? await failureOf(client.complete(ask, options))
        : (await read(client.stream(ask, options))).error;
      assert.equal(error, reason);
      assert.ok(performance.now() - started < 2_000, "did not wait for the first byte");
      assert.deepEqual(mock.requests.map((request) => request.provider), ["anthropic", "openai"]);
      assert.equal(events.filter((event) => event.type === "fallback").length, 1);
    });
  });
}

test("createFallbackClient with the signal already aborted sends nothing", async () => {
  await withServer({}, async (server, mock) => {
    const client = createFallbackClient({ targets: [at(server, openai), at(server, google)] });
    const reason = new Error("never mind");
    const error = await failureOf(client.complete(ask, { signal: AbortSignal.abort(reason) }));
    assert.equal(error, reason);
    assert.equal(mock.requests.length, 0);
  });
});

test("createFallbackClient throws a later target's ValidationError without moving on", async () => {
  await withServer(byProvider({ openai: overloaded }), async (server, mock) => {
    const client = createFallbackClient({
      targets: [at(server, openai), at(server, anthropic), at(server, google)],
    });
    // Anthropic takes no temperature above 1; OpenAI takes up to 2.
    const error = await failureOf(client.complete({ ...ask, temperature: 1.5 }));
    assert.ok(ValidationError.isInstance(error), String(error));
    assert.equal(error.provider, "anthropic");
    assert.equal(error.path, "temperature");
    assert.deepEqual(mock.requests.map((request) => request.provider), ["openai"]);
  });
});

test("createFallbackClient stream is iterated once, and response() reads it to its end", async () => {
  await withServer(byProvider({ openai: overloaded }), async (server) => {
    const client = createFallbackClient({ targets: [at(server, openai), at(server, anthropic)] });
    const stream = client.stream(ask);
    const response = await stream.response();
    assert.equal(response.provider, "anthropic");
    assert.equal(await stream.response(), response);
    const again = await failureOf((async () => {
      for await (const _ of stream) { /* nothing */ }
    })());
    assert.ok(ValidationError.isInstance(again));
    assert.equal(
      again.message,
      "Cannot iterate fallback stream: it was already iterated; iterate it once, then call " +
        "response()",
    );
  });
});

test("createFallbackClient stream stopped early says so in response()", async () => {
  await withServer(byProvider({ google: reply(text(words)) }), async (server) => {
    const client = createFallbackClient({ targets: [at(server, google)] });
    const stream = client.stream(ask);
    for await (const _ of stream) break;
    const error = await failureOf(stream.response());
    assert.ok(ValidationError.isInstance(error));
    assert.match(error.message, /stopped before its end/);
  });
});

test("createFallbackClient refuses bad configuration with a ValidationError naming the path", () => {
  const good = { provider: openai, model: "gpt-4o", apiKey: KEY };
  const bad: Array<[unknown, string, string]> = [
    [undefined, "targets", "must be a non-empty array of { provider, model, … }, got nothing"],
    [
      { targets: [] },
      "targets",
      "must be a non-empty array of { provider, model, … }, got an array",
    ],
    [
      { targets: [good, null] },
      "targets[1]",
      "must be an object { provider, model, … }, got null",
    ],
    [
      { targets: [{ ...good, provider: "anthropic" }] },
      "targets[0].provider",
      'must be a provider object such as anthropic or getProvider(name), got "anthropic"',
    ],
    [
      { targets: [good, { ...good, model: undefined }] },
      "targets[1].model",
      "must be a non-empty string, got nothing",
    ],
    [
      { targets: [good, { ...good, model: "" }] },
      "targets[1].model",
      'must be a non-empty string, got ""',
    ],
    [
      { targets: [good], fallbackOn: "auth" },
      "fallbackOn",
      'must be an array of error categories, got "auth"',
    ],
    [
      { targets: [good], fallbackOn: ["auth", "authentication"] },
      "fallbackOn[1]",
      "must be one of auth, rate_limit, invalid_request, not_found, server, timeout, " +
      'content_filter, network, unknown, got "authentication"',
    ],
  ];
  for (const [options, path, message] of bad) {
    assert.throws(
      () => createFallbackClient(options as never),
      (error) =>
        ValidationError.isInstance(error) && error.path === path &&
        error.message === `Cannot create fallback client: ${path} ${message}`,
      path,
    );
  }
});

test("createFallbackClient names the target whose client options createClient refuses", () => {
  assert.throws(
    () =>
      createFallbackClient({
        targets: [
          { provider: openai, model: "gpt-4o", apiKey: KEY },
          { provider: google, model: "gemini-2.5-flash", apiKey: KEY, maxRetries: -1 },
        ],
      }),
    (error) =>
      ValidationError.isInstance(error) && error.path === "targets[1].maxRetries" &&
      error.provider === "google" &&
      error.message ===
        "Cannot create fallback client: targets[1].maxRetries: Cannot create google client: " +
          "maxRetries must be an integer of at least 0, got -1",
  );
});

test("createFallbackClient targets may share one provider with different models", async () => {
  const script = {
    script: (request: { model: string }) =>
      request.model === "claude-sonnet-4-5" ? overloaded : reply(text(request.model)),
  };
  await withServer(script, async (server) => {
    const client = createFallbackClient({
      targets: [
        at(server, providers.anthropic, { model: "claude-sonnet-4-5" }),
        at(server, providers.anthropic, { model: "claude-haiku-4-5" }),
      ],
    });
    const response = await client.complete(ask);
    assert.deepEqual(response.content, [{ type: "text", text: "claude-haiku-4-5" }]);
    assert.deepEqual(response.attempts.map((a) => a.model), ["claude-sonnet-4-5"]);
  });
});

test("createFallbackClient never lets the API key into an error or a hook event of this file", () => {
  assert.ok(observed.length > 10);
  assertNoKey(observed);
});

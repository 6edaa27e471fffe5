// Bedrock through the client over loopback HTTP to the mock server: SigV4-signed with static
// credentials or a credentials() callback asked before each attempt, or a Bedrock API key as a
// bearer token; no credential in any event or error.
import { test } from "node:test";
import assert from "node:assert/strict";
import process from "node:process";
import { createClient } from "../../client/client.ts";
import type { ClientEvent } from "../../client/events.ts";
import { ProviderError, ValidationError } from "../../common/errors.ts";
import type { ChatRequest } from "../../common/types.ts";
import { failure, reply, text } from "../../testing/script.ts";
import { withServer } from "../../testing/internal/http_harness.ts";
import { bedrock, createBedrock } from "./mod.ts";

const ACCESS_KEY = "AKIDEXAMPLE";
const SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
const SESSION = "FwoGZXIvYXdzEXAMPLEsessionTOKEN";
const ask: ChatRequest = {
  model: "us.anthropic.claude-haiku-4-5-20251001-v1:0",
  messages: [{ role: "user", content: "Hi" }],
};
const secretsIn = (value: unknown) => {
  const text = JSON.stringify(
    value,
    (_k, v) => v instanceof Error ? { ...v, message: v.message } : v,
  );
  return [SECRET, SESSION, "brk-secret-key"].filter((secret) => text.includes(secret));
};

test("bedrock client signs with SigV4: the mock sees the signature's shape and x-amz-date", async () => {
  // The mock takes a request only with a well-formed SigV4 authorization naming this key id.
  await withServer(
    { apiKey: ACCESS_KEY, script: reply(text("Signed hello")) },
    async (server, mock) => {
      const events: ClientEvent[] = [];
      const client = createClient({
        provider: createBedrock({
          region: "eu-central-1",
          credentials: { accessKeyId: ACCESS_KEY, secretAccessKey: SECRET, sessionToken: SESSION },
        }),
        baseUrl: server.baseUrl("bedrock"),
        onEvent: (event) => events.push(event),
      });
      const response = await client.complete(ask);
      assert.deepEqual(response.content, [{ type: "text", text: "Signed hello" }]);
      assert.equal(response.model, ask.model);
      const seen = mock.requests[0].headers;
      assert.match(seen["x-amz-date"], /^\d{8}T\d{6}Z$/);
      assert.match(seen["x-amz-content-sha256"], /^[0-9a-f]{64}$/);
      assert.deepEqual([seen.authorization, seen["x-amz-security-token"]], [
        "[redacted]",
        "[redacted]",
      ]);
      const request = events.find((e) => e.type === "request");
      assert.ok(request?.type === "request");
      assert.equal(request.headers.authorization, "[redacted]");
      assert.deepEqual(secretsIn(events), []);
    },
  );
});

test("bedrock client streams signed frames and asks credentials() before each attempt", async () => {
  const script = [failure(429, { retryAfterMs: 1 }), reply(text("Streamed after a retry"))];
  await withServer({ apiKey: ACCESS_KEY, script }, async (server, mock) => {
    let asked = 0;
    const client = createClient({
      provider: createBedrock({
        credentials: () => {
          asked++;
          return Promise.resolve({ accessKeyId: ACCESS_KEY, secretAccessKey: SECRET });
        },
      }),
      baseUrl: server.baseUrl("bedrock"),
    });
    const stream = client.stream(ask);
    let said = "";
    for await (const event of stream) if (event.type === "text_delta") said += event.text;
    assert.equal(said, "Streamed after a retry");
    assert.equal(asked, 2);
    assert.equal(mock.requests.length, 2);
    assert.match(mock.requests[1].path, /\/converse-stream$/);
  });
});

test("bedrock client sends a Bedrock API key as a bearer token, from AWS_BEARER_TOKEN_BEDROCK too", async () => {
  const saved = process.env.AWS_BEARER_TOKEN_BEDROCK;
  process.env.AWS_BEARER_TOKEN_BEDROCK = "brk-secret-key";
  try {
    await withServer(
      { apiKey: "brk-secret-key", script: reply(text("Bearer hello")) },
      async (server, mock) => {
        const client = createClient({ provider: bedrock, baseUrl: server.baseUrl("bedrock") });
        const response = await client.complete(ask);
        assert.deepEqual(response.content, [{ type: "text", text: "Bearer hello" }]);
        assert.equal(mock.requests[0].headers.authorization, "[redacted]");
      },
    );
  } finally {
    if (saved === undefined) delete process.env.AWS_BEARER_TOKEN_BEDROCK;
    else process.env.AWS_BEARER_TOKEN_BEDROCK = saved;
  }
});

test("bedrock client reports a wrong key as an auth error carrying no credential", async () => {
  await withServer({ apiKey: "another" }, async (server) => {
    const events: ClientEvent[] = [];
    const client = createClient({
      provider: bedrock,
      apiKey: "brk-secret-key",
      baseUrl: server.baseUrl("bedrock"),
      onEvent: (event) => events.push(event),
    });
    const error = await client.complete(ask).then(() => undefined, (e) => e);
    assert.ok(ProviderError.isInstance(error));
    assert.deepEqual([error.category, error.status, error.code], [
      "auth",
      401,
      "UnrecognizedClientException",
    ]);
    assert.deepEqual(secretsIn([error, events]), []);
  });
});

test("bedrock client turns a credentials() failure into an unretried auth error", async () => {
  await withServer({}, async (server, mock) => {
    const client = createClient({
      provider: createBedrock({
        credentials: () => ({ accessKeyId: ACCESS_KEY, secretAccessKey: "" }),
      }),
      baseUrl: server.baseUrl("bedrock"),
    });
    const error = await client.complete(ask).then(() => undefined, (e) => e);
    assert.ok(ProviderError.isInstance(error));
    assert.equal(error.category, "auth");
    assert.equal(
      error.message,
      "Cannot authorize bedrock request: Cannot sign bedrock request: credentials().secretAccessKey must be a non-empty string",
    );
    assert.equal(mock.requests.length, 0);
  });
});

test("createBedrock refuses static credentials missing a field, naming it and not the others", () => {
  assert.throws(
    () =>
      createBedrock({
        credentials: { accessKeyId: ACCESS_KEY, secretAccessKey: SECRET, sessionToken: "" },
      }),
    (error) => {
      assert.ok(ValidationError.isInstance(error));
      assert.equal(error.path, "credentials.sessionToken");
      assert.deepEqual(secretsIn(error), []);
      assert.ok(!error.message.includes(ACCESS_KEY));
      return true;
    },
  );
  assert.throws(() => createBedrock({ region: "Frankfurt" }), { path: "region" });
});

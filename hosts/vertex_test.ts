// Vertex AI: Gemini and Claude at their Vertex routes with an OAuth token asked before each
// attempt, against the mock's Vertex families over loopback; Claude's body as Vertex takes it
// (cloud.google.com/vertex-ai/generative-ai/docs/partner-models/claude/use-claude).
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  anthropic,
  type ChatRequest,
  type ClientEvent,
  createClient,
  type Message,
} from "../mod.ts";
import { createMockServer, failure, reply, text, thinking, usage } from "../testing/mod.ts";
import { readFixture } from "../testing/internal/fixtures.ts";
import { vertexAnthropic, vertexGemini } from "./mod.ts";

const hi = {
  model: "claude-sonnet-4-5@20250929",
  messages: [{ role: "user" as const, content: "Hi" }],
};

test("vertexAnthropic streams from the mock's Vertex route with a token asked per attempt", async () => {
  const mock = createMockServer({
    script: [failure(529), reply(thinking("Greeting.", "sig-1"), text("Hello!"))],
  });
  const server = await mock.listen();
  const tokens: string[] = [];
  const events: ClientEvent[] = [];
  try {
    const provider = vertexAnthropic({
      project: "acme",
      location: "us-east5",
      getAccessToken: async () => {
        tokens.push(`ya29.token-${tokens.length + 1}`);
        return await Promise.resolve(tokens.at(-1)!);
      },
    });
    const client = createClient({
      provider,
      baseUrl: server.baseUrl("vertex-anthropic"),
      onEvent: (event) => events.push(event),
      sleep: () => Promise.resolve(),
    });
    const stream = client.stream(hi);
    let said = "";
    for await (const event of stream) if (event.type === "text_delta") said += event.text;
    const response = await stream.response();
    assert.equal(said, "Hello!");
    assert.equal(response.provider, "anthropic");
    assert.deepEqual(response.content[0], {
      type: "thinking",
      text: "Greeting.",
      signature: "sig-1",
    });
    assert.deepEqual(tokens, ["ya29.token-1", "ya29.token-2"], "a fresh token for the retry");
    const sent = mock.requests.at(-1)!;
    assert.equal(
      sent.path,
      "/v1/projects/acme/locations/us-east5/publishers/anthropic/models/claude-sonnet-4-5@20250929:streamRawPredict",
    );
    assert.equal(sent.body.anthropic_version, "vertex-2023-10-16");
    assert.equal(sent.body.model, undefined);
    assert.equal(sent.body.stream, true);
    const shown = JSON.stringify(events);
    assert.equal(shown.includes("ya29"), false, "no token in any event");
  } finally {
    await server.close();
  }
});

test("vertexGemini completes from the mock's Vertex route, read as Gemini", async () => {
  const mock = createMockServer({ script: reply(text("Bonjour.")) });
  const client = createClient({
    provider: vertexGemini({ project: "acme", getAccessToken: () => "ya29.g" }),
    baseUrl: mock.baseUrl("vertex-google"),
    fetch: mock.fetch,
  });
  const response = await client.complete({ model: "gemini-2.5-flash", messages: hi.messages });
  assert.deepEqual(response.content, [{ type: "text", text: "Bonjour." }]);
  assert.equal(response.provider, "google");
  assert.equal(
    mock.requests[0].path,
    "/v1/projects/acme/locations/global/publishers/google/models/gemini-2.5-flash:generateContent",
  );
});

test("a token callback that fails is an auth ProviderError, not retried", async () => {
  const mock = createMockServer({ script: reply(text("unreached")) });
  const client = createClient({
    provider: vertexAnthropic({
      project: "acme",
      getAccessToken: () => Promise.reject(new Error("metadata server unreachable")),
    }),
    baseUrl: mock.baseUrl("vertex-anthropic"),
    fetch: mock.fetch,
  });
  await assert.rejects(client.complete(hi), {
    name: "ProviderError",
    category: "auth",
    provider: "anthropic",
    attempts: 1,
    message: "Cannot authorize anthropic request: metadata server unreachable",
  });
  assert.equal(mock.requests.length, 0);
});

test("the mock's Vertex Claude route refuses an Anthropic body, as Vertex does", async () => {
  const mock = createMockServer({ script: reply(text("x")) });
  const http = anthropic.buildHttpRequest(hi, { apiKey: "k" });
  const response = await mock.fetch(
    `${
      mock.baseUrl("vertex-anthropic")
    }/projects/p/locations/global/publishers/anthropic/models/m:rawPredict`,
    { method: "POST", headers: { authorization: "Bearer t" }, body: http.body },
  );
  assert.equal(response.status, 422);
});

test("a conversation from Anthropic goes to Claude on Vertex with its signatures", () => {
  const first = anthropic.parseResponse(readFixture("anthropic/thinking.json"));
  const messages: Message[] = [
    { role: "user", content: "Think, then answer." },
    { role: "assistant", provider: first.provider, content: first.content },
    { role: "user", content: "And again?" },
  ];
  const vertex = vertexAnthropic({ project: "acme", location: "us-east5" });
  const body = JSON.parse(vertex.buildHttpRequest({ ...hi, messages }, { apiKey: "t" }).body);
  const direct = JSON.parse(anthropic.serializeRequest({ ...hi, messages }));
  assert.deepEqual(body.messages, direct.messages, "the same turns, signatures included");
  assert.ok(JSON.stringify(body.messages).includes('"signature"'));
});

test("vertex providers refuse to be made without a project", () => {
  assert.throws(() => vertexGemini({ project: "" }), {
    name: "ValidationError",
    provider: "google",
    path: "project",
    message: "Cannot create vertexGemini: project is required",
  });
});

test("a token callback that gives no token is an auth error before any request", async () => {
  const mock = createMockServer({ script: reply(text("unreached")) });
  const client = createClient({
    provider: vertexGemini({ project: "acme", getAccessToken: () => "" }),
    baseUrl: mock.baseUrl("vertex-google"),
    fetch: mock.fetch,
  });
  await assert.rejects(client.complete({ model: "gemini-2.5-flash", messages: hi.messages }), {
    category: "auth",
    message: 'Cannot authorize google request: getAccessToken gave "", not a token',
  });
  assert.equal(mock.requests.length, 0);
});

test("countTokens on Vertex asks Vertex's counting endpoints with a fresh token", async () => {
  // The mock takes only this token.
  const mock = createMockServer({ apiKey: "ya29.t", script: reply(text(""), usage(37, 0)) });
  const request: ChatRequest = {
    ...hi,
    system: "Be brief.",
    maxOutputTokens: 64,
    tools: [{ name: "lookup", description: "Look up", parameters: { type: "object" } }],
  };
  const gemini = createClient({
    provider: vertexGemini({
      project: "acme",
      location: "us-central1",
      getAccessToken: () => "ya29.t",
    }),
    baseUrl: mock.baseUrl("vertex-google"),
    fetch: mock.fetch,
  });
  assert.deepEqual(await gemini.countTokens({ ...request, model: "gemini-2.5-flash" }), {
    inputTokens: 37,
    estimated: false,
  });
  const claude = createClient({
    provider: vertexAnthropic({
      project: "acme",
      location: "us-east5",
      getAccessToken: () => "ya29.t",
    }),
    baseUrl: mock.baseUrl("vertex-anthropic"),
    fetch: mock.fetch,
  });
  const model = "claude-sonnet-4-5@20250929";
  assert.deepEqual(await claude.countTokens({ ...request, model }), {
    inputTokens: 37,
    estimated: false,
  });
  const [g, c] = mock.requests;
  // Gemini: `:countTokens` beside the model, the fields at the top level (not Gemini API's
  // `generateContentRequest`), the output cap left out.
  assert.equal(
    g.path,
    "/v1/projects/acme/locations/us-central1/publishers/google/models/gemini-2.5-flash:countTokens",
  );
  assert.deepEqual(Object.keys(g.body), [
    "contents",
    "systemInstruction",
    "tools",
    "generationConfig",
  ]);
  assert.equal(g.headers.authorization, "[redacted]");
  // Claude: one `count-tokens` endpoint, the model in the body, no max_tokens.
  assert.equal(
    c.path,
    "/v1/projects/acme/locations/us-east5/publishers/anthropic/models/count-tokens:rawPredict",
  );
  assert.equal(c.model, model);
  assert.deepEqual(Object.keys(c.body), [
    "anthropic_version",
    "model",
    "system",
    "messages",
    "tools",
  ]);
  assert.equal(c.headers.authorization, "[redacted]");
  assert.equal(c.body.anthropic_version, "vertex-2023-10-16");
});

test("countTokens on Vertex reads a count-less answer as a typed error", async () => {
  const mock = createMockServer();
  const client = createClient({
    provider: vertexAnthropic({ project: "acme", getAccessToken: () => "ya29.c" }),
    baseUrl: mock.baseUrl("vertex-anthropic"),
    fetch: (url, init) =>
      String(url).includes("count-tokens")
        ? Promise.resolve(new Response("{}", { status: 200 }))
        : mock.fetch(url, init),
  });
  await assert.rejects(client.countTokens({ ...hi, model: "claude-haiku-4-5@20251001" }), {
    name: "ResponseParseError",
    path: "input_tokens",
  });
});

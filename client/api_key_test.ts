// createClient's API key: given, or read from the provider's usual environment variables (in
// the official SDKs' order), or a ValidationError before any request.
import { test } from "node:test";
import assert from "node:assert/strict";
import process from "node:process";
import { anthropic, createClient, google, openai, openaiResponses } from "../mod.ts";
import type { Provider } from "../common/provider.ts";
import { createMockServer, reply, text } from "../testing/mod.ts";

const KEYS = ["ANTHROPIC_API_KEY", "OPENAI_API_KEY", "GOOGLE_API_KEY", "GEMINI_API_KEY"];

// Runs `body` with exactly these variables set, restoring the environment after.
async function withEnv(
  env: Record<string, string>,
  body: () => Promise<void> | void,
): Promise<void> {
  const saved = KEYS.map((key) => process.env[key]);
  for (const key of KEYS) delete process.env[key];
  Object.assign(process.env, env);
  try {
    await body();
  } finally {
    KEYS.forEach((key, i) => {
      if (saved[i] === undefined) delete process.env[key];
      else process.env[key] = saved[i];
    });
  }
}

// The key a client sent, as its provider's auth header carries it.
async function sentKey(provider: Provider, apiKey?: string): Promise<string> {
  const mock = createMockServer({ script: reply(text("Hi")) });
  let headers: Headers | undefined;
  const client = createClient({
    provider,
    apiKey,
    baseUrl: mock.baseUrl(provider.name as never),
    fetch: (input, init) => {
      headers = new Headers(init?.headers);
      return mock.fetch(input, init);
    },
  });
  const model = provider.name === "google" ? "gemini-2.5-flash" : provider.profile.models.chat;
  await client.complete({ model, messages: [{ role: "user", content: "Hi" }] });
  const auth = headers?.get("x-api-key") ?? headers?.get("x-goog-api-key") ??
    headers?.get("authorization")?.replace(/^Bearer /, "");
  return auth ?? "";
}

test("createClient reads each provider's key from its environment variable", async () => {
  await withEnv({ ANTHROPIC_API_KEY: "sk-ant-env", OPENAI_API_KEY: "sk-env" }, async () => {
    assert.equal(await sentKey(anthropic), "sk-ant-env");
    assert.equal(await sentKey(openai), "sk-env");
    assert.equal(await sentKey(openaiResponses), "sk-env");
  });
});

test("createClient prefers GOOGLE_API_KEY to GEMINI_API_KEY, as Google's SDK does", async () => {
  await withEnv({ GOOGLE_API_KEY: "g-google", GEMINI_API_KEY: "g-gemini" }, async () => {
    assert.equal(await sentKey(google), "g-google");
  });
  await withEnv({ GEMINI_API_KEY: "g-gemini" }, async () => {
    assert.equal(await sentKey(google), "g-gemini");
  });
});

test("createClient takes a given key over the environment", async () => {
  await withEnv({ OPENAI_API_KEY: "sk-env" }, async () => {
    assert.equal(await sentKey(openai, "sk-given"), "sk-given");
  });
});

test("createClient without a key anywhere throws before any request", async () => {
  await withEnv({}, () => {
    assert.throws(() => createClient({ provider: anthropic }), {
      name: "ValidationError",
      provider: "anthropic",
      path: "apiKey",
      message: "Cannot create anthropic client: apiKey is missing: pass apiKey or set " +
        "ANTHROPIC_API_KEY",
    });
  });
});

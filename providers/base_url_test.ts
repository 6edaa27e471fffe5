// buildHttpRequest on every dialect: a baseUrl gives the same URL with or without trailing
// slashes, and the public endpoint is used without one.
import { test } from "node:test";
import assert from "node:assert/strict";
import { type ProviderName, providers } from "./mod.ts";

const DEFAULT_URL: Record<ProviderName, string> = {
  anthropic: "https://api.anthropic.com/v1/messages",
  openai: "https://api.openai.com/v1/chat/completions",
  google:
    "https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:generateContent",
  "openai-responses": "https://api.openai.com/v1/responses",
  bedrock:
    "https://bedrock-runtime.us-east-1.amazonaws.com/model/us.anthropic.claude-haiku-4-5-20251001-v1%3A0/converse",
};

for (const name of Object.keys(providers) as ProviderName[]) {
  const provider = providers[name];
  const model = name === "google" ? "gemini-2.5-flash" : provider.profile.models.chat;
  const request = { model, messages: [{ role: "user" as const, content: "Hi" }] };
  const url = (baseUrl?: string) =>
    provider.buildHttpRequest(request, { apiKey: "k", baseUrl }).url;

  test(`${name} buildHttpRequest gives one URL for a baseUrl with or without trailing slashes`, () => {
    const plain = url("http://127.0.0.1:8080/proxy/v1");
    assert.ok(plain.startsWith("http://127.0.0.1:8080/proxy/v1/"), plain);
    assert.ok(!plain.includes("v1//"), plain);
    assert.equal(url("http://127.0.0.1:8080/proxy/v1/"), plain);
    assert.equal(url("http://127.0.0.1:8080/proxy/v1//"), plain);
  });

  test(`${name} buildHttpRequest uses the public endpoint without a baseUrl`, () => {
    assert.equal(url(), DEFAULT_URL[name]);
  });
}

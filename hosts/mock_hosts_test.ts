// The host presets through a client against the mock server's host families, over loopback: the
// reasoning each family streams arrives as thinking, Mistral's refusal of undocumented fields is
// met, and Azure's key header and filter results work end to end.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createClient, openai, type StreamEvent } from "../mod.ts";
import { createMockServer, reply, text, thinking, toolCall } from "../testing/mod.ts";
import { azureOpenAI, deepseek, mistral } from "./mod.ts";

const answer = reply(
  thinking("Paris is in France."),
  text("It is sunny."),
  toolCall("get_weather", { city: "Paris" }),
);

async function streamed(events: AsyncIterable<StreamEvent>) {
  let thought = "";
  let said = "";
  for await (const event of events) {
    if (event.type === "thinking_delta") thought += event.text;
    if (event.type === "text_delta") said += event.text;
  }
  return { thought, said };
}

test("deepseek and mistral presets stream their families' reasoning from the mock over loopback", async () => {
  const mock = createMockServer({ script: answer });
  const server = await mock.listen();
  try {
    for (const [host, family] of [[deepseek, "deepseek"], [mistral, "mistral"]] as const) {
      const client = createClient({ provider: host, apiKey: "k", baseUrl: server.baseUrl(family) });
      const request = {
        model: host.profile.models.thinking,
        maxOutputTokens: 256,
        messages: [{ role: "user" as const, content: "Weather in Paris?" }],
      };
      const stream = client.stream(request);
      assert.deepEqual(await streamed(stream), {
        thought: "Paris is in France.",
        said: "It is sunny.",
      }, host.name);
      const response = await stream.response();
      assert.equal(response.provider, host.name);
      assert.equal(response.finishReason, "tool_use");
      const whole = await client.complete(request);
      assert.deepEqual(
        whole.content.map((b) => b.type),
        ["thinking", "text", "tool_call"],
        host.name,
      );
    }
    const bodies = mock.requests.map((r) => [r.provider, r.body.max_tokens, r.body.stream_options]);
    assert.deepEqual(bodies, [
      ["deepseek", 256, { include_usage: true }],
      ["deepseek", 256, undefined],
      ["mistral", 256, undefined],
      ["mistral", 256, undefined],
    ]);
  } finally {
    await server.close();
  }
});

test("the mock's mistral family refuses what Mistral refuses, as the openai dialect would send it", async () => {
  const mock = createMockServer({ script: answer });
  const client = createClient({
    provider: openai,
    apiKey: "sk-mistral-test",
    baseUrl: mock.baseUrl("mistral"),
    fetch: mock.fetch,
    maxRetries: 0,
  });
  await assert.rejects(
    client.complete({
      model: "magistral-medium-latest",
      maxOutputTokens: 64,
      messages: [{ role: "user", content: "Hi" }],
    }),
    {
      name: "ProviderError",
      status: 422,
      message: /Extra inputs are not permitted: max_completion_tokens/,
    },
  );
});

test("azure preset reaches the mock with the api-key header and reads its filter results", async () => {
  const mock = createMockServer({ script: reply(text("Bonjour.")), apiKey: "azure-key" });
  const endpoint = mock.baseUrl("azure").replace(/\/openai\/v1$/, "");
  const client = createClient({
    provider: azureOpenAI({ endpoint }),
    apiKey: "azure-key",
    fetch: mock.fetch,
  });
  const stream = client.stream({ model: "gpt-4o", messages: [{ role: "user", content: "Hi" }] });
  assert.deepEqual(await streamed(stream), { thought: "", said: "Bonjour." });
  const response = await stream.response();
  assert.equal(response.provider, "azure");
  assert.ok(JSON.stringify(response.providerMetadata).includes("prompt_filter_results"));
  assert.equal(mock.requests[0].path, "/azure/openai/v1/chat/completions");
  assert.equal(mock.requests[0].headers["api-key"] !== undefined, true);
  assert.equal(mock.requests[0].headers.authorization, undefined);
});

test("a keyless host's client sends no key header", async () => {
  const mock = createMockServer({ script: reply(text("Hi.")) });
  const { ollama } = await import("./mod.ts");
  const client = createClient({
    provider: ollama,
    baseUrl: mock.baseUrl("openai"),
    fetch: mock.fetch,
    maxRetries: 0,
  });
  // The mock wants a key, as a real API does: the missing header is what it reports.
  await assert.rejects(
    client.complete({ model: "llama3.2", messages: [{ role: "user", content: "Hi" }] }),
    {
      status: 401,
    },
  );
  assert.equal(mock.requests[0].headers.authorization, undefined);
});

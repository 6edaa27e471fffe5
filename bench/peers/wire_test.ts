import { test } from "node:test";
import assert from "node:assert/strict";
import { fakeFetch, PROVIDERS, wireOf } from "./wire.ts";

test("wireOf gives one SSE event per stream chunk", () => {
  for (const provider of PROVIDERS) {
    const { chunks } = wireOf(provider);
    const text = chunks.map((c) => new TextDecoder().decode(c));
    assert.ok(text.length > 10, provider);
    for (const event of text) {
      assert.match(event, /^(event: \w+\n)?data: .*\r?\n\r?\n$/, provider);
    }
  }
});

test("fakeFetch answers every call with the same bytes and records the request body", async () => {
  const { chunks } = wireOf("openai");
  const fake = fakeFetch({ sse: chunks });
  const first = await (await fake.fetch("https://x.invalid", { method: "POST", body: "a" })).text();
  const request = new Request("https://x.invalid", { method: "POST", body: "b" });
  const second = await (await fake.fetch(request)).text();
  assert.equal(first, second);
  assert.equal(first, chunks.map((c) => new TextDecoder().decode(c)).join(""));
  assert.equal(fake.lastBody(), "b");
  const json = fakeFetch({ json: '{"ok":true}' });
  const response = await json.fetch("https://x.invalid");
  assert.equal(response.headers.get("content-type"), "application/json");
  assert.deepEqual(await response.json(), { ok: true });
});

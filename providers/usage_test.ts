// One meaning per usage field on every dialect, over the registry and every recorded fixture:
// `outputTokens` is everything billed as output (thinking included), `thinkingTokens` the part of
// it spent thinking, `totalTokens` input + output; and every stream emits its final `usage`
// before `finish`, with the usage the response ends with.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { seededIdGenerator } from "../common/ids.ts";
import type { StreamEvent } from "../common/events.ts";
import type { JsonObject } from "../common/json_object.ts";
import type { ChatResponse } from "../common/types.ts";
import { readFixture, readFixtureBytes } from "../testing/internal/fixtures.ts";
import { streamFormatOf } from "../testing/stream_format.ts";
import { createMockServer, reply, text, usage } from "../testing/mod.ts";
import { type ProviderName, providers } from "./mod.ts";

const n = (value: unknown): number => typeof value === "number" ? value : 0;
const obj = (value: unknown): JsonObject => (value ?? {}) as JsonObject;

// The wire's own output count, read as each provider's documentation defines it.
const WIRE_OUTPUT: Record<ProviderName, (wire: JsonObject) => [number, number]> = {
  anthropic: (u) => [n(u.output_tokens), n(obj(u.output_tokens_details).thinking_tokens)],
  openai: (u) => [n(u.completion_tokens), n(obj(u.completion_tokens_details).reasoning_tokens)],
  google: (u) => [n(u.candidatesTokenCount) + n(u.thoughtsTokenCount), n(u.thoughtsTokenCount)],
  "openai-responses": (u) => [n(u.output_tokens), n(obj(u.output_tokens_details).reasoning_tokens)],
  // Converse reports no thinking count.
  bedrock: (u) => [n(u.outputTokens), 0],
};

function fixtureNames(provider: string, ext: string): string[] {
  return readdirSync(new URL(`../fixtures/${provider}/`, import.meta.url))
    .filter((file) =>
      file.endsWith(ext) && !file.startsWith("error") && !file.startsWith("request")
    )
    .map((file) => file.slice(0, -ext.length));
}

function decode(
  name: ProviderName,
  stream: Uint8Array,
): { events: StreamEvent[]; response?: ChatResponse } {
  const decoder = providers[name].createStreamDecoder({ generateId: seededIdGenerator(3) });
  const events = decoder.push(stream);
  try {
    return { events, response: decoder.end() };
  } catch {
    return { events };
  }
}

function assertMeaning(name: ProviderName, response: ChatResponse, where: string): void {
  const { usage } = response;
  const wire = response.providerMetadata?.usage as JsonObject | undefined;
  if (wire === undefined) return;
  const [output, thinking] = WIRE_OUTPUT[name](wire);
  assert.equal(usage.outputTokens, output, `${where}: outputTokens`);
  assert.equal(usage.thinkingTokens, thinking, `${where}: thinkingTokens`);
  assert.ok(usage.thinkingTokens <= usage.outputTokens, `${where}: thinking is part of output`);
  assert.equal(usage.totalTokens, usage.inputTokens + usage.outputTokens, `${where}: totalTokens`);
}

for (const name of Object.keys(providers) as ProviderName[]) {
  const provider = providers[name];

  test(`${name} usage means the same on every recorded body`, () => {
    const names = fixtureNames(name, ".json");
    assert.ok(names.length > 0);
    for (const fixture of names) {
      const response = provider.parseResponse(readFixture(`${name}/${fixture}.json`), {
        generateId: seededIdGenerator(3),
      });
      assertMeaning(name, response, `${name}/${fixture}.json`);
    }
  });

  test(`${name} streams emit the final usage before finish, equal to the response's`, () => {
    let checked = 0;
    const ext = streamFormatOf(provider).extension;
    for (const fixture of fixtureNames(name, ext)) {
      const where = `${name}/${fixture}${ext}`;
      const { events, response } = decode(name, readFixtureBytes(`${name}/${fixture}${ext}`));
      const finish = events.findIndex((event) => event.type === "finish");
      const usages = events.flatMap((event, i) => event.type === "usage" ? [i] : []);
      if (finish < 0 || response === undefined) continue;
      checked++;
      assertMeaning(name, response, where);
      assert.ok(usages.length > 0, `${where}: no usage event`);
      assert.ok(usages.at(-1)! < finish, `${where}: usage after finish`);
      const last = events[usages.at(-1)!] as Extract<StreamEvent, { type: "usage" }>;
      assert.deepEqual(last.usage, response.usage, `${where}: last usage event`);
      // Only errors may follow the finish.
      assert.ok(events.slice(finish + 1).every((event) => event.type === "error"), where);
    }
    assert.ok(checked >= 3, `${name}: only ${checked} complete streams`);
  });

  test(`${name} mock server usage(3, 5, 2) reads back as 7 output tokens, thinking included`, async () => {
    const mock = createMockServer({ script: reply(text("Hi"), usage(3, 5, 2)) });
    const request = {
      model: provider.profile.models.chat,
      messages: [{ role: "user" as const, content: "Hi" }],
    };
    const http = provider.buildHttpRequest(request, { apiKey: "k", baseUrl: mock.baseUrl(name) });
    const response = provider.parseResponse(await (await mock.fetch(http.url, http)).text());
    assert.equal(response.usage.outputTokens, 7);
    assert.equal(response.usage.totalTokens, 10);
  });
}

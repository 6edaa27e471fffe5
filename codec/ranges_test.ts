// The ranges and name rules each dialect's capability table sets: the bound itself is sent, just
// past it is refused naming the field.
import { test } from "node:test";
import assert from "node:assert/strict";
import type { ChatRequest } from "../common/types.ts";
import { type ProviderName, providers } from "../providers/mod.ts";

const MODELS: Record<ProviderName, string> = {
  anthropic: "claude-sonnet-4-20250514",
  openai: "gpt-4o",
  google: "gemini-2.5-flash",
  "openai-responses": "gpt-4o",
  bedrock: "us.anthropic.claude-sonnet-4-5-20250929-v1:0",
};
const MAX_TEMPERATURE: Record<ProviderName, number> = {
  anthropic: 1,
  openai: 2,
  google: 2,
  "openai-responses": 2,
  bedrock: 1,
};

function request(name: ProviderName, extra: Partial<ChatRequest>): ChatRequest {
  return { model: MODELS[name], messages: [{ role: "user", content: "Hi" }], ...extra };
}

function refused(name: ProviderName, extra: Partial<ChatRequest>, path: string, detail: string) {
  assert.throws(() => providers[name].serializeRequest(request(name, extra)), {
    name: "ValidationError",
    provider: name,
    path,
    message: `Cannot serialize request for ${name}: ${path} ${detail}`,
  });
}

for (const name of Object.keys(providers) as ProviderName[]) {
  const serialize = (extra: Partial<ChatRequest>) =>
    providers[name].serializeRequest(request(name, extra));
  const max = MAX_TEMPERATURE[name];

  test(`${name} serializeRequest takes temperature 0 to ${max} and refuses past it`, () => {
    serialize({ temperature: 0 });
    serialize({ temperature: max });
    refused(
      name,
      { temperature: max + 0.1 },
      "temperature",
      `must be a number from 0 to ${max}, got ${max + 0.1}`,
    );
    refused(
      name,
      { temperature: -0.1 },
      "temperature",
      `must be a number from 0 to ${max}, got -0.1`,
    );
  });

  test(`${name} serializeRequest takes topP 0 to 1 and refuses past it`, () => {
    serialize({ topP: 1 });
    refused(name, { topP: 1.01 }, "topP", "must be a number from 0 to 1, got 1.01");
  });

  test(`${name} serializeRequest refuses penalties past -2…2 and a topK below 1`, () => {
    refused(
      name,
      { presencePenalty: 2.5 },
      "presencePenalty",
      "must be a number from -2 to 2, got 2.5",
    );
    refused(
      name,
      { frequencyPenalty: -3 },
      "frequencyPenalty",
      "must be a number from -2 to 2, got -3",
    );
    refused(name, { topK: 0 }, "topK", "must be an integer >= 1, got 0");
  });

  test(`${name} serializeRequest takes a 64-character tool name and refuses a 65th`, () => {
    const parameters = { type: "object" };
    serialize({ tools: [{ name: "a".repeat(64), parameters }] });
    assert.throws(() => serialize({ tools: [{ name: "a".repeat(65), parameters }] }), {
      path: "tools[0].name",
    });
  });
}

test("google serializeRequest takes dots and colons in a function name; the others refuse them", () => {
  const tools = [{ name: "weather.get:v1", parameters: { type: "object" } }];
  providers.google.serializeRequest(request("google", { tools }));
  for (const name of ["anthropic", "openai", "openai-responses", "bedrock"] as const) {
    refused(
      name,
      { tools },
      "tools[0].name",
      'must be 1-64 letters, digits, _ or -, got "weather.get:v1"',
    );
  }
  refused(
    "google",
    {
      tools: [{ name: "_ok", parameters: { type: "object" } }, {
        name: "-no",
        parameters: { type: "object" },
      }],
    },
    "tools[1].name",
    'must be 1-64 characters: a letter or _, then letters, digits, _, ., : or -, got "-no"',
  );
});

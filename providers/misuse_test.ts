// A newcomer's mistakes, one row each: every one is a RosettaError of a named subclass, with the
// provider (where one applies), the path of what was wrong, and a message that says what to do.
import { test } from "node:test";
import assert from "node:assert/strict";
import process from "node:process";
import { z } from "zod";
import {
  anthropic,
  type ChatRequest,
  createClient,
  defineOutput,
  defineTool,
  EventStream,
  executeToolCalls,
  getProvider,
  google,
  openai,
  openaiResponses,
  parseOutput,
  RosettaError,
  runToolRound,
} from "../mod.ts";
import { readFixture } from "../testing/internal/fixtures.ts";

const hi: ChatRequest = { model: "claude-haiku-4-5", messages: [{ role: "user", content: "Hi" }] };
const gpt = { ...hi, model: "gpt-4o" };
const gemini = { ...hi, model: "gemini-2.5-flash" };
const KEYS = ["ANTHROPIC_API_KEY", "OPENAI_API_KEY", "GOOGLE_API_KEY", "GEMINI_API_KEY"];
const cannot = (provider: string) => `Cannot serialize request for ${provider}:`;
const sse = () => new Response(readFixture("openai/text.sse")).body!;

interface Mistake {
  mistake: string;
  run: () => unknown;
  name: string;
  provider?: string;
  path: string;
  message: string;
}

const MISTAKES: Mistake[] = [
  {
    mistake: "a temperature above Anthropic's 1",
    run: () => anthropic.serializeRequest({ ...hi, temperature: 1.5 }),
    name: "ValidationError",
    provider: "anthropic",
    path: "temperature",
    message: `${cannot("anthropic")} temperature must be a number from 0 to 1, got 1.5`,
  },
  {
    mistake: "a temperature above OpenAI's 2",
    run: () => openai.serializeRequest({ ...gpt, temperature: 2.5 }),
    name: "ValidationError",
    provider: "openai",
    path: "temperature",
    message: `${cannot("openai")} temperature must be a number from 0 to 2, got 2.5`,
  },
  {
    mistake: "a negative temperature on Gemini",
    run: () => google.serializeRequest({ ...gemini, temperature: -0.5 }),
    name: "ValidationError",
    provider: "google",
    path: "temperature",
    message: `${cannot("google")} temperature must be a number from 0 to 2, got -0.5`,
  },
  {
    mistake: "a topP above 1",
    run: () => openaiResponses.serializeRequest({ ...gpt, topP: 1.5 }),
    name: "ValidationError",
    provider: "openai-responses",
    path: "topP",
    message: `${cannot("openai-responses")} topP must be a number from 0 to 1, got 1.5`,
  },
  {
    mistake: "a tool name with a space",
    run: () =>
      anthropic.serializeRequest({
        ...hi,
        tools: [{ name: "get weather", parameters: { type: "object" } }],
      }),
    name: "ValidationError",
    provider: "anthropic",
    path: "tools[0].name",
    message: `${cannot("anthropic")} tools[0].name must be 1-64 letters, digits, _ or -, ` +
      'got "get weather"',
  },
  {
    mistake: "a Gemini function name starting with a digit",
    run: () =>
      google.serializeRequest({
        ...gemini,
        tools: [{ name: "1st", parameters: { type: "object" } }],
      }),
    name: "ValidationError",
    provider: "google",
    path: "tools[0].name",
    message: `${cannot("google")} tools[0].name must be 1-64 characters: a letter or _, then ` +
      'letters, digits, _, ., : or -, got "1st"',
  },
  {
    mistake: "a tool whose parameters are not an object schema",
    run: () =>
      openai.serializeRequest({
        ...gpt,
        tools: [{ name: "echo", parameters: { type: "string" } }],
      }),
    name: "ValidationError",
    provider: "openai",
    path: "tools[0].parameters",
    message: `${cannot("openai")} tools[0].parameters of "echo" must be a JSON Schema of type ` +
      '"object" (wrap a value in z.object), got type "string"',
  },
  {
    mistake: "a structured output that is not an object schema",
    run: () =>
      google.serializeRequest({
        ...gemini,
        structuredOutput: { name: "list", schema: { type: "array" } },
      }),
    name: "ValidationError",
    provider: "google",
    path: "structuredOutput.schema",
    message: `${cannot("google")} structuredOutput.schema of "list" must be a JSON Schema of ` +
      'type "object" (wrap a value in z.object), got type "array"',
  },
  {
    mistake: "another SDK's maxTokens",
    run: () => openai.serializeRequest({ ...gpt, maxTokens: 100 } as ChatRequest),
    name: "ValidationError",
    provider: "openai",
    path: "maxTokens",
    message: `${cannot("openai")} maxTokens is not a request field; did you mean ` +
      '"maxOutputTokens"?',
  },
  {
    mistake: "a misspelt field",
    run: () => anthropic.serializeRequest({ ...hi, temprature: 0.2 } as ChatRequest),
    name: "ValidationError",
    provider: "anthropic",
    path: "temprature",
    message: `${
      cannot("anthropic")
    } temprature is not a request field; did you mean "temperature"?`,
  },
  {
    mistake: "thinking on a chat model",
    run: () => openai.serializeRequest({ ...gpt, thinking: "low" }),
    name: "ValidationError",
    provider: "openai",
    path: "thinking",
    message: `${cannot("openai")} thinking "low" needs a reasoning model, got "gpt-4o"`,
  },
  {
    mistake: "no API key given nor in the environment",
    run: () => createClient({ provider: google }),
    name: "ValidationError",
    provider: "google",
    path: "apiKey",
    message: "Cannot create google client: apiKey is missing: pass apiKey or set GOOGLE_API_KEY " +
      "or GEMINI_API_KEY",
  },
  {
    mistake: "an empty API key",
    run: () => createClient({ provider: openai, apiKey: "" }),
    name: "ValidationError",
    provider: "openai",
    path: "apiKey",
    message: 'Cannot create openai client: apiKey must be a non-empty string, got "": pass ' +
      "apiKey or set OPENAI_API_KEY",
  },
  {
    mistake: "buildHttpRequest without a key",
    run: () => anthropic.buildHttpRequest(hi, {} as { apiKey: string }),
    name: "ValidationError",
    provider: "anthropic",
    path: "apiKey",
    message: `${cannot("anthropic")} apiKey must be a non-empty string, got nothing`,
  },
  {
    mistake: "a baseUrl without its scheme",
    run: () => createClient({ provider: openai, apiKey: "k", baseUrl: "api.openai.com/v1" }),
    name: "ValidationError",
    provider: "openai",
    path: "baseUrl",
    message: "Cannot create openai client: baseUrl must be an http:// or https:// URL, got " +
      '"api.openai.com/v1"',
  },
  {
    mistake: "a provider's name where its object goes",
    run: () => createClient({ provider: "anthropic" as never, apiKey: "k" }),
    name: "ValidationError",
    provider: "anthropic",
    path: "provider",
    message: "Cannot create client: provider must be a provider object such as anthropic or " +
      'getProvider(name), got "anthropic"',
  },
  {
    mistake: "gemini for google",
    run: () => getProvider("gemini"),
    name: "ValidationError",
    provider: "gemini",
    path: "provider",
    message: 'Cannot find provider: "gemini" is not one of anthropic, openai, google, ' +
      'openai-responses, bedrock; did you mean "google"?',
  },
  {
    mistake: "a tool input that is not an object",
    run: () => defineTool({ name: "echo", input: z.string() }),
    name: "ValidationError",
    path: "input",
    message: 'Cannot define tool "echo": input must be a JSON Schema of type "object" (wrap a ' +
      'value in z.object), got type "string"',
  },
  {
    mistake: "a zod 3 schema",
    run: () => defineTool({ name: "old", input: { _def: {}, parse() {} } as never }),
    name: "ValidationError",
    path: "input",
    message: 'Cannot define tool "old": input is a zod 3 schema: rosetta needs zod 4 (npm i zod@4)',
  },
  {
    mistake: "plain JSON Schema given to defineTool",
    run: () => defineTool({ name: "plain", input: { type: "object" } as never }),
    name: "ValidationError",
    path: "input",
    message: 'Cannot define tool "plain": input must be a zod 4 schema, got an object (for ' +
      "plain JSON Schema, give the tool as { name, description, parameters })",
  },
  {
    mistake: "a type JSON Schema cannot express",
    run: () => defineTool({ name: "remind", input: z.object({ at: z.date() }) }),
    name: "ValidationError",
    path: "input",
    message: 'Cannot define tool "remind": input cannot be sent as JSON Schema: Date cannot be ' +
      "represented in JSON Schema",
  },
  {
    mistake: "an output that is a list",
    run: () => defineOutput({ name: "items", output: z.array(z.string()) }),
    name: "ValidationError",
    path: "output",
    message: 'Cannot define output "items": output must be a JSON Schema of type "object" (wrap ' +
      'a value in z.object), got type "array"',
  },
  {
    mistake: "a tool concurrency of 0",
    run: () => executeToolCalls([], [], { concurrency: 0 }),
    name: "ValidationError",
    path: "concurrency",
    message: "Cannot run tools: concurrency must be an integer of at least 1, got 0",
  },
  {
    mistake: "a client concurrency of 0",
    run: () => createClient({ provider: anthropic, apiKey: "k", concurrency: 0 }),
    name: "ValidationError",
    provider: "anthropic",
    path: "concurrency",
    message: "Cannot create anthropic client: concurrency must be an integer of at least 1, got 0",
  },
  {
    mistake: "an EventStream iterated twice",
    run: async () => {
      const stream = new EventStream(openai.createStreamDecoder(), sse());
      for await (const _ of stream) { /* read it */ }
      for await (const _ of stream) { /* again */ }
    },
    name: "ValidationError",
    provider: "openai",
    path: "stream",
    message: "Cannot iterate openai stream: it was already iterated; iterate it once, then call " +
      "response()",
  },
  {
    mistake: "response() of a stream stopped early",
    run: async () => {
      const stream = new EventStream(openai.createStreamDecoder(), sse());
      for await (const _ of stream) break;
      await stream.response();
    },
    name: "ValidationError",
    provider: "openai",
    path: "stream",
    message: "Cannot give the openai response: the stream was stopped before its end",
  },
  {
    mistake: "a parsed object pushed to a stream decoder",
    run: () => google.createStreamDecoder().push({ candidates: [] } as never),
    name: "ValidationError",
    provider: "google",
    path: "chunk",
    message: "Cannot decode google stream: push takes a Uint8Array or a string, got an object",
  },
  {
    mistake: "an EventStream over no body",
    run: () => new EventStream(anthropic.createStreamDecoder(), undefined as never),
    name: "ValidationError",
    provider: "anthropic",
    path: "body",
    message: "Cannot create EventStream: body must be a ReadableStream (res.body), got nothing",
  },
  {
    mistake: "runToolRound on a stream instead of its response",
    run: () => runToolRound("stream" as never, []),
    name: "ValidationError",
    path: "response",
    message: 'Cannot run tools: response must be a ChatResponse, got "stream"',
  },
  {
    mistake: "parseOutput with a zod schema instead of an output",
    run: () => parseOutput(z.object({}) as never, "{}"),
    name: "ValidationError",
    path: "output",
    message: "Cannot read structured output: output must come from defineOutput, got an object",
  },
  {
    mistake: "createClient with no options",
    run: () => createClient(undefined as never),
    name: "ValidationError",
    path: "provider",
    message: "Cannot create client: provider must be a provider object such as anthropic or " +
      "getProvider(name), got nothing",
  },
  {
    mistake: "a body that is not JSON",
    run: () => anthropic.parseResponse("<html>Bad gateway</html>"),
    name: "ResponseParseError",
    provider: "anthropic",
    path: "body",
    message: "Cannot parse anthropic response body: Unexpected token '<', \"<html>Bad \"... is " +
      "not valid JSON",
  },
];

test("misuse table has at least 15 mistakes", () => {
  assert.ok(MISTAKES.length >= 15);
});

for (const row of MISTAKES) {
  test(`misuse: ${row.mistake} is a ${row.name} naming ${row.path}`, async () => {
    const saved = KEYS.map((key) => process.env[key]);
    for (const key of KEYS) delete process.env[key];
    let error: unknown;
    try {
      await row.run();
    } catch (caught) {
      error = caught;
    } finally {
      KEYS.forEach((key, i) => {
        if (saved[i] !== undefined) process.env[key] = saved[i];
      });
    }
    assert.ok(RosettaError.isInstance(error), `not a RosettaError: ${error}`);
    assert.equal(error.name, row.name);
    assert.equal(error.provider, row.provider);
    assert.equal(error.path, row.path);
    // Engines word JSON.parse's own complaint differently: compare up to it.
    const detail = row.name === "ResponseParseError" ? row.message.indexOf(": ") + 2 : undefined;
    assert.equal(error.message.slice(0, detail), row.message.slice(0, detail));
  });
}

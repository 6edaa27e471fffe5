import { test } from "node:test";
import assert from "node:assert/strict";
import { z } from "zod";
import { providers } from "../providers/mod.ts";
import { chunkings, decodeChunks } from "../testing/chunkings.ts";
import { readFixture, readFixtureBytes } from "../testing/internal/fixtures.ts";
import { streamFormatOf } from "../testing/stream_format.ts";
import { StructuredOutputError } from "../common/errors.ts";
import { defineOutput, parseOutput } from "./output.ts";
import type { ChatResponse } from "../common/types.ts";

const person = defineOutput({
  name: "person",
  output: z.object({
    name: z.string(),
    born: z.number().int(),
    fields: z.array(z.string()),
  }),
});
const ADA = { name: "Ada Lovelace", born: 1815, fields: ["mathematics", "computing"] };

const response = (content: ChatResponse["content"], finishReason = "stop"): ChatResponse => ({
  provider: "openai",
  model: "m",
  content,
  finishReason: finishReason as ChatResponse["finishReason"],
  usage: {
    inputTokens: 1,
    outputTokens: 1,
    thinkingTokens: 0,
    cacheReadTokens: 0,
    cacheWriteTokens: 0,
    totalTokens: 2,
  },
});

test("defineOutput computes the JSON Schema of what the model writes", () => {
  const output = defineOutput({
    name: "config",
    output: z.object({ retries: z.number().default(3) }),
    strict: true,
  });
  assert.deepEqual(output.schema, {
    type: "object",
    properties: { retries: { type: "number", default: 3 } },
  });
  assert.equal(output.strict, true);
  assert.deepEqual(parseOutput(output, "{}"), { retries: 3 });
});

for (const provider of Object.values(providers)) {
  const body = readFixture(`${provider.name}/structured_output.json`);
  const ext = streamFormatOf(provider).extension;
  const stream = readFixtureBytes(`${provider.name}/structured_output${ext}`);

  test(`parseOutput reads a ${provider.name} body into the typed value`, () => {
    assert.deepEqual(parseOutput(person, provider.parseResponse(body)), ADA);
  });

  test(`parseOutput reads a ${provider.name} stream's end() in every chunking`, () => {
    for (const chunking of chunkings(stream)) {
      const { response } = decodeChunks(provider.createStreamDecoder(), chunking.chunks);
      assert.deepEqual(parseOutput(person, response!), ADA, chunking.name);
    }
  });
}

test("parseOutput reads the forced tool Anthropic models without output_config.format answer with", () => {
  const { anthropic } = providers;
  const body = anthropic.parseResponse(readFixture("anthropic/structured_output_tool.json"));
  assert.deepEqual(parseOutput(person, body), ADA);
  const decoder = anthropic.createStreamDecoder();
  decoder.push(readFixture("anthropic/structured_output_tool.sse"));
  assert.deepEqual(parseOutput(person, decoder.end()), ADA);
});

test("parseOutput joins text split over several blocks", () => {
  const text = JSON.stringify(ADA);
  const split = response([
    { type: "text", text: text.slice(0, 10) },
    { type: "text", text: text.slice(10) },
  ]);
  assert.deepEqual(parseOutput(person, split), ADA);
});

test("parseOutput names the path of the first mismatch and lists every one", () => {
  let error: StructuredOutputError | undefined;
  try {
    parseOutput(person, '{"name":"Ada","born":"1815","fields":["a",2]}');
  } catch (e) {
    assert.ok(StructuredOutputError.isInstance(e) && e.type === "schema_mismatch");
    error = e;
  }
  assert.ok(error !== undefined);
  assert.equal(error.path, "$.born");
  assert.deepEqual(error.issues?.map((issue) => issue.path), ["$.born", "$.fields[1]"]);
  assert.equal(
    error.message,
    'Cannot read structured output "person": $.born: Invalid input: expected number, received string (and 1 more)',
  );
  assert.equal(error.raw, '{"name":"Ada","born":"1815","fields":["a",2]}');
});

test("parseOutput quotes keys that are not identifiers in paths", () => {
  const output = defineOutput({
    name: "labels",
    output: z.object({ "x-y": z.object({ n: z.number() }) }),
  });
  assert.throws(() => parseOutput(output, '{"x-y":{"n":"1"}}'), { path: '$["x-y"].n' });
  assert.throws(() => parseOutput(output, "[]"), { path: "$" });
});

test("parseOutput reports text that is not JSON, and says when the answer was cut", () => {
  assert.throws(
    () => parseOutput(person, response([{ type: "text", text: '{"name":' }], "length")),
    {
      name: "StructuredOutputError",
      type: "invalid_json",
      provider: "openai",
      raw: '{"name":',
      message:
        /^Cannot read structured output "person": the answer is not JSON \(the answer was cut at the token limit\): /,
    },
  );
  assert.throws(() => parseOutput(person, "Sure! Here it is."), {
    type: "invalid_json",
    message: /^Cannot read structured output "person": the answer is not JSON: /,
  });
});

test("parseOutput reports a refusal and an answer without text", () => {
  assert.throws(
    () =>
      parseOutput(
        person,
        response([{ type: "text", text: "I can't help with that." }], "content_filter"),
      ),
    {
      type: "refusal",
      message: `Cannot read structured output "person": the model refused: I can't help with that.`,
    },
  );
  assert.throws(
    () =>
      parseOutput(
        person,
        response([{ type: "tool_call", id: "c", name: "other", arguments: {} }], "tool_use"),
      ),
    {
      type: "no_output",
      message:
        'Cannot read structured output "person": the response has no text (finish reason tool_use)',
    },
  );
});

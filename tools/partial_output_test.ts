import { test } from "node:test";
import assert from "node:assert/strict";
import { z } from "zod";
import { providers } from "../providers/mod.ts";
import { chunkings, decodeChunks } from "../testing/chunkings.ts";
import { readFixture, readFixtureBytes } from "../testing/internal/fixtures.ts";
import { streamFormatOf } from "../testing/stream_format.ts";
import { EventStream } from "../codec/event_stream.ts";
import { StructuredOutputError } from "../common/errors.ts";
import type { StreamEvent } from "../common/events.ts";
import { defineOutput, parseOutput } from "./output.ts";
import { type DeepPartial, PartialOutput, partialOutput } from "./partial_output.ts";

const person = defineOutput({
  name: "person",
  output: z.object({
    name: z.string(),
    born: z.number().int(),
    fields: z.array(z.string()),
  }),
});

// Type-level: a deep partial of the output's type.
const _typed: DeepPartial<z.output<typeof person.output>> = { fields: ["a"] };

const textDeltas = (...texts: string[]): StreamEvent[] =>
  texts.map((text) => ({ type: "text_delta", index: 0, text }));

const fixtures: Array<[string, string]> = [
  ...Object.values(providers).map((p) =>
    [p.name, `${p.name}/structured_output${streamFormatOf(p).extension}`] as [string, string]
  ),
  ["anthropic", "anthropic/structured_output_tool.sse"],
];

for (const [name, path] of fixtures) {
  test(`PartialOutput's last value on ${path} is parseOutput's, in every chunking`, () => {
    const provider = providers[name as keyof typeof providers];
    for (const chunking of chunkings(readFixtureBytes(path))) {
      const { events, response } = decodeChunks(provider.createStreamDecoder(), chunking.chunks);
      const view = new PartialOutput(person);
      let changes = 0;
      for (const event of events) if (view.push(event)) changes++;
      const final = parseOutput(person, response!);
      assert.deepEqual(view.value, final, chunking.name);
      assert.deepEqual(view.end(response!), final);
      assert.ok(changes >= 1, chunking.name);
    }
  });
}

test("PartialOutput shows the answer growing and keeps finished fields by identity", () => {
  const view = new PartialOutput(person);
  const seen: unknown[] = [];
  const fields: unknown[] = [];
  for (
    const event of textDeltas(
      '{"name":"Ada',
      ' Lovelace","fields":["math',
      '"]',
      ',"born":18',
      "15}",
    )
  ) {
    if (view.push(event)) seen.push(structuredClone(view.value));
    fields.push(view.value?.fields);
  }
  assert.equal(fields[3], fields[2], "the closed list is the same instance");
  assert.ok(!view.isOpen(fields[2]));
  assert.equal(fields[4], fields[2]);
  assert.deepEqual(seen, [
    { name: "Ada" },
    { name: "Ada Lovelace", fields: ["math"] },
    { name: "Ada Lovelace", fields: ["math"] },
    { name: "Ada Lovelace", fields: ["math"], born: 1815 },
  ]);
});

test("PartialOutput reads the output's forced tool call and skips other text and calls", () => {
  const view = new PartialOutput(person);
  const events: StreamEvent[] = [
    { type: "tool_call_start", index: 0, id: "a", name: "other" },
    { type: "tool_call_delta", index: 0, argumentsDelta: '{"x":1}' },
    { type: "tool_call_start", index: 1, id: "b", name: "person" },
    { type: "tool_call_delta", index: 1, argumentsDelta: '{"name":"Ada"' },
    { type: "text_delta", index: 2, text: "not the answer" },
  ];
  for (const event of events) view.push(event);
  assert.deepEqual(view.value, { name: "Ada" });
});

test("PartialOutput checkFields reports a complete field that misses the schema at once", () => {
  const view = new PartialOutput(person, { checkFields: true });
  view.push(textDeltas('{"born":"18')[0]);
  assert.deepEqual(view.value, { born: "18" }, "the field in progress is not checked");
  assert.throws(
    () => view.push(textDeltas('15","name":"Ada"')[0]),
    (error) =>
      StructuredOutputError.isInstance(error) && error.type === "schema_mismatch" &&
      error.path === "$.born",
  );
});

test("PartialOutput stops at invalid JSON, names where, and leaves the verdict to parseOutput", () => {
  const view = new PartialOutput(person);
  for (const event of textDeltas('{"name":"Ada"', "}}", ',"born":1}')) view.push(event);
  assert.deepEqual(view.value, { name: "Ada" });
  assert.equal(view.error?.position, 14);
  assert.throws(() => parseOutput(person, '{"name":"Ada"}},"born":1}'), { type: "invalid_json" });
});

test("partialOutput yields partial values over an EventStream, then the validated answer", async () => {
  const stream = readFixture("openai/structured_output.sse");
  for (const chunking of chunkings(new TextEncoder().encode(stream), [1])) {
    const chunks = [...chunking.chunks];
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        const chunk = chunks.shift();
        if (chunk === undefined) controller.close();
        else {controller.enqueue(
            typeof chunk === "string" ? new TextEncoder().encode(chunk) : chunk,
          );}
      },
    });
    const values: unknown[] = [];
    for await (
      const value of partialOutput(
        person,
        new EventStream(providers.openai.createStreamDecoder(), body),
      )
    ) {
      values.push(structuredClone(value));
    }
    const final = parseOutput(
      person,
      providers.openai.parseResponse(readFixture("openai/structured_output.json")),
    );
    assert.deepEqual(values.at(-1), final);
    assert.deepEqual(values.at(-2), values.at(-1), chunking.name);
    assert.ok(values.length >= 2, chunking.name);
  }
});

test("partialOutput throws parseOutput's error when the answer misses the schema", async () => {
  const events = textDeltas('{"name":"Ada","born":"x","fields":[]}');
  const stream = {
    async *[Symbol.asyncIterator]() {
      yield* events;
    },
    response: () =>
      Promise.resolve({
        provider: "openai",
        model: "m",
        content: [{ type: "text" as const, text: '{"name":"Ada","born":"x","fields":[]}' }],
        finishReason: "stop" as const,
        usage: {
          inputTokens: 1,
          outputTokens: 1,
          thinkingTokens: 0,
          cacheReadTokens: 0,
          cacheWriteTokens: 0,
          totalTokens: 2,
        },
      }),
  };
  const seen: unknown[] = [];
  await assert.rejects(async () => {
    for await (const value of partialOutput(person, stream)) seen.push(value);
  }, { type: "schema_mismatch", path: "$.born" });
  assert.equal(seen.length, 1);
});

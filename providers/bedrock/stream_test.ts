// ConverseStream fixtures (frames written by AWS's own encoder, scripts/write_bedrock_fixtures.ts)
// through the Bedrock decoder: split at every byte position, equal to their body twins, read by
// AWS's own decoder into the same frames, and frame faults kept as typed errors with the partial
// response.
import { test } from "node:test";
import assert from "node:assert/strict";
import { EventStreamCodec } from "@smithy/eventstream-codec";
import { fromUtf8, toUtf8 } from "@smithy/util-utf8";
import { createAwsEventStreamDecoder } from "../../codec/aws_event_stream.ts";
import { ProviderError, ResponseParseError } from "../../common/errors.ts";
import { decodeChunks } from "../../testing/chunkings.ts";
import { readFixture, readFixtureBytes } from "../../testing/internal/fixtures.ts";
import { bedrock } from "./mod.ts";

const MODEL = "us.anthropic.claude-sonnet-4-5-20250929-v1:0";
const TWINS = [
  "text",
  "thinking",
  "redacted_thinking",
  "tool_calls",
  "structured_output",
  "max_tokens",
  "cached",
];
const decode = (chunks: Uint8Array[]) =>
  decodeChunks(bedrock.createStreamDecoder({ model: MODEL }), chunks);

for (const name of TWINS) {
  const bytes = readFixtureBytes(`bedrock/${name}.bin`);
  const whole = decode([bytes]);

  test(`bedrock stream ${name}.bin decodes the same split at every byte position`, () => {
    for (let at = 0; at <= bytes.length; at++) {
      const split = decode([bytes.subarray(0, at), bytes.subarray(at)]);
      assert.deepStrictEqual(split, whole, `split at ${at}`);
    }
    const bytewise = decode(Array.from(bytes, (_, i) => bytes.subarray(i, i + 1)));
    assert.deepStrictEqual(bytewise, whole);
  });

  test(`bedrock stream ${name}.bin accumulates to ${name}.json: content, stop reason and usage intact`, () => {
    const body = bedrock.parseResponse(readFixture(`bedrock/${name}.json`), { model: MODEL });
    assert.equal(whole.error, undefined);
    assert.deepStrictEqual(whole.response, body);
    assert.equal(body.model, MODEL);
    assert.ok(body.usage.totalTokens > 0 && body.rawFinishReason !== undefined);
    assert.deepEqual(
      body.providerMetadata?.metrics,
      JSON.parse(readFixture(`bedrock/${name}.json`)).metrics,
    );
  });

  test(`bedrock stream ${name}.bin frames read the same with AWS's own decoder`, () => {
    const codec = new EventStreamCodec(toUtf8, fromUtf8);
    const ours = createAwsEventStreamDecoder().push(bytes);
    let at = 0;
    for (const frame of ours) {
      const length = new DataView(bytes.buffer, bytes.byteOffset + at).getUint32(0);
      const theirs = codec.decode(bytes.subarray(at, at + length));
      at += length;
      const headers = Object.fromEntries(
        Object.entries(theirs.headers).map(([k, v]) => [k, v.value]),
      );
      assert.deepEqual(frame.headers, headers);
      assert.deepEqual(Array.from(frame.payload), Array.from(theirs.body));
    }
    assert.equal(at, bytes.length);
  });
}

test("bedrock stream reads reasoning with its signature, redacted reasoning and calls with and without arguments", () => {
  const thinking = decode([readFixtureBytes("bedrock/redacted_thinking.bin")]).response!;
  assert.deepEqual(thinking.content.map((b) => b.type), ["redacted_thinking", "thinking", "text"]);
  assert.ok(
    thinking.content[1].type === "thinking" && thinking.content[1].signature?.startsWith("EqQB"),
  );
  const tools = decode([readFixtureBytes("bedrock/tool_calls.bin")]);
  const calls = tools.response!.content.filter((b) => b.type === "tool_call");
  assert.deepEqual(calls.map((c) => c.type === "tool_call" && c.arguments), [
    { location: "San Francisco, CA", unit: "celsius" },
    { location: "Paris, France", unit: "celsius" },
    {},
  ]);
  const answer = decode([readFixtureBytes("bedrock/structured_output.bin")]).response!;
  assert.deepEqual(answer.content, [{
    type: "tool_call",
    id: "tooluse_Qw3eRt5yUi7oPa9sDf1gHj",
    name: "person",
    arguments: { name: "Ada Lovelace", born: 1815, fields: ["mathematics", "computing"] },
  }]);
  const cut = decode([readFixtureBytes("bedrock/max_tokens.bin")]).response!;
  assert.deepEqual([cut.finishReason, cut.rawFinishReason], ["length", "max_tokens"]);
});

test("bedrock stream error.bin: an exception frame mid-stream is a retryable server error keeping the text", () => {
  const { events, error } = decode([readFixtureBytes("bedrock/error.bin")]);
  assert.ok(ProviderError.isInstance(error));
  assert.deepEqual([error.category, error.code], ["server", "ModelStreamErrorException"]);
  assert.match(error.message, /^Model stream error/);
  assert.deepEqual(error.partial?.content, [{ type: "text", text: "Partial ans" }]);
  assert.equal(events.at(-1)?.type, "error");
});

test("bedrock stream throws invalid_frame for a corrupted CRC, with what was read before it", () => {
  const bytes = readFixtureBytes("bedrock/text.bin").slice();
  const first = new DataView(bytes.buffer).getUint32(0);
  const second = new DataView(bytes.buffer).getUint32(first);
  bytes[first + second - 5] ^= 0xff; // the second frame's last payload byte
  const decoder = bedrock.createStreamDecoder({ model: MODEL });
  decoder.push(bytes.subarray(0, first));
  assert.throws(() => decoder.push(bytes.subarray(first)), (error) => {
    assert.ok(ResponseParseError.isInstance(error));
    assert.deepEqual([error.type, error.path, error.provider], [
      "invalid_frame",
      "message",
      "bedrock",
    ]);
    assert.match(error.message, /message CRC32 mismatch/);
    assert.equal(error.partial?.model, MODEL);
    return true;
  });
});

test("bedrock stream throws truncated_stream for a body cut inside a frame, keeping the text", () => {
  const bytes = readFixtureBytes("bedrock/text.bin");
  const decoder = bedrock.createStreamDecoder({ model: MODEL });
  decoder.push(bytes.subarray(0, bytes.length - 10));
  assert.throws(() => decoder.end(), (error) => {
    assert.ok(ResponseParseError.isInstance(error));
    assert.equal(error.type, "truncated_stream");
    assert.match(error.message, /ended inside a frame/);
    assert.equal(error.partial?.content[0].type, "text");
    return true;
  });
});

test("bedrock stream refuses text chunks: frames are bytes", () => {
  assert.throws(() => bedrock.createStreamDecoder().push("{}"), {
    name: "ValidationError",
    path: "chunk",
  });
});

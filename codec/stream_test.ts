import { test } from "node:test";
import assert from "node:assert/strict";
import { anthropic } from "../providers/anthropic/mod.ts";
import { openai } from "../providers/openai/mod.ts";
import { readFixture } from "../testing/internal/fixtures.ts";
import { ProviderError, ResponseParseError } from "../common/errors.ts";
import type { StreamEvent } from "../common/events.ts";
import { EventStream } from "./event_stream.ts";
import { EventTransformStream } from "./stream.ts";

const text = readFixture("openai/text.sse");

function body(chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
}

test("EventStream yields the decoder's events and then the response", async () => {
  const stream = new EventStream(
    openai.createStreamDecoder(),
    body([text.slice(0, 100), text.slice(100)]),
  );
  const types: string[] = [];
  for await (const event of stream) types.push(event.type);
  assert.deepEqual(types, [
    "start",
    "text_delta",
    "text_delta",
    "text_delta",
    "text_delta",
    "text_delta",
    "usage",
    "finish",
  ]);
  const response = await stream.response();
  assert.deepEqual(response.content, [{
    type: "text",
    text: "Hello! How can I assist you today?",
  }]);
});

test("EventStream.response drains a stream nobody iterated", async () => {
  const stream = new EventStream(openai.createStreamDecoder(), body([text]));
  assert.equal((await stream.response()).usage.totalTokens, 29);
});

test("EventStream refuses a second iteration", async () => {
  const stream = new EventStream(openai.createStreamDecoder(), body([text]));
  await stream.response();
  await assert.rejects(async () => {
    for await (const _ of stream) { /* nothing */ }
  }, {
    name: "ValidationError",
    message:
      "Cannot iterate openai stream: it was already iterated; iterate it once, then call response()",
  });
});

test("EventStream cancels the body when the consumer stops early", async () => {
  let cancelled = false;
  const source = new ReadableStream<Uint8Array>({
    pull(controller) {
      controller.enqueue(new TextEncoder().encode(text));
    },
    cancel() {
      cancelled = true;
    },
  });
  const stream = new EventStream(openai.createStreamDecoder(), source);
  for await (const _ of stream) break;
  assert.ok(cancelled);
  await assert.rejects(stream.response(), {
    message: "Cannot give the openai response: the stream was stopped before its end",
  });
});

test("EventStream rejects with the in-stream provider error after yielding it", async () => {
  const stream = new EventStream(
    anthropic.createStreamDecoder(),
    body([readFixture("anthropic/error.sse")]),
  );
  const events: StreamEvent[] = [];
  await assert.rejects(async () => {
    for await (const event of stream) events.push(event);
  }, (error: unknown) => {
    assert.ok(error instanceof ProviderError);
    assert.equal(error.category, "server");
    assert.deepEqual(error.partial?.content, [{ type: "text", text: "Partial ans" }]);
    return true;
  });
  assert.equal(events.at(-1)?.type, "error");
});

test("EventStream turns a broken connection into a network error with the partial response", async () => {
  let sent = false;
  const source = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent) return controller.error(new Error("socket hang up"));
      sent = true;
      controller.enqueue(new TextEncoder().encode(text.slice(0, text.indexOf(" How"))));
    },
  });
  const stream = new EventStream(openai.createStreamDecoder(), source);
  await assert.rejects(stream.response(), (error: unknown) => {
    assert.ok(error instanceof ProviderError);
    assert.equal(error.category, "network");
    assert.equal(error.message, "Cannot read openai stream: socket hang up");
    assert.deepEqual(error.partial?.content, [{ type: "text", text: "Hello!" }]);
    return true;
  });
});

test("EventTransformStream pipes bytes to events and settles response", async () => {
  const transform = new EventTransformStream(openai.createStreamDecoder());
  const events: StreamEvent[] = [];
  await body([text]).pipeThrough(transform).pipeTo(
    new WritableStream({ write: (event) => void events.push(event) }),
  );
  assert.equal(events.length, 8);
  assert.equal((await transform.response).finishReason, "stop");
});

test("EventTransformStream errors the stream and rejects response on a cut stream", async () => {
  const transform = new EventTransformStream(openai.createStreamDecoder());
  const piped = body([readFixture("openai/truncated.sse")]).pipeThrough(transform).pipeTo(
    new WritableStream(),
  );
  await assert.rejects(piped, { name: "ResponseParseError", type: "truncated_stream" });
  await assert.rejects(
    transform.response,
    (error: unknown) => ResponseParseError.isInstance(error) && error.type === "truncated_stream",
  );
});

test("EventStream.response rethrows the error that ended a failed iteration", async () => {
  const stream = new EventStream(
    anthropic.createStreamDecoder(),
    body([readFixture("anthropic/error.sse")]),
  );
  let thrown: unknown;
  try {
    for await (const _ of stream) { /* render */ }
  } catch (error) {
    thrown = error;
  }
  assert.ok(thrown instanceof ProviderError);
  await assert.rejects(stream.response(), (error: unknown) => error === thrown);
  await assert.rejects(stream.response(), (error: unknown) => error === thrown);
});

test("StreamDecoder.push hands out arrays the caller owns, even when empty", () => {
  const decoder = openai.createStreamDecoder();
  const first = decoder.push("data: {");
  const second = decoder.push("");
  assert.notEqual(first, second);
  first.push({ type: "finish", finishReason: "stop" });
  assert.deepEqual(second, []);
  assert.deepEqual(decoder.push("\n"), []);
});

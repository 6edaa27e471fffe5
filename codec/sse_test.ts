import { test } from "node:test";
import assert from "node:assert/strict";
import { ResponseParseError } from "../common/errors.ts";
import { createSseDecoder } from "./sse.ts";

function decode(
  chunks: Array<string | Uint8Array>,
  maxEventSize?: number,
): Array<[string | undefined, string]> {
  const events: Array<[string | undefined, string]> = [];
  const sse = createSseDecoder("openai", (event, data) => events.push([event, data]), maxEventSize);
  for (const chunk of chunks) sse.push(chunk);
  sse.end();
  return events;
}

test("createSseDecoder reads LF, CRLF and CR line ends alike", () => {
  for (const eol of ["\n", "\r\n", "\r"]) {
    assert.deepEqual(decode([`event: a${eol}data: 1${eol}${eol}data: 2${eol}${eol}`]), [
      ["a", "1"],
      [undefined, "2"],
    ], JSON.stringify(eol));
  }
});

test("createSseDecoder handles a CRLF split across chunks as one line end", () => {
  assert.deepEqual(decode(["data: 1\r", "\n\r", "\ndata: 2\r\n\r\n"]), [[undefined, "1"], [
    undefined,
    "2",
  ]]);
});

test("createSseDecoder joins multi-line data with newlines", () => {
  assert.deepEqual(decode(["data: a\ndata: b\n\n"]), [[undefined, "a\nb"]]);
});

test("createSseDecoder skips comments and keep-alive pings", () => {
  assert.deepEqual(decode([": keep-alive\n\n:\n\ndata: x\n\n: ping\n\n"]), [[undefined, "x"]]);
});

test("createSseDecoder strips a byte-order mark from bytes and from text", () => {
  assert.deepEqual(
    decode([new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode("data: x\n\n")])]),
    [[undefined, "x"]],
  );
  assert.deepEqual(decode(["\ufeffdata: y\n\n"]), [[undefined, "y"]]);
});

test("createSseDecoder decodes a code point split across chunks", () => {
  const bytes = new TextEncoder().encode("data: 27 × 453 ☀️\n\n");
  const chunks = Array.from(bytes, (_, i) => bytes.subarray(i, i + 1));
  assert.deepEqual(decode(chunks), [[undefined, "27 × 453 ☀️"]]);
});

test("createSseDecoder delivers a last event missing its blank line", () => {
  assert.deepEqual(decode(["data: 1\n\ndata: 2\n"]), [[undefined, "1"], [undefined, "2"]]);
});

test("createSseDecoder drops a last line cut in the middle", () => {
  assert.deepEqual(decode(['data: 1\n\ndata: {"cut']), [[undefined, "1"]]);
});

test("createSseDecoder refuses an event larger than the limit", () => {
  assert.throws(() => decode(["data: " + "x".repeat(100)], 64), (error: unknown) => {
    assert.ok(error instanceof ResponseParseError);
    assert.equal(error.type, "event_too_large");
    assert.equal(error.message, "Cannot decode openai stream: an event exceeded 64 characters");
    return true;
  });
});

test("createSseDecoder keeps refusing after the limit was hit", () => {
  const sse = createSseDecoder("google", () => {}, 8);
  assert.throws(() => sse.push("data: 0123456789"), { type: "event_too_large" });
  assert.throws(() => sse.push("\n\n"), { type: "event_too_large" });
  assert.throws(() => sse.end(), { type: "event_too_large" });
});

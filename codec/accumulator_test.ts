import { test } from "node:test";
import assert from "node:assert/strict";
import { ResponseAccumulator } from "./accumulator.ts";
import { EventBuffer } from "./sink.ts";
import { ResponseParseError } from "../common/errors.ts";

test("ResponseAccumulator emits no events for a body and the same response as live", () => {
  const run = (live: boolean) => {
    const acc = new ResponseAccumulator("p", live ? new EventBuffer() : undefined);
    acc.start("id", "m");
    acc.thinking("r", "a");
    acc.thinking("r", "b");
    acc.toolStart(0, "c", "f");
    acc.toolDelta(0, '{"x":');
    acc.toolDelta(0, "1}");
    acc.finish("tool_use", "calls");
    acc.terminate();
    return { events: acc.drain(), response: acc.finalize("end") };
  };
  const quiet = run(false);
  const live = run(true);
  assert.deepEqual(quiet.events, []);
  assert.deepEqual(live.events.map((e) => e.type), [
    "start",
    "thinking_delta",
    "thinking_delta",
    "tool_call_start",
    "tool_call_delta",
    "tool_call_delta",
    "tool_call_end",
    "finish",
  ]);
  assert.deepEqual(quiet.response, live.response);
  assert.deepEqual(live.response.content, [
    { type: "thinking", text: "ab" },
    { type: "tool_call", id: "c", name: "f", arguments: { x: 1 } },
  ]);
});

test("ResponseAccumulator refuses text for a key that holds another kind of block", () => {
  const acc = new ResponseAccumulator("p", new EventBuffer());
  acc.toolStart(3, "c", "f");
  assert.throws(() => acc.text(3, "x"), {
    name: "ResponseParseError",
    type: "invalid_field",
    path: "content[0]",
    message: "Cannot parse p response: text arrived for content[0], a tool_call block",
  });
});

test("ResponseAccumulator finds every block's key past its scan window", () => {
  const acc = new ResponseAccumulator("p");
  for (let i = 0; i < 20; i++) acc.text(i % 2 === 0 ? i : `k${i}`, `${i}`);
  for (let i = 0; i < 20; i++) acc.text(i % 2 === 0 ? i : `k${i}`, "!");
  acc.terminate();
  const texts = acc.finalize("end").content.map((b) => b.type === "text" && b.text);
  assert.deepEqual(texts, Array.from({ length: 20 }, (_, i) => `${i}!`));
});

test("ResponseAccumulator keeps a tool call's whole input unless argument JSON follows", () => {
  const acc = new ResponseAccumulator("p");
  acc.toolStart(0, "a", "f", { given: true });
  acc.toolStart(1, "b", "g", {});
  acc.toolDelta(1, '{"streamed":true}');
  acc.endAll();
  acc.terminate();
  assert.deepEqual(acc.finalize("end").content.map((b) => b.type === "tool_call" && b.arguments), [
    { given: true },
    { streamed: true },
  ]);
});

test("ResponseAccumulator.choice builds alternatives quietly and reports their errors as the response's", () => {
  const acc = new ResponseAccumulator("p", new EventBuffer());
  acc.start("id", "m");
  acc.text("c", "one");
  const second = acc.choice(1);
  second.text("c", "two");
  second.toolStart(0, "x", "f");
  second.toolDelta(0, "{");
  second.finish("tool_use", "tool_calls");
  acc.finish("stop", "stop");
  acc.terminate();
  const events = acc.drain();
  assert.ok(!events.some((e) => e.type === "text_delta" && e.text === "two"));
  assert.equal(events.at(-2)?.type, "error");
  assert.throws(() => acc.finalize("end"), (error: unknown) => {
    assert.ok(error instanceof ResponseParseError);
    assert.equal(error.type, "invalid_tool_arguments");
    assert.deepEqual(error.partial?.alternatives?.[0].content, [{ type: "text", text: "two" }]);
    return true;
  });
});

test("ResponseAccumulator keeps metadata fields, skipping null and undefined", () => {
  const acc = new ResponseAccumulator("p");
  acc.metadata("a", 1);
  acc.metadata("b", null);
  acc.metadata("c", undefined);
  acc.terminate();
  assert.deepEqual(acc.finalize("end").providerMetadata, { a: 1 });
  assert.equal(acc.metadataOf("a"), 1);
});

test("ResponseAccumulator ignores a signature for a block that carries none", () => {
  const acc = new ResponseAccumulator("p", new EventBuffer());
  acc.providerBlock(0, "server_tool_use", { type: "server_tool_use" });
  acc.signature(0, "sig");
  acc.end(0);
  acc.terminate();
  assert.ok(!acc.drain().some((e) => e.type === "signature"));
  assert.deepEqual(acc.finalize("end").content[0], {
    type: "provider",
    provider: "p",
    blockType: "server_tool_use",
    data: { type: "server_tool_use" },
  });
});

import { test } from "node:test";
import assert from "node:assert/strict";
import { providers } from "../providers/mod.ts";
import { deepseek } from "../hosts/mod.ts";
import type { Provider } from "../common/provider.ts";
import type { StreamEvent } from "../common/events.ts";
import { chunkings, decodeChunks } from "../testing/chunkings.ts";
import { readFixtureBytes } from "../testing/internal/fixtures.ts";
import { streamFormatOf } from "../testing/stream_format.ts";
import {
  partialToolArguments,
  type PartialToolCall,
  PartialToolCalls,
} from "./partial_tool_calls.ts";

const streams: Array<[Provider, string]> = [
  ...Object.values(providers).flatMap((p): Array<[Provider, string]> => {
    // Bench streams are .txt where they are text, .bin where they are frames.
    const ext = streamFormatOf(p).extension;
    const bench = ext === ".sse" ? ".txt" : ext;
    return [
      [p, `${p.name}/tool_calls${ext}`],
      [p, `benchmarks/${p.name}/stream_tools${bench}`],
      [p, `benchmarks/${p.name}/stream_complex${bench}`],
    ];
  }),
  [deepseek as Provider, "hosts/deepseek_tool_loop.sse"],
];

for (const [provider, path] of streams) {
  test(`PartialToolCalls on ${path}: the arguments read from deltas are the parsed ones`, () => {
    for (const chunking of chunkings(readFixtureBytes(path), [1, 2])) {
      const { events, response } = decodeChunks(provider.createStreamDecoder(), chunking.chunks);
      const calls = new PartialToolCalls();
      const beforeEnd = new Map<number, PartialToolCall | undefined>();
      const last = new Map<number, PartialToolCall>();
      for (const event of events) {
        if (event.type === "tool_call_end") beforeEnd.set(event.index, calls.get(event.index));
        const call = calls.push(event);
        if (call !== undefined) last.set(call.index, call);
      }
      const blocks = response!.content.flatMap((block, index) =>
        block.type === "tool_call" ? [{ index, block }] : []
      );
      assert.ok(blocks.length > 0, path);
      let streamedCalls = 0;
      for (const { index, block } of blocks) {
        assert.deepEqual(last.get(index)?.arguments, block.arguments, `${chunking.name} ${index}`);
        assert.equal(last.get(index)?.done, true);
        const streamed = beforeEnd.get(index);
        // Arguments that streamed as deltas were already whole before the call's end.
        if (streamed?.arguments !== undefined) {
          streamedCalls++;
          assert.deepEqual(streamed.arguments, block.arguments, `${chunking.name} ${index}`);
        }
      }
      // Gemini sends a call's arguments whole: they show at its end.
      if (provider.name !== "google") assert.ok(streamedCalls > 0, `${path}: no call streamed`);
    }
  });
}

test("PartialToolCalls keeps each call apart and stops one at invalid JSON", () => {
  const calls = new PartialToolCalls();
  calls.push({ type: "tool_call_start", index: 0, id: "a", name: "one" });
  calls.push({ type: "tool_call_start", index: 1, id: "b", name: "two" });
  calls.push({ type: "tool_call_delta", index: 0, argumentsDelta: '{"x":[1,' });
  const bad = calls.push({ type: "tool_call_delta", index: 1, argumentsDelta: '{"y" 2' });
  calls.push({ type: "tool_call_delta", index: 0, argumentsDelta: "2]}" });
  assert.deepEqual(calls.get(0)?.arguments, { x: [1, 2] });
  assert.ok(!calls.isOpen(0, calls.get(0)?.arguments?.x), "the list closed");
  assert.equal(bad?.error?.position, 5);
  assert.equal(calls.push({ type: "tool_call_delta", index: 1, argumentsDelta: "}" }), undefined);
  assert.equal(calls.push({ type: "text_delta", index: 2, text: "hi" }), undefined);
});

test("partialToolArguments yields a call each time it grows, on an async iterable", async () => {
  const events: StreamEvent[] = [
    { type: "tool_call_start", index: 0, id: "c", name: "edit" },
    { type: "tool_call_delta", index: 0, argumentsDelta: '{"path":"a.ts","' },
    { type: "tool_call_delta", index: 0, argumentsDelta: "new" },
    { type: "tool_call_delta", index: 0, argumentsDelta: '":"x' },
    {
      type: "tool_call_end",
      index: 0,
      id: "c",
      name: "edit",
      arguments: { path: "a.ts", new: "x" },
    },
  ];
  async function* source() {
    yield* events;
  }
  const seen: unknown[] = [];
  for await (const call of partialToolArguments(source())) seen.push(call.arguments);
  assert.deepEqual(seen, [{ path: "a.ts" }, { path: "a.ts", new: "x" }, {
    path: "a.ts",
    new: "x",
  }]);
});

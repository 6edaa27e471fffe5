import { test } from "node:test";
import assert from "node:assert/strict";
import { z } from "zod";
import { call, weather } from "../testing/internal/tool_calls.ts";
import { executeToolCalls, extractToolCalls, runToolRound } from "./dispatch.ts";
import { errorResult } from "./prepare.ts";
import { parseToolArguments } from "../codec/json.ts";
import { defineTool, type Tool } from "./tool.ts";
import type { ChatResponse, ToolCallBlock } from "../common/types.ts";
import { emptyUsage } from "../codec/usage.ts";

const response = (calls: ToolCallBlock[]): ChatResponse => ({
  provider: "anthropic",
  model: "m",
  content: [{ type: "thinking", text: "t", signature: "s" }, ...calls],
  finishReason: "tool_use",
  usage: emptyUsage(),
});
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test("defineTool computes the JSON Schema once, without $schema", () => {
  assert.deepEqual(weather.parameters, {
    type: "object",
    properties: {
      location: { type: "string" },
      unit: { default: "celsius", type: "string", enum: ["celsius", "fahrenheit"] },
    },
    required: ["location"],
  });
  assert.equal(weather.description, "Weather");
});

test("extractToolCalls keeps call order and skips other blocks", () => {
  const calls = [call("a", {}), call("b", {})];
  assert.deepEqual(extractToolCalls(response(calls)), calls);
});

test("constructor.prototype arguments reach the tool as plain data and pollute nothing", async () => {
  const args = parseToolArguments("openai", '{"constructor":{"prototype":{"polluted":true}}}', "p");
  let received: unknown;
  const record = defineTool({
    name: "r",
    input: z.record(z.string(), z.unknown()),
    execute: (input) => void (received = input),
  });
  const [result] = await executeToolCalls([call("r", args)], [record]);
  assert.equal(result.isError, undefined);
  assert.deepEqual(received, { constructor: { prototype: { polluted: true } } });
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
  assert.equal(Object.getPrototypeOf(received), Object.prototype);
});

test("executeToolCalls passes a plain JSON-Schema tool's arguments through", async () => {
  const plain: Tool<unknown, unknown> = {
    name: "echo",
    parameters: { type: "object" },
    execute: (input) => input,
  };
  const [result] = await executeToolCalls([call("echo", { a: [1, "x"] })], [plain]);
  assert.equal(result.content, '{"a":[1,"x"]}');
});

test("executeToolCalls runs calls concurrently and keeps their order", async () => {
  const delays: Record<string, number> = { a: 30, b: 1, c: 15 };
  let running = 0;
  let peak = 0;
  const slow = defineTool({
    name: "slow",
    input: z.object({ key: z.string() }),
    execute: async ({ key }) => {
      peak = Math.max(peak, ++running);
      await sleep(delays[key]);
      running--;
      return key;
    },
  });
  const calls = ["a", "b", "c"].map((key) => call("slow", { key }, key));
  const results = await executeToolCalls(calls, [slow]);
  assert.deepEqual(results.map((r) => [r.toolCallId, r.content]), [["a", "a"], ["b", "b"], [
    "c",
    "c",
  ]]);
  assert.equal(peak, 3);
});

test("executeToolCalls honours a concurrency limit", async () => {
  let running = 0;
  let peak = 0;
  const tool = defineTool({
    name: "t",
    input: z.object({}),
    execute: async () => {
      peak = Math.max(peak, ++running);
      await sleep(2);
      running--;
      return "ok";
    },
  });
  const results = await executeToolCalls(
    Array.from({ length: 7 }, (_, i) => call("t", {}, `c${i}`)),
    [tool],
    { concurrency: 2 },
  );
  assert.equal(peak, 2);
  assert.deepEqual(results.map((r) => r.toolCallId), ["c0", "c1", "c2", "c3", "c4", "c5", "c6"]);
});

test("executeToolCalls turns a thrown error into an error result", async () => {
  const boom = defineTool({
    name: "boom",
    input: z.object({}),
    execute: () => {
      throw new Error("disk full");
    },
  });
  const [result] = await executeToolCalls([call("boom", {})], [boom]);
  assert.deepEqual(result, errorResult(call("boom", {}), 'Tool "boom" failed: disk full'));
});

test("executeToolCalls turns a timeout into an error result and aborts the tool's signal", async () => {
  let aborted = false;
  const hang = defineTool({
    name: "hang",
    input: z.object({}),
    execute: (_, { signal }) =>
      new Promise((resolve) =>
        signal.addEventListener("abort", () => {
          aborted = true;
          resolve("late");
        })
      ),
  });
  const fast = defineTool({ name: "fast", input: z.object({}), execute: () => "ok" });
  const results = await executeToolCalls([call("hang", {}), call("fast", {})], [hang, fast], {
    timeoutMs: 20,
  });
  assert.deepEqual(results.map((r) => [r.content, r.isError]), [[
    'Tool "hang" timed out after 20 ms.',
    true,
  ], ["ok", undefined]]);
  assert.ok(aborted);
});

test("executeToolCalls rejects with the caller's abort reason and aborts running tools", async () => {
  const controller = new AbortController();
  let toolSignal: AbortSignal | undefined;
  const hang = defineTool({
    name: "hang",
    input: z.object({}),
    execute: (_, { signal }) => {
      toolSignal = signal;
      return new Promise(() => {});
    },
  });
  const pending = executeToolCalls([call("hang", {})], [hang], { signal: controller.signal });
  await sleep(1);
  controller.abort(new Error("user cancelled"));
  await assert.rejects(pending, { message: "user cancelled" });
  assert.equal(toolSignal?.aborted, true);
});

test("executeToolCalls refuses to start when the signal is already aborted", async () => {
  await assert.rejects(
    executeToolCalls([call("get_weather", {})], [weather], {
      signal: AbortSignal.abort(new Error("stop")),
    }),
    { message: "stop" },
  );
});

test("executeToolCalls serializes non-string results as JSON and reports unserializable ones", async () => {
  const big = defineTool({ name: "big", input: z.object({}), execute: () => ({ n: 10n }) });
  const [weatherResult, bigResult] = await executeToolCalls([
    call("get_weather", { location: "Paris" }),
    call("big", {}),
  ], [weather, big]);
  assert.equal(weatherResult.content, '{"location":"Paris","unit":"celsius","temperature":18}');
  assert.equal(bigResult.isError, true);
  assert.match(String(bigResult.content), /^Tool "big" returned a value that is not JSON: /);
});

test("executeToolCalls answers a tool returning a function or a symbol with an error result", async () => {
  const fn = defineTool({ name: "fn", input: z.object({}), execute: () => () => 1 });
  const sym = defineTool({ name: "sym", input: z.object({}), execute: () => Symbol("s") });
  const results = await executeToolCalls([call("fn", {}), call("sym", {})], [fn, sym]);
  assert.deepEqual(results.map((r) => [r.isError, r.content]), [
    [true, 'Tool "fn" returned a value that is not JSON: a function'],
    [true, 'Tool "sym" returned a value that is not JSON: a symbol'],
  ]);
});

test("executeToolCalls answers a tool without execute with an error result", async () => {
  const [result] = await executeToolCalls([call("d", {})], [{
    name: "d",
    parameters: { type: "object" },
  }]);
  assert.equal(result.content, 'Tool "d" cannot be run here: it has no execute function.');
});

test("runToolRound returns the assistant turn as received plus the results", async () => {
  const calls = [call("get_weather", { location: "Paris" }), call("nope", {})];
  const messages = await runToolRound(response(calls), [weather]);
  assert.deepEqual(messages[0], {
    role: "assistant",
    provider: "anthropic",
    content: response(calls).content,
  });
  assert.deepEqual(messages[1], {
    role: "tool",
    content: [
      {
        type: "tool_result",
        toolCallId: "id_get_weather",
        toolName: "get_weather",
        content: '{"location":"Paris","unit":"celsius","temperature":18}',
      },
      errorResult(calls[1], 'Unknown tool "nope". Available tools: get_weather.'),
    ],
  });
});

test("runToolRound returns only the assistant turn when no tool was called", async () => {
  const plain = { ...response([]), content: [{ type: "text" as const, text: "hi" }] };
  assert.deepEqual(await runToolRound(plain, [weather]), [{
    role: "assistant",
    provider: "anthropic",
    content: plain.content,
  }]);
  assert.deepEqual(await runToolRound({ ...plain, content: [] }, [weather]), []);
});

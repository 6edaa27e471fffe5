// Preparing tool calls: the arguments hardened and validated before anything runs.
import { test } from "node:test";
import assert from "node:assert/strict";
import { z } from "zod";
import { call, weather } from "../testing/internal/tool_calls.ts";
import { errorResult, prepareToolCall } from "./prepare.ts";
import { defineTool, type Tool } from "./tool.ts";
import { parseToolArguments } from "../codec/json.ts";

test("prepareToolCall validates with the zod schema and applies defaults", () => {
  const prepared = prepareToolCall(call("get_weather", { location: "Paris" }), [weather]);
  assert.ok(!("type" in prepared));
  assert.deepEqual(prepared.input, { location: "Paris", unit: "celsius" });
});

test("prepareToolCall answers an unknown tool with the available names", () => {
  assert.deepEqual(
    prepareToolCall(call("get_wether", {}), [weather]),
    errorResult(call("get_wether", {}), 'Unknown tool "get_wether". Available tools: get_weather.'),
  );
});

test("prepareToolCall answers invalid arguments with field paths and expectations", () => {
  const result = prepareToolCall(call("get_weather", { location: 5, unit: "kelvin" }), [weather]);
  assert.deepEqual(result, {
    type: "tool_result",
    toolCallId: "id_get_weather",
    toolName: "get_weather",
    isError: true,
    content:
      'Invalid arguments for tool "get_weather": location: Invalid input: expected string, received number; ' +
      'unit: Invalid option: expected one of "celsius"|"fahrenheit". Call it again with corrected arguments.',
  });
});

test("prepareToolCall names nested array paths", () => {
  const tool = defineTool({ name: "t", input: z.object({ tags: z.array(z.string()) }) });
  const result = prepareToolCall(call("t", { tags: ["a", 2] }), [tool]);
  assert.match(
    "content" in result ? String(result.content) : "",
    /tags\[1\]: Invalid input: expected string, received number/,
  );
});

test("prepareToolCall answers arguments that are not a JSON object", () => {
  for (const [args, got] of [[[1], "an array"], [null, "null"], ["x", '"x"']] as const) {
    const result = prepareToolCall(call("get_weather", args), [weather]);
    assert.equal(
      "content" in result && result.content,
      `Invalid arguments for tool "get_weather": expected a JSON object, got ${got}.`,
    );
  }
});

test("prepareToolCall refuses arguments over the size limit", () => {
  const result = prepareToolCall(
    call("get_weather", { location: "x".repeat(200) }),
    [weather],
    100,
  );
  assert.equal(
    "content" in result && result.content,
    'Invalid arguments for tool "get_weather": they are over the limit of 100 characters.',
  );
});

test("prepareToolCall refuses a __proto__ key anywhere in the arguments", () => {
  const args = parseToolArguments(
    "openai",
    '{"location":"x","nested":{"__proto__":{"polluted":true}}}',
    "p",
  );
  const loose = defineTool({ name: "loose", input: z.looseObject({ location: z.string() }) });
  const result = prepareToolCall(call("loose", args), [loose]);
  assert.equal(
    "content" in result && result.content,
    'Invalid arguments for tool "loose": the key "__proto__" is not allowed (at nested).',
  );
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
});

test("prepareToolCall refuses nesting deeper than 256 levels", () => {
  let deep: Record<string, unknown> = {};
  const root = deep;
  for (let i = 0; i < 300; i++) deep = (deep.a = {}) as Record<string, unknown>;
  const plain: Tool = { name: "p", parameters: { type: "object" } };
  const result = prepareToolCall(call("p", root), [plain]);
  assert.match("content" in result ? String(result.content) : "", /nested deeper than 256 levels/);
});

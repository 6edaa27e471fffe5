import { test } from "node:test";
import assert from "node:assert/strict";
import { ResponseParseError } from "../common/errors.ts";
import { parseToolArguments } from "./json.ts";

test("parseToolArguments reads empty text as no arguments", () => {
  assert.deepEqual(parseToolArguments("openai", "", "p"), {});
});

test("parseToolArguments keeps the raw text of invalid JSON", () => {
  assert.throws(
    () => parseToolArguments("openai", '{"city":"Par', "tool_calls[0]"),
    (error: unknown) => {
      assert.ok(error instanceof ResponseParseError);
      assert.equal(error.type, "invalid_tool_arguments");
      assert.equal(error.raw, '{"city":"Par');
      assert.equal(error.path, "tool_calls[0]");
      assert.ok(error.cause instanceof SyntaxError);
      return true;
    },
  );
});

test("parseToolArguments refuses JSON that is not an object", () => {
  for (const text of ["[1]", "null", "3", '"x"']) {
    assert.throws(() => parseToolArguments("openai", text, "p"), {
      name: "ResponseParseError",
      type: "invalid_tool_arguments",
      raw: text,
    });
  }
});

test("parseToolArguments leaves __proto__ keys as own data, not the prototype", () => {
  const args = parseToolArguments("openai", '{"__proto__":{"polluted":true},"a":1}', "p");
  assert.equal(Object.getPrototypeOf(args), Object.prototype);
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
  assert.ok(Object.hasOwn(args, "__proto__"));
});

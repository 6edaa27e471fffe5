import { test } from "node:test";
import assert from "node:assert/strict";
import { describeValue } from "./describe.ts";

test("describeValue names each kind of value the same way for every message", () => {
  const cases: Array<[unknown, string]> = [
    [undefined, "nothing"],
    [null, "null"],
    [[1], "an array"],
    [{}, "an object"],
    ["x", '"x"'],
    [3, "3"],
    [true, "true"],
    [10n, "10n"],
    [() => 1, "a function"],
    [Symbol("s"), "a symbol"],
  ];
  for (const [value, expected] of cases) assert.equal(describeValue(value), expected);
});

test("describeValue cuts a long string after 40 characters", () => {
  assert.equal(describeValue("a".repeat(50)), `"${"a".repeat(40)}…"`);
});

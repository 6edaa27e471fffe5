import { test } from "node:test";
import assert from "node:assert/strict";
import { modelTable } from "./models.ts";

const lookup = modelTable<string>([[/^a-long/, "long"], [/^a/, "short"]], "unknown", "models/");

test("modelTable returns the first family whose pattern matches", () => {
  assert.equal(lookup("a-long-2025"), "long");
  assert.equal(lookup("a-1"), "short");
});

test("modelTable gives unknown ids the fallback row", () => {
  assert.equal(lookup("b"), "unknown");
});

test("modelTable strips the prefix before matching", () => {
  assert.equal(lookup("models/a-long"), "long");
  assert.equal(lookup("models/b"), "unknown");
});

test("modelTable answers repeated and alternating ids from its cache", () => {
  const seen: string[] = [];
  const counting = modelTable<string>([[
    { test: (id: string) => (seen.push(id), true) } as RegExp,
    "x",
  ]], "y");
  for (const id of ["m1", "m1", "m2", "m1", "m2"]) assert.equal(counting(id), "x");
  assert.deepEqual(seen, ["m1", "m2"]);
});

import { test } from "node:test";
import assert from "node:assert/strict";
import { budgetForLevel, nearestEffort } from "./thinking.ts";

test("budgetForLevel spreads the levels over the range", () => {
  const range = { min: 1024, max: 59904 };
  assert.deepEqual(
    (["none", "low", "medium", "high"] as const).map((level) => budgetForLevel(level, range)),
    [1024, 20650, 40277, 59904],
  );
});

test("nearestEffort returns an exact match", () => {
  assert.equal(nearestEffort("medium", ["low", "medium", "high"]), "medium");
});

test("nearestEffort rounds a tie up and none to the lowest effort", () => {
  assert.equal(nearestEffort("medium", ["low", "high"]), "high");
  assert.equal(nearestEffort("none", ["minimal", "low", "medium", "high"]), "minimal");
  assert.equal(nearestEffort("low", ["high"]), "high");
});

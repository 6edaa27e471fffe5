// What only Gemini's errors need: protobuf durations (the cross-provider table in
// ../errors_test.ts reads its RetryInfo through this).
import { test } from "node:test";
import assert from "node:assert/strict";
import { durationToMs } from "./errors.ts";

test("durationToMs reads protobuf durations", () => {
  assert.equal(durationToMs("34.4s"), 34400);
  assert.equal(durationToMs("1s"), 1000);
  assert.equal(durationToMs("0.5s"), 500);
  assert.equal(durationToMs("s"), undefined);
  assert.equal(durationToMs("10m"), undefined);
  assert.equal(durationToMs(10), undefined);
});

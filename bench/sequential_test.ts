import { test } from "node:test";
import assert from "node:assert/strict";
import type { Measurement } from "./measure.ts";
import {
  combine,
  decide,
  noiseBand,
  normalQuantile,
  processEstimate,
  sequentialIntervals,
  stopRule,
  thresholdsFor,
} from "./sequential.ts";

const near = (actual: number, expected: number, tolerance: number) =>
  assert.ok(Math.abs(actual - expected) < tolerance, `${actual} is not ${expected} ± ${tolerance}`);

test("normalQuantile matches the standard normal table", () => {
  near(normalQuantile(0.5), 0, 1e-9);
  near(normalQuantile(0.95), 1.644854, 1e-6);
  near(normalQuantile(0.975), 1.959964, 1e-6);
  near(normalQuantile(0.01), -2.326348, 1e-6);
  near(normalQuantile(1 - 1e-5), 4.264891, 1e-5);
  assert.throws(() => normalQuantile(1), RangeError);
});

test("thresholdsFor spreads the false-alarm rate over cases and looks (Bonferroni)", () => {
  const t = thresholdsFor("serialization", 100, 5);
  // 0.05 / (100 × 5) = 1e-4 one-sided.
  near(t.zFail, 3.719016, 1e-5);
  near(t.zPass, 1.644854, 1e-6);
  assert.equal(t.limit, 0.05);
  assert.ok(thresholdsFor("serialization", 200, 5).zFail > t.zFail);
});

test("processEstimate takes the median of rounds and an error from their scatter", () => {
  const steady = processEstimate([1.01, 1.01, 1.01, 1.01, 1.01, 1.01]);
  near(steady.log, Math.log(1.01), 1e-12);
  assert.equal(steady.roundsError, 0);
  // One preempted round moves neither the median nor the robust spread much.
  const spiked = processEstimate([1.0, 1.01, 1.02, 1.0, 1.01, 1.4]);
  near(Math.exp(spiked.log), 1.01, 0.001);
  assert.ok(spiked.roundsError < 0.02, `${spiked.roundsError}`);
});

const estimate = (ratio: number, roundsError = 0.005) => ({ log: Math.log(ratio), roundsError });

test("combine uses the process-bias prior until the processes' own scatter is larger", () => {
  const one = combine([estimate(1.0)], 0.015);
  near(one.error, Math.hypot(0.015, 0.005), 1e-12);
  const agreeing = combine([estimate(1.0), estimate(1.0), estimate(1.0), estimate(1.0)], 0.015);
  near(agreeing.error, Math.sqrt((Math.PI / 2) * (0.015 ** 2 + 0.005 ** 2) / 4), 1e-12);
  const scattered = combine([estimate(0.9), estimate(1.0), estimate(1.1)], 0.015);
  assert.ok(scattered.error > 0.05, `${scattered.error}`);
  // The median: one process far off does not drag the figure.
  const outlier = combine(
    [1.09, 0.99, 1.1, 1.09, 1.09, 1.1, 1.08, 1.18].map((r) => estimate(r)),
    0.015,
  );
  near(Math.exp(outlier.log), 1.09, 0.001);
});

test("decide passes a case clearly under its limit, fails one clearly over, else continues", () => {
  const t = thresholdsFor("serialization", 100);
  // A +5% category passes on two processes, never on one.
  assert.equal(t.minPassProcesses, 2);
  assert.equal(decide(combine([estimate(1.0)], 0.015), t), "continue");
  assert.equal(decide(combine([estimate(1.0), estimate(1.0)], 0.015), t), "pass");
  assert.equal(decide(combine([estimate(1.04), estimate(1.04)], 0.015), t), "continue");
  const tools = thresholdsFor("tools", 100);
  assert.equal(decide(combine([estimate(1.0)], 0.015), tools), "pass");
  // Clearly over, but one process never fails a case: it is re-measured first.
  assert.equal(decide(combine([estimate(1.3)], 0.015), t), "continue");
  const many = [1.09, 1.08, 1.1, 1.09, 1.09, 1.08, 1.1, 1.09].map((r) => estimate(r));
  assert.equal(decide(combine(many, 0.015), t), "fail");
  // At the limit itself it can neither pass nor fail.
  const limit = Array.from({ length: 8 }, () => estimate(1.05));
  assert.equal(decide(combine(limit, 0.015), t), "continue");
});

test("noiseBand is the family-wise half-width as a change", () => {
  near(noiseBand({ error: 0.01 }, 4), Math.expm1(0.04), 1e-12);
});

test("stopRule stops a process's rounds once it places the case, not before", () => {
  const enough = stopRule("serialization");
  assert.equal(enough([1.0, 1.01, 0.99, 1.0, 1.0, 1.01]), true);
  assert.equal(enough([1.3, 1.31, 1.29, 1.3, 1.3, 1.31]), true);
  // Near the limit and noisy: more rounds help.
  assert.equal(enough([1.0, 1.1, 1.02, 1.09, 0.98, 1.12]), false);
});

function measured(id: string, category: Measurement["category"], rounds: number[]): Measurement {
  return { id, category, rounds, vsReference: rounds[0] } as Measurement;
}

test("sequentialIntervals decides each compared case and leaves near ones inconclusive", () => {
  const clean = [1.0, 1.0, 1.01, 0.99, 1.0, 1.0];
  const slow = [1.12, 1.12, 1.13, 1.11, 1.12, 1.12];
  const cases = new Map<string, Measurement[]>([
    ["a", [measured("a", "serialization", clean), measured("a", "serialization", clean)]],
    ["one", [measured("one", "serialization", clean)]],
    ["b", [measured("b", "parsing", slow), measured("b", "parsing", slow)]],
    ["c", [measured("c", "streaming", clean.map((r) => r * 1.045))]],
    ["new", [{ ...measured("new", "parsing", clean), vsReference: null }]],
  ]);
  const found = sequentialIntervals(cases, 8);
  assert.equal(found.get("a")?.decision, "pass");
  assert.equal(found.get("one")?.settled, false);
  assert.equal(found.get("b")?.decision, "fail");
  assert.equal(found.get("b")?.processes, 2);
  assert.equal(found.get("c")?.decision, "inconclusive");
  assert.equal(found.get("c")?.settled, false);
  assert.equal(found.get("a")?.settled, true);
  // Out of budget: inconclusive and settled.
  assert.equal(sequentialIntervals(cases, 1).get("c")?.settled, true);
  assert.equal(found.has("new"), false);
  const b = found.get("b")!;
  assert.ok(b.low < b.estimate && b.estimate < b.high);
  near(b.band, b.high / b.estimate - 1, 1e-12);
});

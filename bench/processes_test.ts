import { test } from "node:test";
import assert from "node:assert/strict";
import type { Measurement } from "./measure.ts";
import { byCase, type HarnessRun, medianRun } from "./processes.ts";

function m(id: string, overrides: Partial<Measurement>): Measurement {
  return {
    id,
    group: "g",
    name: id,
    category: "serialization",
    batch: 1,
    perCall: 1,
    p50: 1,
    p95: 1,
    p99: 1,
    min: 1,
    max: 1,
    avg: 1,
    floorP50: 1,
    ratio: 1,
    vsReference: 1,
    referenceP50: 1,
    referenceP95: 1,
    spread: 0,
    rounds: [1, 1],
    file: "serialization",
    bytesPerOp: 100,
    referenceBytesPerOp: 100,
    ...overrides,
  };
}

test("medianRun takes medians over processes, and bytes per op from the process that read least", () => {
  const runs = [
    { results: [m("a", { p95: 10, bytesPerOp: 8424, referenceBytesPerOp: 6300 })], leaks: {} },
    { results: [m("a", { p95: 30, bytesPerOp: 6290, referenceBytesPerOp: 6285 })], leaks: {} },
    { results: [m("a", { p95: 20, bytesPerOp: 8400, referenceBytesPerOp: null })], leaks: {} },
  ];
  const [a] = medianRun(runs).results;
  assert.equal(a.p95, 20);
  assert.equal(a.bytesPerOp, 6290);
  assert.equal(a.referenceBytesPerOp, 6285);
  const none = medianRun([{ results: [m("b", { bytesPerOp: null })], leaks: {} }]).results[0];
  assert.equal(none.bytesPerOp, null);
});

test("medianRun pairs bytes per op within one process: the pair whose ratio is least", () => {
  // The self-test's false alarm: the reference optimized in one process (4198), the candidate in
  // none of three; the least of each (8073 vs 4198) read +92% on identical code.
  const runs = [
    { results: [m("a", { bytesPerOp: 8073, referenceBytesPerOp: 4198 })], leaks: {} },
    { results: [m("a", { bytesPerOp: 8434, referenceBytesPerOp: 8546 })], leaks: {} },
    { results: [m("a", { bytesPerOp: 8417, referenceBytesPerOp: 8354 })], leaks: {} },
  ];
  const [a] = medianRun(runs).results;
  assert.deepEqual([a.bytesPerOp, a.referenceBytesPerOp], [8434, 8546]);
  // A real regression reads over its reference in every process.
  const grown = medianRun([
    { results: [m("b", { bytesPerOp: 9000, referenceBytesPerOp: 4200 })], leaks: {} },
    { results: [m("b", { bytesPerOp: 12800, referenceBytesPerOp: 8400 })], leaks: {} },
  ]).results[0];
  assert.deepEqual([grown.bytesPerOp, grown.referenceBytesPerOp], [12800, 8400]);
});

test("medianRun keeps leak checks from whichever processes took them", () => {
  const check = (retained: number) => ({ calls: 5000, retained, peak: 1 });
  const runs: HarnessRun[] = [
    { results: [m("a", {})], leaks: { a: check(10) } },
    { results: [m("b", {})], leaks: {} },
    { results: [m("a", {})], leaks: { a: check(30) } },
  ];
  const { leaks } = medianRun(runs);
  assert.equal(leaks.a?.retained, 30);
  assert.equal(byCase(runs).get("a")?.length, 2);
});

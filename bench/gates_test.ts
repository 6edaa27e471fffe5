import { test } from "node:test";
import assert from "node:assert/strict";
import { type BaselineCase, ceilingFor, judge, LEAK_LIMIT_BYTES } from "./gates.ts";
import type { Measurement } from "./measure.ts";

const base: BaselineCase = { ratio: 1.5, p50: 2, p95: 3, p99: 4, bytesPerOp: 1000 };
function m(overrides: Partial<Measurement>): Measurement {
  return {
    id: "serialize: complex / anthropic",
    group: "serialize: complex",
    name: "anthropic",
    category: "serialization",
    batch: 100,
    perCall: 1,
    p50: 2,
    p95: 3,
    p99: 4,
    min: 1,
    max: 5,
    avg: 2,
    floorP50: 1.3,
    ratio: 1.5,
    spread: 0.01,
    unstable: false,
    reruns: 0,
    bytesPerOp: 1000,
    ...overrides,
  };
}

test("judge passes a case at its baseline", () => {
  assert.deepEqual(judge(m({}), base), {
    id: "serialize: complex / anthropic",
    level: "ok",
    reasons: [],
  });
});

test("judge fails a serialization ratio 10% over the baseline, not 9%", () => {
  assert.equal(judge(m({ ratio: 1.5 * 1.09 }), base).level, "ok");
  const verdict = judge(m({ ratio: 1.5 * 1.11 }), base);
  assert.equal(verdict.level, "fail");
  assert.match(
    verdict.reasons[0],
    /^fail: ratio to floor 1\.665 vs baseline 1\.500 \(\+11\.0%, limit \+10%\)$/,
  );
});

test("judge gives streaming 15% and only warns for tools and conversion up to any size", () => {
  assert.equal(judge(m({ category: "streaming", ratio: 1.5 * 1.14 }), base).level, "ok");
  assert.equal(judge(m({ category: "streaming", ratio: 1.5 * 1.16 }), base).level, "fail");
  assert.equal(
    judge(m({ category: "tools", group: "tools: round trip", p95: 1, ratio: 1.5 * 1.5 }), base)
      .level,
    "warn",
  );
  assert.equal(judge(m({ category: "conversion", ratio: 1.5 * 1.19 }), base).level, "ok");
  assert.equal(judge(m({ category: "conversion", ratio: 1.5 * 1.21 }), base).level, "warn");
});

test("judge fails bytes per op over 5% plus 64 bytes", () => {
  assert.equal(judge(m({ bytesPerOp: 1000 * 1.05 + 63 }), base).level, "ok");
  const verdict = judge(m({ bytesPerOp: 1200 }), base);
  assert.equal(verdict.level, "fail");
  assert.equal(verdict.reasons[0], "fail: 1200 bytes/op vs baseline 1000 (allowed 1114)");
});

test("judge skips the bytes gate where the runtime cannot measure", () => {
  assert.equal(judge(m({ bytesPerOp: null }), base).level, "ok");
});

test("judge fails a leak and a p95 over the seed ceiling", () => {
  assert.equal(judge(m({}), base, LEAK_LIMIT_BYTES + 1).level, "fail");
  assert.equal(judge(m({}), base, 300).level, "ok");
  const slow = judge(m({ p95: 120 }), base);
  assert.deepEqual(slow.reasons, ["fail: p95 120.0 µs is over the seed ceiling of 100 µs"]);
});

test("judge warns when a case has no baseline", () => {
  assert.equal(judge(m({}), undefined).level, "warn");
});

test("ceilingFor applies the seed targets by category", () => {
  assert.equal(ceilingFor({ category: "serialization", group: "serialize: complex" }), 100);
  assert.equal(ceilingFor({ category: "parsing", group: "parse: simple" }), 50);
  assert.equal(ceilingFor({ category: "conversion", group: "convert: x" }), 50);
  assert.equal(ceilingFor({ category: "tools", group: "tools: x" }), 20);
  assert.equal(ceilingFor({ category: "streaming", group: "stream: x" }), 50);
  assert.equal(ceilingFor({ category: "memory", group: "memory: request" }), undefined);
});

import { test } from "node:test";
import assert from "node:assert/strict";
import { type BaselineCase, IMPORT_TARGETS, LEAK_LIMIT_BYTES, RATIO_GATES } from "./gates.ts";
import { balanceLine, ceilingFor, judge, judgeBalance, variation } from "./judge.ts";
import type { Measurement } from "./measure.ts";
import { sameMachine, type SystemInfo } from "./runtime.ts";

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
    vsReference: 1,
    referenceP50: 2,
    referenceP95: 3,
    spread: 0.01,
    rounds: [1, 1],
    file: "serialization",
    bytesPerOp: 1000,
    referenceBytesPerOp: 1000,
    ...overrides,
  };
}

test("judge passes a case level with its reference", () => {
  assert.deepEqual(judge(m({}), "relative", "node"), {
    id: "serialize: complex / anthropic",
    level: "ok",
    status: "compared",
    change: 0,
    reasons: [],
    category: "serialization",
  });
});

test("judge fails a serialization case over its limit on the point figure when no interval is given", () => {
  assert.equal(RATIO_GATES.serialization.limit, 0.05);
  assert.equal(judge(m({ vsReference: 1.04 }), "relative", "node").level, "ok");
  const verdict = judge(m({ vsReference: 1.06 }), "relative", "node");
  assert.equal(verdict.level, "fail");
  assert.deepEqual(verdict.reasons, [
    "fail: candidate ÷ reference 1.060 (+6.0%, limit +5%)",
  ]);
});

const interval = (decision: "pass" | "fail" | "inconclusive", low: number, high: number) => ({
  estimate: (low + high) / 2,
  low,
  high,
  band: 0.02,
  processes: 3,
  decision,
  settled: true,
});

test("judge follows the adaptive procedure's decision over the point figure", () => {
  // Over the limit on its face, but the procedure could not place it: a warning, not a failure.
  const near = judge(
    m({ vsReference: 1.06, interval: interval("inconclusive", 1.03, 1.09) }),
    "relative",
    "node",
  );
  assert.equal(near.level, "warn");
  assert.deepEqual(near.reasons, [
    "warn: candidate ÷ reference 1.060 (+6.0%, 1.030–1.090 over 3 processes): inconclusive, the interval holds the limit +5%",
  ]);
  const over = judge(
    m({ vsReference: 1.09, interval: interval("fail", 1.06, 1.12) }),
    "relative",
    "node",
  );
  assert.equal(over.level, "fail");
  assert.deepEqual(over.reasons, [
    "fail: candidate ÷ reference 1.090 (+9.0%, 1.060–1.120 over 3 processes, all over the limit +5%)",
  ]);
  assert.deepEqual(over.interval, interval("fail", 1.06, 1.12));
  const under = judge(
    m({ vsReference: 1.01, interval: interval("pass", 0.98, 1.04) }),
    "relative",
    "node",
  );
  assert.equal(under.level, "ok");
  // A category that only warns: inconclusive is judged as it reads, a decided failure warns.
  const conversion = m({ category: "conversion", vsReference: 1.1 });
  assert.equal(
    judge({ ...conversion, interval: interval("inconclusive", 0.9, 1.3) }, "relative", "node")
      .level,
    "ok",
  );
  assert.equal(
    judge(
      { ...conversion, vsReference: 1.25, interval: interval("inconclusive", 1.1, 1.4) },
      "relative",
      "node",
    ).level,
    "warn",
  );
  // Over the limit as it reads, but not surely slower than the reference at all: noise.
  assert.equal(
    judge(
      { ...conversion, vsReference: 1.25, interval: interval("inconclusive", 0.8, 1.6) },
      "relative",
      "node",
    ).level,
    "ok",
  );
  const tools = m({ category: "tools", group: "tools: x", p95: 1, vsReference: 1.3 });
  assert.equal(
    judge({ ...tools, interval: interval("fail", 1.25, 1.35) }, "relative", "node").level,
    "warn",
  );
});

test("judge ignores the baseline's figures in relative mode", () => {
  const doctored = { ...base, ratio: base.ratio * 0.7, bytesPerOp: 10 };
  assert.equal(judge(m({ vsReference: 1.02 }), "relative", "node", doctored).level, "ok");
  assert.equal(
    judge(m({ vsReference: 1.15 }), "relative", "node", { ...base, ratio: 3 }).level,
    "fail",
  );
});

test("judge reports a speedup past the limit as faster, not as a failure", () => {
  const verdict = judge(m({ vsReference: 0.8 }), "relative", "node");
  assert.equal(verdict.level, "ok");
  assert.deepEqual(verdict.reasons, ["faster: candidate ÷ reference 0.800 (-20.0%)"]);
});

test("judge gives streaming 5% and only warns for tools and conversion", () => {
  assert.equal(
    judge(m({ category: "streaming", vsReference: 1.04 }), "relative", "node").level,
    "ok",
  );
  assert.equal(
    judge(m({ category: "streaming", vsReference: 1.06 }), "relative", "node").level,
    "fail",
  );
  const tools = m({ category: "tools", group: "tools: round trip", p95: 1, vsReference: 1.5 });
  assert.equal(judge(tools, "relative", "node").level, "warn");
  assert.equal(
    judge(m({ category: "conversion", vsReference: 1.19 }), "relative", "node").level,
    "ok",
  );
  assert.equal(
    judge(m({ category: "conversion", vsReference: 1.21 }), "relative", "node").level,
    "warn",
  );
});

test("judge fails bytes per op over the reference's by 20% plus 64 bytes", () => {
  assert.equal(judge(m({ bytesPerOp: 1000 * 1.2 + 63 }), "relative", "node").level, "ok");
  const verdict = judge(m({ bytesPerOp: 1300 }), "relative", "node");
  assert.equal(verdict.level, "fail");
  assert.deepEqual(verdict.reasons, ["fail: 1300 bytes/op vs reference 1000 (allowed 1264)"]);
});

test("judge skips the bytes gate where the runtime cannot measure", () => {
  assert.equal(
    judge(m({ bytesPerOp: null, referenceBytesPerOp: null }), "relative", "node").level,
    "ok",
  );
});

test("judge marks a case the reference cannot run as new, judged by the ceilings only", () => {
  const fresh = judge(m({ vsReference: null, referenceBytesPerOp: null }), "relative", "node");
  assert.equal(fresh.level, "ok");
  assert.equal(fresh.status, "new");
  const slow = judge(m({ vsReference: null, p50: 120, p95: 150 }), "relative", "node");
  assert.equal(slow.level, "fail");
});

test("judge fails a leak and a p95 over the seed ceiling", () => {
  assert.equal(judge(m({}), "relative", "node", undefined, LEAK_LIMIT_BYTES + 1).level, "fail");
  assert.equal(judge(m({}), "relative", "node", undefined, 300).level, "ok");
  const slow = judge(m({ p50: 90, p95: 120 }), "relative", "node");
  assert.deepEqual(slow.reasons, ["fail: p95 120.0 µs is over the seed ceiling of 100 µs"]);
});

test("judge only warns of a p95 over the ceiling that is more than 4× the median", () => {
  const preempted = judge(m({ p50: 8, p95: 108, referenceP95: 60 }), "relative", "node");
  assert.equal(preempted.level, "warn");
  assert.deepEqual(preempted.reasons, [
    "warn: p95 108.0 µs is over the seed ceiling of 100 µs, 14× its median: preempted batches, machine loaded",
  ]);
  // A case whose every call got slower keeps its tail near its median: that fails.
  assert.equal(judge(m({ p50: 90, p95: 108, referenceP95: 60 }), "relative", "node").level, "fail");
});

test("judge only warns of a p95 over the ceiling when the reference's is over it too", () => {
  const loaded = judge(m({ p95: 120, referenceP95: 130 }), "relative", "node");
  assert.equal(loaded.level, "warn");
  assert.deepEqual(loaded.reasons, [
    "warn: p95 120.0 µs is over the seed ceiling of 100 µs, as is the reference's (130.0 µs): machine loaded",
  ]);
});

// An import case as the harness records it: µs of the median fresh process.
function imported(name: string, overrides: Partial<Measurement>): Measurement {
  return m({
    id: `import / ${name}`,
    group: "import",
    name,
    category: "import",
    batch: 1,
    floorP50: 5_000,
    p50: 8_000,
    p95: 30_000,
    referenceP50: 8_000,
    referenceP95: 30_000,
    bytesPerOp: null,
    referenceBytesPerOp: null,
    ...overrides,
  });
}

test("ceilingFor holds imports to multiples of the floor measured in the same run", () => {
  const floor = 5_000;
  assert.equal(ceilingFor(imported("root", {}), "node")?.limit, IMPORT_TARGETS.root * floor);
  assert.equal(
    ceilingFor(imported("anthropic", {}), "node")?.limit,
    IMPORT_TARGETS.subpath * floor,
  );
  assert.equal(ceilingFor(imported("root", {}), "bun")?.limit, IMPORT_TARGETS.root * floor);
  // A machine whose floor is twice as slow gets twice the time.
  assert.equal(
    ceilingFor(imported("root", { floorP50: 2 * floor }), "node")?.limit,
    2 * IMPORT_TARGETS.root * floor,
  );
  // Deno imports the source, not the npm build the targets are for.
  assert.equal(ceilingFor(imported("root", {}), "deno"), undefined);
});

test("judge holds an import to its target on the median, not the p95", () => {
  const target = IMPORT_TARGETS.subpath * 5_000;
  assert.equal(
    judge(imported("anthropic", { p50: target - 100, p95: 4 * target }), "relative", "node")
      .level,
    "ok",
  );
  const slow = judge(imported("anthropic", { p50: target + 500 }), "relative", "node");
  assert.equal(slow.level, "fail");
  assert.deepEqual(slow.reasons, [
    `fail: median ${(target + 500).toFixed(1)} µs is over the import target of ${target} µs`,
  ]);
});

test("judge only warns of an import over its target when the reference's median is over or within 10% of it", () => {
  const target = IMPORT_TARGETS.root * 5_000;
  const loaded = judge(
    imported("root", { p50: target + 1_000, referenceP50: target + 500 }),
    "relative",
    "node",
  );
  assert.equal(loaded.level, "warn");
  assert.match(loaded.reasons[0], /^warn: median .* as is the reference's .*: machine loaded$/);
  const near = imported("root", { p50: target + 200, referenceP50: target * 0.91 });
  assert.equal(judge(near, "relative", "node").level, "warn");
  const far = imported("root", { p50: target + 200, referenceP50: target * 0.89 });
  assert.equal(judge(far, "relative", "node").level, "fail");
  // A new case has no reference to blame the machine on.
  const fresh = imported("root", { p50: target + 1_000, referenceP50: null, vsReference: null });
  assert.equal(judge(fresh, "relative", "node").level, "fail");
});

test("judge fails an import 25% slower than its reference, not 24%", () => {
  assert.equal(judge(imported("google", { vsReference: 1.24 }), "relative", "node").level, "ok");
  const verdict = judge(imported("google", { vsReference: 1.26 }), "relative", "node");
  assert.equal(verdict.level, "fail");
  assert.deepEqual(verdict.reasons, ["fail: candidate ÷ reference 1.260 (+26.0%, limit +25%)"]);
});

test("judge falls back to the ratio to the floor against the baseline", () => {
  assert.equal(judge(m({ ratio: 1.5 * 1.09 }), "baseline", "node", base).level, "ok");
  const verdict = judge(m({ ratio: 1.5 * 1.11, vsReference: null }), "baseline", "node", base);
  assert.equal(verdict.level, "fail");
  assert.match(
    verdict.reasons[0],
    /^fail: ratio to floor 1\.665 vs baseline 1\.500 \(\+11\.0%, limit \+10%\)$/,
  );
  assert.equal(judge(m({}), "baseline", "node", undefined).status, "new");
});

test("judge only warns in advisory mode, where the baseline is another machine's", () => {
  const verdict = judge(m({ ratio: 1.5 * 1.5, p95: 500 }), "advisory", "node", base);
  assert.equal(verdict.level, "warn");
  assert.equal(verdict.reasons.length, 2);
});

test("ceilingFor applies the seed targets by category", () => {
  assert.equal(
    ceilingFor({ category: "serialization", group: "serialize: complex" }, "node")?.limit,
    100,
  );
  assert.equal(ceilingFor({ category: "parsing", group: "parse: simple" }, "node")?.limit, 50);
  assert.equal(ceilingFor({ category: "conversion", group: "convert: x" }, "node")?.limit, 50);
  assert.equal(ceilingFor({ category: "tools", group: "tools: x" }, "node")?.limit, 20);
  assert.equal(ceilingFor({ category: "streaming", group: "stream: x" }, "node")?.limit, 50);
  assert.equal(ceilingFor({ category: "memory", group: "memory: request" }, "node"), undefined);
});

test("sameMachine needs every fact to match, the machine fingerprint included", () => {
  const here: SystemInfo = {
    runtime: "deno",
    version: "2.9.6",
    cpu: "AMD EPYC",
    cores: 2,
    os: "Linux 6",
    machine: "26 2 1 0x1 m1 boot1",
  };
  assert.equal(sameMachine(here, { ...here }), true);
  assert.equal(sameMachine(here, { ...here, machine: "26 2 1 0x1 m1 boot2" }), false);
  assert.equal(sameMachine({ ...here, machine: undefined }, here), false);
  assert.equal(sameMachine(here, { ...here, cores: 4 }), false);
});

test("variation is the sample standard deviation over the mean", () => {
  assert.equal(variation([2, 2, 2]), 0);
  // mean 2, deviations ±1 and 0: sqrt(2 / 2) / 2
  assert.equal(variation([1, 2, 3]), 0.5);
});

test("judgeBalance fails a critical group over 20% and only warns elsewhere", () => {
  const group = (category: Measurement["category"], ratios: number[]) =>
    ratios.map((ratio, i) =>
      m({ category, name: ["anthropic", "openai", "google"][i], ratio, vsReference: null })
    );
  assert.equal(judgeBalance(group("parsing", [1.2, 1.25, 1.3])).level, "ok");
  // One provider 40% slower than two equal ones: sqrt(0.1067 / 2) / 1.133 = 20.4%.
  const slowed = judgeBalance(group("parsing", [1, 1, 1.4]));
  assert.equal(slowed.level, "fail");
  assert.equal(balanceLine(slowed), "Variance: 20.4% (too high)");
  assert.equal(judgeBalance(group("streaming", [1, 1, 1.4])).level, "fail");
  assert.equal(judgeBalance(group("tools", [1, 1, 1.4])).level, "warn");
  // http's ratio gate fails; its balance, which moves with the machine, warns.
  assert.equal(judgeBalance(group("http", [1, 1, 1.4])).level, "warn");
  assert.equal(
    balanceLine(judgeBalance(group("parsing", [1, 1.1, 1]))),
    "Variance: 5.6% (acceptable)",
  );
});

test("judgeBalance against a reference fails only an imbalance the change made", () => {
  const group = (ratios: number[], vsReference: number[]) =>
    ratios.map((ratio, i) =>
      m({
        category: "streaming",
        name: ["anthropic", "openai", "google"][i],
        ratio,
        vsReference: vsReference[i],
      })
    );
  // The reference was as unbalanced (each member 1.0× it): not this change's doing.
  const inherited = judgeBalance(group([1, 1, 1.4], [1, 1, 1]));
  assert.equal(inherited.level, "ok");
  assert.equal(balanceLine(inherited), "Variance: 20.4% (acceptable, reference 20.4%)");
  // The reference was balanced (the third member is 1.4× it): the change made the imbalance.
  const made = judgeBalance(group([1, 1, 1.4], [1, 1, 1.4]));
  assert.equal(made.level, "fail");
  assert.equal(balanceLine(made), "Variance: 20.4% (too high, reference 0.0%)");
  // A member without a reference (a new dialect): the limit alone.
  const fresh = group([1, 1, 1.4], [1, 1, 1]);
  fresh[2] = { ...fresh[2], vsReference: null };
  assert.equal(judgeBalance(fresh).level, "fail");
});

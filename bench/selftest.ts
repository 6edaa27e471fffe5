/**
 * Proves the gates can be trusted: `compare` run N times on the unchanged tree must never fail,
 * and N times with a slowdown injected into one critical case (more calls of that case itself,
 * inside the harness; the library is untouched) must fail every time, on that case. Reads each
 * run's verdict from `bench/results/compare.json`, and reports the injected case's measured
 * change (the catch margin) and, on the clean runs, the largest change of a case whose gate
 * fails (the false-alarm margin).
 *
 *   selftest.ts [--runs 10] [--case "serialize: complex / anthropic"] [--slowdown 0.15]
 *               [--baseline FILE] [--against REV]
 *
 * @module
 */

import { spawnSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import process from "node:process";
import { parseArgs } from "node:util";
import { RATIO_GATES, type Verdict } from "./gates.ts";
import { harnessCommand, systemInfo } from "./runtime.ts";

const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "3" },
    case: { type: "string", default: "serialize: complex / anthropic" },
    slowdown: { type: "string", default: "0.15" },
    baseline: { type: "string" },
    against: { type: "string" },
  },
});
const runs = Number(values.runs);
const runtime = systemInfo().runtime;
const passThrough = [
  ...(values.baseline ? ["--baseline", values.baseline] : []),
  ...(values.against ? ["--against", values.against] : []),
];
const args = harnessCommand(runtime, passThrough, "compare.ts");
const verdictFile = new URL("results/compare.json", import.meta.url);

interface CompareResult {
  mode: string;
  passed: boolean;
  cases: Verdict[];
}

interface Outcome {
  failed: boolean;
  result: CompareResult;
  seconds: number;
}

function compare(inject: string | undefined): Outcome {
  const env: Record<string, string | undefined> = { ...process.env, SKIP_PERF_GATES: "" };
  if (inject === undefined) delete env.ROSETTA_BENCH_INJECT;
  else env.ROSETTA_BENCH_INJECT = inject;
  rmSync(verdictFile, { force: true });
  const started = performance.now();
  const child = spawnSync(process.execPath, args, { env, stdio: ["ignore", "ignore", "ignore"] });
  const result: CompareResult = JSON.parse(readFileSync(verdictFile, "utf8"));
  return { failed: child.status !== 0, result, seconds: (performance.now() - started) / 1000 };
}

const pct = (x: number | null) =>
  x === null ? "n/a" : `${x >= 0 ? "+" : ""}${(x * 100).toFixed(1)}%`;
const failures = (o: Outcome) =>
  o.result.cases.filter((v) => v.level === "fail").map((v) =>
    `${v.id}: ${v.reasons.filter((r) => r.startsWith("fail")).join(", ")}`
  );

// The largest change among the cases whose gate fails (serialization, parsing, streaming).
function largest(o: Outcome): { id: string; change: number } {
  let worst = { id: "(none)", change: -Infinity };
  for (const v of o.result.cases) {
    const critical = RATIO_GATES[v.category].level === "fail";
    if (critical && v.change !== null && v.change > worst.change) {
      worst = { id: v.id, change: v.change };
    }
  }
  return worst;
}

const injection = `${values.case}=${values.slowdown}`;
let falseAlarms = 0;
let caught = 0;
const margins: number[] = [];
let worstClean = { id: "(none)", change: -Infinity };
for (let i = 1; i <= runs; i++) {
  const clean = compare(undefined);
  if (clean.failed) falseAlarms++;
  const cleanMax = largest(clean);
  if (cleanMax.change > worstClean.change) worstClean = cleanMax;
  console.log(
    `clean run ${i}/${runs} (${clean.result.mode}): ${clean.failed ? "FAILED" : "passed"} in ${
      clean.seconds.toFixed(0)
    } s, largest gated change ${pct(cleanMax.change)} (${cleanMax.id}) ${
      failures(clean).join("; ")
    }`,
  );
  const slowed = compare(injection);
  const target = slowed.result.cases.find((v) => v.id === values.case);
  const hit = slowed.failed && target?.level === "fail";
  if (hit) caught++;
  if (target?.change != null) margins.push(target.change);
  console.log(
    `+${Number(values.slowdown) * 100}% run ${i}/${runs}: ${hit ? "caught" : "MISSED"} in ${
      slowed.seconds.toFixed(0)
    } s, measured ${pct(target?.change ?? null)} ${failures(slowed).join("; ")}`,
  );
}
console.log(
  `\nselftest (${runtime}): ${falseAlarms}/${runs} false alarms on the unchanged tree (largest clean change of a failing gate ${
    pct(worstClean.change)
  }, ${worstClean.id}), ${caught}/${runs} injected slowdowns caught (${injection}; measured ${
    pct(Math.min(...margins))
  } to ${pct(Math.max(...margins))})`,
);
process.exitCode = falseAlarms === 0 && caught === runs ? 0 : 1;

/**
 * Proves the gates can be trusted: `compare` run N times on the unchanged tree must never fail,
 * and N times with slowdowns injected into critical cases (more calls of each case itself,
 * inside the harness; the library is untouched; several cases at once, each its own size) must
 * fail every time, on each of those cases. Reads each run's verdict from
 * `bench/results/compare.json` and reports, per injection, the measured change and the noise
 * band (the catch margin) and, on the clean runs, the case whose gate fails that came nearest
 * to failing (the false-alarm margin). Its runs are kept out of the history.
 *
 *   selftest.ts [--runs 3] [--inject "serialize: complex / anthropic=0.15"]… [--baseline FILE]
 *               [--against REV]
 *
 * @module
 */

import { spawnSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import process from "node:process";
import { parseArgs } from "node:util";
import { RATIO_GATES } from "./gates.ts";
import { type Balance, balanceLine, type Verdict } from "./judge.ts";
import { harnessCommand, systemInfo } from "./runtime.ts";

const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "3" },
    inject: {
      type: "string",
      multiple: true,
      default: [
        "serialize: complex / anthropic=0.15",
        "parse: simple / openai=0.08",
        "http: stream / anthropic=0.30",
      ],
    },
    baseline: { type: "string" },
    against: { type: "string" },
  },
});
const runs = Number(values.runs);
const runtime = systemInfo().runtime;
const passThrough = [
  "--no-history",
  ...(values.baseline ? ["--baseline", values.baseline] : []),
  ...(values.against ? ["--against", values.against] : []),
];
const args = harnessCommand(runtime, passThrough, "compare.ts");
const verdictFile = new URL("results/compare.json", import.meta.url);
const injections = values.inject.map((entry) => {
  const at = entry.lastIndexOf("=");
  return { id: entry.slice(0, at), slowdown: Number(entry.slice(at + 1)) };
});

interface CompareResult {
  mode: string;
  passed: boolean;
  processes: number;
  medianBand: number | null;
  cases: Verdict[];
  balance: Balance[];
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

const pct = (x: number | null | undefined) =>
  x == null ? "n/a" : `${x >= 0 ? "+" : ""}${(x * 100).toFixed(1)}%`;
const failures = (o: Outcome) => [
  ...o.result.cases.filter((v) => v.level === "fail").map((v) =>
    `${v.id}: ${v.reasons.filter((r) => r.startsWith("fail")).join(", ")}`
  ),
  ...o.result.balance.filter((b) => b.level === "fail").map((b) =>
    `${b.group}: balance ${balanceLine(b)}`
  ),
];

// The case whose gate fails that came nearest: the highest upper end of an interval over its
// limit, read as how far the interval's low end stayed below the limit.
function nearest(o: Outcome): { id: string; margin: number } {
  let worst = { id: "(none)", margin: Infinity };
  for (const v of o.result.cases) {
    const gate = RATIO_GATES[v.category];
    if (gate.level !== "fail" || v.interval === undefined) continue;
    const margin = 1 + gate.limit - v.interval.low;
    if (margin < worst.margin) worst = { id: v.id, margin };
  }
  return worst;
}

let falseAlarms = 0;
let nearestClean = { id: "(none)", margin: Infinity };
const caught = injections.map(() => 0);
const measured: number[][] = injections.map(() => []);
const cleanSeconds: number[] = [];
const cleanBands: number[] = [];
const slowedSeconds: number[] = [];
const injection = injections.map((i) => `${i.id}=${i.slowdown}`).join(";");
for (let i = 1; i <= runs; i++) {
  const clean = compare(undefined);
  cleanSeconds.push(clean.seconds);
  if (clean.result.medianBand !== null) cleanBands.push(clean.result.medianBand);
  if (clean.failed) falseAlarms++;
  const near = nearest(clean);
  if (near.margin < nearestClean.margin) nearestClean = near;
  console.log(
    `clean run ${i}/${runs} (${clean.result.mode}): ${clean.failed ? "FAILED" : "passed"} in ${
      clean.seconds.toFixed(0)
    } s, ${clean.result.processes} processes, ${clean.result.cases.length} cases, median minimum detectable change ±${
      ((clean.result.medianBand ?? NaN) * 100).toFixed(1)
    }%; nearest to failing: ${near.id}, interval low end ${pct(-near.margin)} from its limit ${
      failures(clean).join("; ")
    }`,
  );
  const slowed = compare(injection);
  slowedSeconds.push(slowed.seconds);
  const tally = injections.map((inj, k) => {
    const target = slowed.result.cases.find((v) => v.id === inj.id);
    const hit = slowed.failed && target?.level === "fail";
    if (hit) caught[k]++;
    if (target?.change != null) measured[k].push(target.change);
    return `+${inj.slowdown * 100}% ${inj.id}: ${hit ? "caught" : "MISSED"}, measured ${
      pct(target?.change)
    } ±${((target?.interval?.band ?? NaN) * 100).toFixed(1)}% over ${
      target?.interval?.processes ?? "?"
    } processes`;
  });
  const others = failures(slowed).filter((f) => !injections.some((inj) => f.startsWith(inj.id)));
  console.log(
    `injected run ${i}/${runs} in ${slowed.seconds.toFixed(0)} s: ${tally.join("; ")}${
      others.length ? `; also failed: ${others.join("; ")}` : ""
    }`,
  );
}
const span = (xs: number[]) => `${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)} s`;
console.log(
  `\nselftest (${runtime}): ${falseAlarms}/${runs} false alarms on the unchanged tree (nearest: ${nearestClean.id}, low end ${
    pct(-nearestClean.margin)
  } from its limit); ${
    injections.map((inj, k) =>
      `+${inj.slowdown * 100}% caught ${caught[k]}/${runs} (${inj.id}; measured ${
        pct(Math.min(...measured[k]))
      } to ${pct(Math.max(...measured[k]))})`
    ).join("; ")
  }; compare took ${span(cleanSeconds)} clean, ${
    span(slowedSeconds)
  } injected; median minimum detectable change ±${
    (cleanBands.sort((a, b) => a - b)[cleanBands.length >> 1] * 100).toFixed(1)
  }% (median of the clean runs')`,
);
process.exitCode = falseAlarms === 0 && caught.every((c) => c === runs) ? 0 : 1;

/**
 * The regression gates. The reference — the commit `baseline.json` was recorded at, or
 * `--against REV` — is extracted beside the checkout, and the harness runs in fresh processes
 * that load both libraries and time every case over each, interleaved. The first process
 * measures every case; each later one only the cases still near their limit, until each lies
 * clearly on one side of it or the budget (`--processes`, default `SEQUENTIAL.maxProcesses`) is
 * spent (`sequential.ts`, `gates.ts`). Without git or without the reference commit, ratios to the
 * floor are judged against `baseline.json` instead (median of three processes): as warnings,
 * unless this is the machine that recorded it. Exit 1 on failure, unless `SKIP_PERF_GATES=1`
 * (then a loud warning; the commit message must say why the regression is accepted). The
 * verdicts are also written to `bench/results/compare.json` and `compare.md`, and the figures
 * appended to `bench/results/history.jsonl` (not with `--no-history`).
 *
 *   compare.ts [--against REV] [--baseline FILE] [--processes N] [--filter TEXT] [--no-history]
 *
 * @module
 */

import { existsSync, readFileSync, writeFileSync } from "node:fs";
import process from "node:process";
import { parseArgs } from "node:util";
import { appendHistory } from "./history.ts";
import { BALANCE_LIMIT, BASELINE_FILE, type BaselineFile, PROCEDURE, SEQUENTIAL } from "./gates.ts";
import { balanceLine, type CompareMode, judge, type Verdict } from "./judge.ts";
import type { GateInterval } from "./measure.ts";
import { byCase, type HarnessRun, medianRun, runHarness } from "./processes.ts";
import { headCommit, materializeCandidate, materializeReference } from "./reference.ts";
import { balances, compareMarkdown, summary } from "./report.ts";
import { sequentialIntervals } from "./sequential.ts";
import { sameMachine, systemInfo } from "./runtime.ts";

const { values } = parseArgs({
  options: {
    against: { type: "string" },
    baseline: { type: "string" },
    processes: { type: "string" },
    filter: { type: "string" },
    "no-history": { type: "boolean", default: false },
  },
});
const system = systemInfo();
const started = performance.now();
const baselineFile = values.baseline ?? BASELINE_FILE;
const baseline: BaselineFile = existsSync(baselineFile)
  ? JSON.parse(readFileSync(baselineFile, "utf8"))
  : { version: 1, runtimes: {} };
const section = baseline.runtimes[system.runtime];

const revision = values.against ?? section?.commit;
const reference = revision === undefined
  ? { error: `baseline.json records no commit for ${system.runtime}` }
  : materializeReference(revision);
if ("error" in reference && values.against !== undefined) {
  console.error(`Cannot compare against ${values.against}: ${reference.error}`);
  process.exit(2);
}
const mode: CompareMode = "commit" in reference
  ? "relative"
  : section !== undefined && sameMachine(section.system, system)
  ? "baseline"
  : "advisory";

if ("commit" in reference) {
  console.log(
    `compare: this checkout ÷ reference ${reference.commit.slice(0, 12)} (${
      values.against === undefined ? "the commit baseline.json was recorded at" : values.against
    }), side by side in each process`,
  );
} else {
  console.log(
    `compare: FALLBACK, no reference code (${reference.error}): ratios to the floor vs ` +
      `baseline.json; ${
        mode === "baseline"
          ? "gated, this is the machine that recorded it"
          : "failures only warn, ratios do not travel between machines"
      }`,
  );
}

// Both copies measured are copies of their own, touched only by their cases (`materializeCandidate`).
const harnessFlags = "commit" in reference
  ? ["--reference", reference.module, "--candidate", materializeCandidate()]
  : [];
if (values.filter !== undefined) harnessFlags.push("--filter", values.filter);

function verdicts(run: HarnessRun): Verdict[] {
  return run.results.map((m) =>
    judge(m, mode, system.runtime, section?.cases[m.id], run.leaks[m.id]?.retained ?? undefined)
  );
}

// The adaptive procedure (relative mode): the first process measures every case, each later
// one only the cases still near their limit, and any case failing on another count (a ceiling)
// until it has `confirmProcesses`. The fallback modes take medians of fixed processes.
const budget = Number(values.processes ?? (mode === "relative" ? SEQUENTIAL.maxProcesses : 3));
const runs: HarnessRun[] = runHarness(1, harnessFlags);
let intervals = new Map<string, GateInterval>();
let median: HarnessRun;
let judged: Verdict[];
for (let look = 2;; look++) {
  if (mode === "relative") intervals = sequentialIntervals(byCase(runs), budget);
  median = medianRun(runs);
  for (const m of median.results) {
    const interval = intervals.get(m.id);
    if (interval === undefined) continue;
    m.interval = interval;
    m.vsReference = interval.estimate;
  }
  judged = verdicts(median);
  if (mode !== "relative") {
    runs.push(...runHarness(budget - 1, harnessFlags));
    median = medianRun(runs);
    judged = verdicts(median);
    break;
  }
  const counts = byCase(runs);
  const pending = judged.filter((v) =>
    !(v.interval?.settled ?? true) ||
    (v.level === "fail" && counts.get(v.id)!.length < PROCEDURE.confirmProcesses)
  );
  if (pending.length === 0 || look > budget) break;
  const first = new Map(runs[0].results.map((m) => [m.id, m]));
  const cases = pending.map((v) => first.get(v.id)!);
  const files = [...new Set(cases.map((m) => m.file))].flatMap((f) => ["--file", f]);
  console.error(`look ${look}: ${pending.length} cases near their limit or failing`);
  const only = cases.flatMap((m) => ["--case", m.id]);
  // Bytes per op only where they are in question (they repeat to the byte otherwise).
  const bytes = pending.some((v) => v.reasons.some((r) => r.includes("bytes/op")));
  runs.push(
    ...runHarness(1, [...harnessFlags, ...files, ...only, ...(bytes ? [] : ["--no-bytes"])]),
  );
}
const seconds = (performance.now() - started) / 1000;

console.log(
  `\n${system.runtime} ${system.version} · ${system.cpu} · ${system.os} · ${runs.length} processes\n`,
);
console.log(summary(median.results));
const balance = [...balances(median.results).values()];
const unbalanced = balance.filter((b) => b.level !== "ok");
const failed = judged.filter((v) => v.level === "fail");
const warned = judged.filter((v) => v.level === "warn");
const fresh = judged.filter((v) => v.status === "new");
const faster = judged.filter((v) => v.reasons.some((r) => r.startsWith("faster")));
console.log(
  "commit" in reference
    ? `\ncompare against reference ${reference.commit.slice(0, 12)}:`
    : `\ncompare against baseline.json of ${section?.recorded ?? "(none)"}:`,
);
for (const v of [...failed, ...warned, ...faster, ...fresh]) {
  for (const reason of v.reasons) console.log(`  ${v.id}: ${reason}`);
}
for (const b of unbalanced) console.log(`  ${b.group}: ${b.level}: ${balanceLine(b)}`);
const failedBalance = unbalanced.filter((b) => b.level === "fail");
const bands = [...intervals.values()].map((i) => i.band).sort((a, b) => a - b);
const medianBand = bands.length === 0 ? null : bands[bands.length >> 1];
console.log(
  `compare: ${judged.length} cases, ${failed.length} failed, ${warned.length} warned, ${faster.length} faster, ${fresh.length} new; balance: ${balance.length} groups, ${unbalanced.length} over ${
    BALANCE_LIMIT * 100
  }% (${failedBalance.length} failed) (${mode}, ${runs.length} processes, ${
    medianBand === null
      ? ""
      : `median minimum detectable change ±${(medianBand * 100).toFixed(1)}%, `
  }${seconds.toFixed(0)} s)`,
);
const passed = failed.length === 0 && failedBalance.length === 0;
const skipped = !passed && process.env.SKIP_PERF_GATES === "1";
if (skipped) {
  console.log("\n!!! SKIP_PERF_GATES=1: the failures above are NOT failing this run.");
  console.log("!!! The commit message must say why the regression is accepted.\n");
} else if (!passed) {
  process.exitCode = 1;
}

const results = new URL("results/", import.meta.url);
writeFileSync(
  new URL("compare.json", results),
  JSON.stringify(
    {
      mode,
      reference: "commit" in reference ? reference.commit : null,
      fallbackReason: "error" in reference ? reference.error : null,
      system,
      processes: runs.length,
      seconds,
      passed,
      skipped,
      medianBand,
      cases: judged,
      balance,
    },
    null,
    2,
  ) + "\n",
);
writeFileSync(new URL("compare.md", results), compareMarkdown(median.results, judged, system));
if (!values["no-history"]) {
  appendHistory(new URL("history.jsonl", results), {
    commit: headCommit().commit ?? null,
    dirty: headCommit().dirty,
    date: new Date().toISOString(),
    runtime: system.runtime,
    version: system.version,
    machine: system.machine ?? null,
    reference: "commit" in reference ? reference.commit : null,
    cases: median.results.map((m) => ({
      id: m.id,
      group: m.group,
      ratio: m.ratio,
      vsReference: m.vsReference,
      band: m.interval?.band ?? null,
    })),
    ...(process.env.ROSETTA_BENCH_INJECT ? { inject: process.env.ROSETTA_BENCH_INJECT } : {}),
  });
}

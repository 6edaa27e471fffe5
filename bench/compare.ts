/**
 * The regression gates: the harness runs in three fresh processes and each case is judged on its
 * median against `baseline.json` (itself a median of five processes). If anything fails, two
 * more processes are run and the median of all five decides: a failure is re-measured before it
 * is reported. Exit 1 on failure, unless `SKIP_PERF_GATES=1` (then a loud warning; the commit
 * message must say why the regression is accepted).
 *
 *   compare.ts [--processes 3]
 *
 * @module
 */

import { existsSync, readFileSync } from "node:fs";
import process from "node:process";
import { parseArgs } from "node:util";
import { BASELINE_FILE, type BaselineFile, judge, type Verdict } from "./gates.ts";
import { type HarnessRun, medianRun, runHarness } from "./processes.ts";
import { summary } from "./report.ts";
import { systemInfo } from "./runtime.ts";

const { values } = parseArgs({ options: { processes: { type: "string", default: "3" } } });
const system = systemInfo();
const started = performance.now();
const baseline: BaselineFile = existsSync(BASELINE_FILE)
  ? JSON.parse(readFileSync(BASELINE_FILE, "utf8"))
  : { version: 1, runtimes: {} };
const section = baseline.runtimes[system.runtime];
if (section === undefined) {
  console.log(
    `compare: baseline.json has no ${system.runtime} section; record one with bench:baseline`,
  );
  process.exit(1);
}

function verdicts(run: HarnessRun): Verdict[] {
  return run.results.map((m) => judge(m, section!.cases[m.id], run.leaks[m.id]?.retained));
}

const runs = runHarness(Number(values.processes));
let median = medianRun(runs);
let judged = verdicts(median);
if (judged.some((v) => v.level === "fail")) {
  console.error(
    `re-measuring: ${judged.filter((v) => v.level === "fail").map((v) => v.id).join("; ")}`,
  );
  runs.push(...runHarness(2));
  median = medianRun(runs);
  judged = verdicts(median);
}

console.log(
  `${system.runtime} ${system.version} · ${system.cpu} · ${system.os} · median of ${runs.length} processes\n`,
);
console.log(summary(median.results));
const failed = judged.filter((v) => v.level === "fail");
const warned = judged.filter((v) => v.level === "warn");
console.log(
  `\ncompare against baseline of ${section.recorded} (${section.system.runtime} ${section.system.version}, median of ${section.runs} runs):`,
);
for (const v of [...failed, ...warned]) {
  for (const reason of v.reasons) console.log(`  ${v.id}: ${reason}`);
}
console.log(
  `compare: ${judged.length} cases, ${failed.length} failed, ${warned.length} warned (${runs.length} processes, ${
    ((performance.now() - started) / 1000).toFixed(0)
  } s)`,
);
if (failed.length > 0 && process.env.SKIP_PERF_GATES === "1") {
  console.log("\n!!! SKIP_PERF_GATES=1: the failures above are NOT failing this run.");
  console.log("!!! The commit message must say why the regression is accepted.\n");
} else if (failed.length > 0) {
  process.exitCode = 1;
}

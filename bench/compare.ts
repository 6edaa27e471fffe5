/**
 * The regression gates. The reference — the commit `baseline.json` was recorded at, or
 * `--against REV` — is extracted beside the checkout, and the harness runs in fresh processes
 * that load both libraries and time every case over each, interleaved. Each case is judged on
 * candidate ÷ reference, median over processes (`gates.ts`); failing cases are re-measured in
 * more processes and the median of all decides. Without git or without the reference commit,
 * ratios to the floor are judged against `baseline.json` instead: as warnings, unless this is
 * the machine that recorded it. Exit 1 on failure, unless `SKIP_PERF_GATES=1` (then a loud
 * warning; the commit message must say why the regression is accepted). The verdict is also
 * written to `bench/results/compare.json`.
 *
 *   compare.ts [--against REV] [--baseline FILE] [--processes N] [--filter TEXT]
 *
 * @module
 */

import { existsSync, readFileSync, writeFileSync } from "node:fs";
import process from "node:process";
import { parseArgs } from "node:util";
import {
  BALANCE_LIMIT,
  balanceLine,
  BASELINE_FILE,
  type BaselineFile,
  type CompareMode,
  judge,
  PROCEDURE,
  type Verdict,
} from "./gates.ts";
import { byCase, type HarnessRun, medianRun, runHarness } from "./processes.ts";
import { materializeReference } from "./reference.ts";
import { balances, summary } from "./report.ts";
import { sameMachine, systemInfo } from "./runtime.ts";

const { values } = parseArgs({
  options: {
    against: { type: "string" },
    baseline: { type: "string" },
    processes: { type: "string", default: String(PROCEDURE.processes) },
    filter: { type: "string" },
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

const harnessFlags = "commit" in reference ? ["--reference", reference.module] : [];
if (values.filter !== undefined) harnessFlags.push("--filter", values.filter);

function verdicts(run: HarnessRun): Verdict[] {
  return run.results.map((m) =>
    judge(m, mode, system.runtime, section?.cases[m.id], run.leaks[m.id]?.retained ?? undefined)
  );
}

const runs = runHarness(Number(values.processes), harnessFlags);
let median = medianRun(runs);
let judged = verdicts(median);
const failing = judged.filter((v) => v.level === "fail").map((v) => v.id);
if (failing.length > 0) {
  console.error(`re-measuring in more processes: ${failing.join("; ")}`);
  const only = failing.flatMap((id) => ["--case", id]);
  runs.push(...runHarness(PROCEDURE.confirmProcesses, [...harnessFlags, ...only]));
  median = medianRun(runs);
  judged = verdicts(median);
}

// Per case, the range of the gated figure over processes: the spread users should read.
const perCase = byCase(runs);
const range = (id: string): [number, number] | null => {
  const figures = perCase.get(id)!.map((m) => m.vsReference);
  if (figures.includes(null)) return null;
  return [Math.min(...figures as number[]), Math.max(...figures as number[])];
};

console.log(
  `\n${system.runtime} ${system.version} · ${system.cpu} · ${system.os} · median of ${runs.length} processes\n`,
);
console.log(summary(median.results, range));
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
const seconds = (performance.now() - started) / 1000;
const failedBalance = unbalanced.filter((b) => b.level === "fail");
console.log(
  `compare: ${judged.length} cases, ${failed.length} failed, ${warned.length} warned, ${faster.length} faster, ${fresh.length} new; balance: ${balance.length} groups, ${unbalanced.length} over ${
    BALANCE_LIMIT * 100
  }% (${failedBalance.length} failed) (${mode}, ${runs.length} processes, ${seconds.toFixed(0)} s)`,
);
const passed = failed.length === 0 && failedBalance.length === 0;
const skipped = !passed && process.env.SKIP_PERF_GATES === "1";
if (skipped) {
  console.log("\n!!! SKIP_PERF_GATES=1: the failures above are NOT failing this run.");
  console.log("!!! The commit message must say why the regression is accepted.\n");
} else if (!passed) {
  process.exitCode = 1;
}

writeFileSync(
  new URL("results/compare.json", import.meta.url),
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
      cases: judged.map((v) => ({ ...v, range: range(v.id) })),
      balance,
    },
    null,
    2,
  ) + "\n",
);

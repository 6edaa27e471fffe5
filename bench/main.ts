/**
 * The portable harness: runs the six bench files' cases on Deno (`deno run`), Node or Bun.
 *
 *   main.ts [--filter TEXT] [--report] [--compare]
 *
 * Always prints progress and the per-group summary and writes `bench/results/<runtime>.json`.
 * `--report` adds `bench/results/report.md` and `chart.svg`; `--compare` gates against it (exit 1 on failure; a failing case is
 * measured again, twice at most, and judged on all rounds pooled; one still failing is measured in
 * two fresh processes and judged on the median of the three). `SKIP_PERF_GATES=1` turns failures into
 * warnings — the commit message must then say why. `ROSETTA_BENCH_INJECT="<case id>=0.15"`
 * makes that case do 15% more calls of itself per batch, to prove the gates catch it.
 *
 * @module
 */

import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import process from "node:process";
import { parseArgs } from "node:util";
import { bytesPerCall, canMeasureAllocations, type LeakCheck, leakCheck } from "./alloc.ts";
import { type BenchCase, caseId, cases } from "./bench.ts";
import {
  BASELINE_FILE,
  type BaselineCase,
  type BaselineFile,
  judge,
  RATIO_GATES,
  type Verdict,
} from "./gates.ts";
import { DEFAULT_MEASURE, measureCase, type Measurement, pool } from "./measure.ts";
import { chart, markdown, summary } from "./report.ts";
import { harnessCommand, systemInfo } from "./runtime.ts";

const FILES = ["serialization", "parsing", "conversion", "tools", "streaming", "memory"];
const root = new URL("../", import.meta.url);
const resultsDir = new URL("bench/results/", root);

const { values: flags } = parseArgs({
  options: {
    filter: { type: "string" },
    only: { type: "string", multiple: true },
    out: { type: "string" },
    report: { type: "boolean", default: false },
    compare: { type: "boolean", default: false },
  },
});

for (const file of FILES) await import(`./${file}.bench.ts`);
const selected = cases.filter((c) =>
  (flags.filter === undefined || caseId(c).includes(flags.filter)) &&
  (flags.only === undefined || flags.only.includes(caseId(c)))
);
const system = systemInfo();
const [injectId, injectText] = (process.env.ROSETTA_BENCH_INJECT ?? "").split("=");
const inject = Number(injectText);
// A confirmation run (--only) may not include the injected case; a full run must.
if (injectId && flags.only === undefined && !selected.some((c) => caseId(c) === injectId)) {
  throw new Error(`Cannot inject a slowdown: no case "${injectId}"`);
}
if (injectId) {
  console.error(`! injecting +${(inject * 100).toFixed(0)}% extra calls into "${injectId}"`);
}
if (!canMeasureAllocations) {
  console.error(`! ${system.runtime}: bytes/op unavailable (no GC accounting here)`);
}

async function measure(c: BenchCase): Promise<Measurement> {
  const options = { ...DEFAULT_MEASURE, inject: caseId(c) === injectId ? inject : undefined };
  return await measureCase(c, options, bytesPerCall);
}

const started = performance.now();
const results: Measurement[] = [];
const leaks = new Map<string, LeakCheck | null>();
for (let i = 0; i < selected.length; i++) {
  const c = selected[i];
  const m = await measure(c);
  results.push(m);
  if (c.category === "memory") leaks.set(m.id, await leakCheck(c.fn, false)); // memory cases are synchronous
  const rerun = m.reruns > 0 ? ` (re-run ${m.reruns}×${m.unstable ? ", unstable" : ""})` : "";
  console.error(
    `[${i + 1}/${selected.length}] ${m.id}: ${m.p50.toFixed(2)} µs, ${
      m.ratio.toFixed(3)
    }× floor${rerun}`,
  );
}
console.log(`\n${system.runtime} ${system.version} · ${system.cpu} · ${system.os}\n`);
console.log(summary(results));
for (const [id, leak] of leaks) {
  if (leak !== null) {
    console.log(
      `leak check ${id}: ${leak.retained} B retained after ${leak.calls} calls, peak heap ${
        (leak.peak / 1048576).toFixed(1)
      } MiB`,
    );
  }
}
console.log(
  `\nmeasured ${results.length} cases in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);

mkdirSync(resultsDir, { recursive: true });
writeFileSync(
  flags.out ?? new URL(`${system.runtime}.json`, resultsDir),
  JSON.stringify({ system, results, leaks: Object.fromEntries(leaks) }, null, 2) + "\n",
);
if (flags.report) {
  writeFileSync(new URL("report.md", resultsDir), markdown(results, system, leaks));
  writeFileSync(new URL("chart.svg", resultsDir), chart(results));
  console.log("wrote bench/results/report.md and bench/results/chart.svg");
}

const baseline: BaselineFile = existsSync(BASELINE_FILE)
  ? JSON.parse(readFileSync(BASELINE_FILE, "utf8"))
  : { version: 1, runtimes: {} };

if (flags.compare) process.exitCode = await compare();

// A process carries its own JIT and heap bias (±5% on some ratios here) that re-measuring
// inside it cannot remove. A case still failing is measured in two fresh processes and judged
// on the median of the three processes' ratios: a real regression shows in every process.
async function confirmInFreshProcesses(
  verdicts: Verdict[],
  pooled: Map<string, Measurement>,
  baseCases: Record<string, BaselineCase>,
): Promise<void> {
  const failing = verdicts.filter((v) => v.level === "fail").map((v) => v.id);
  if (failing.length === 0) return;
  const runs: Measurement[][] = [];
  for (let i = 1; i <= 2; i++) {
    const out = new URL(`confirm-${i}.json`, resultsDir).pathname;
    const only = failing.flatMap((id) => ["--only", id]);
    console.error(`  confirming ${failing.length} failing case(s) in fresh process ${i}/2`);
    const child = spawnSync(
      process.execPath,
      harnessCommand(system.runtime, [...only, "--out", out]),
      {
        stdio: ["ignore", "ignore", "inherit"],
      },
    );
    if (child.status !== 0) {
      throw new Error(`Cannot confirm failures: harness exited with ${child.status}`);
    }
    runs.push(JSON.parse(readFileSync(out, "utf8")).results);
  }
  for (let i = 0; i < verdicts.length; i++) {
    const id = verdicts[i].id;
    if (!failing.includes(id)) continue;
    const mine = pooled.get(id)!;
    const ratios = [mine.ratio, ...runs.map((run) => run.find((m) => m.id === id)!.ratio)].sort((
      a,
      b,
    ) => a - b);
    console.error(`  ${id}: ratios across processes ${ratios.map((r) => r.toFixed(3)).join(", ")}`);
    verdicts[i] = judge({ ...mine, ratio: ratios[1] }, baseCases[id], leaks.get(id)?.retained);
  }
}

async function compare(): Promise<number> {
  const section = baseline.runtimes[system.runtime];
  if (section === undefined) {
    console.log(
      `compare: baseline.json has no ${system.runtime} section; record one with bench:baseline`,
    );
    return 1;
  }
  const verdicts: Verdict[] = [];
  const pooledRatios = new Map<string, Measurement>();
  for (const m of results) {
    const leak = leaks.get(m.id)?.retained;
    const base = section.cases[m.id];
    const suspicious = (x: Measurement) =>
      base !== undefined && x.ratio / base.ratio - 1 > RATIO_GATES[x.category].limit / 2;
    // A sequential test: a failing or suspicious case (over half its limit) is measured again,
    // twice at most, and judged on all rounds pooled. Noise averages out; a regression stays.
    const attempts = [m];
    let verdict = judge(m, base, leak);
    while (attempts.length < 3 && (verdict.level === "fail" || suspicious(pool(attempts)))) {
      attempts.push(await measure(selected.find((c) => caseId(c) === m.id)!));
      const pooled = pool(attempts);
      console.error(
        `  re-measured ${m.id}: ${attempts.at(-1)!.ratio.toFixed(3)}× floor, pooled ${
          pooled.ratio.toFixed(3)
        }×`,
      );
      verdict = judge(pooled, base, leak);
    }
    pooledRatios.set(m.id, pool(attempts));
    verdicts.push(verdict);
  }
  await confirmInFreshProcesses(verdicts, pooledRatios, section.cases);
  const failed = verdicts.filter((v) => v.level === "fail");
  const warned = verdicts.filter((v) => v.level === "warn");
  console.log(
    `\ncompare against baseline of ${section.recorded} (${section.system.runtime} ${section.system.version}):`,
  );
  for (const v of [...failed, ...warned]) {
    for (const reason of v.reasons) console.log(`  ${v.id}: ${reason}`);
  }
  console.log(
    `compare: ${verdicts.length} cases, ${failed.length} failed, ${warned.length} warned`,
  );
  if (failed.length === 0) return 0;
  if (process.env.SKIP_PERF_GATES === "1") {
    console.log("\n!!! SKIP_PERF_GATES=1: the failures above are NOT failing this run.");
    console.log("!!! The commit message must say why the regression is accepted.\n");
    return 0;
  }
  return 1;
}

/**
 * The portable harness: runs the six bench files' cases on Deno (`deno run`), Node or Bun in
 * this process.
 *
 *   main.ts [--filter TEXT] [--report] [--out FILE]
 *
 * Prints progress and the per-group summary and writes `bench/results/<runtime>.json` (or
 * `--out`); `--report` adds `bench/results/report.md` and `chart.svg`. The gates
 * (`compare.ts`) and the baseline (`baseline.ts`) run this in several fresh processes.
 * `ROSETTA_BENCH_INJECT="<case id>=0.15"` makes that case do 15% more calls of itself per batch,
 * to prove the gates catch it (`selftest.ts`).
 */

import { mkdirSync, writeFileSync } from "node:fs";
import process from "node:process";
import { parseArgs } from "node:util";
import { bytesPerCall, canMeasureAllocations, type LeakCheck, leakCheck } from "./alloc.ts";
import { type BenchCase, caseId, cases } from "./bench.ts";
import { DEFAULT_MEASURE, measureCase, type Measurement } from "./measure.ts";
import { chart, markdown, summary } from "./report.ts";
import { systemInfo } from "./runtime.ts";

const FILES = ["serialization", "parsing", "conversion", "tools", "streaming", "memory"];
const root = new URL("../", import.meta.url);
const resultsDir = new URL("bench/results/", root);

const { values: flags } = parseArgs({
  options: {
    filter: { type: "string" },
    out: { type: "string" },
    report: { type: "boolean", default: false },
  },
});

for (const file of FILES) await import(`./${file}.bench.ts`);
const selected = cases.filter((c) =>
  flags.filter === undefined || caseId(c).includes(flags.filter)
);
const system = systemInfo();
const [injectId, injectText] = (process.env.ROSETTA_BENCH_INJECT ?? "").split("=");
const inject = Number(injectText);
if (injectId && !selected.some((c) => caseId(c) === injectId)) {
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
      `leak check ${id}: heap grew ${leak.retained} B per ${leak.calls} calls after full GC, peak heap ${
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

/**
 * The portable harness: runs the bench files' cases on Deno (`deno run`), Node or Bun in this
 * process.
 *
 *   main.ts [--reference DIR/mod.ts] [--candidate DIR/mod.ts] [--filter TEXT] [--case ID]…
 *           [--file NAME]… [--no-bytes] [--report] [--out FILE]
 *
 * With `--reference`, every suite is built twice — over this checkout's library and over the
 * reference's — and each case is timed interleaved with its twin (`measure.ts`); a case the
 * reference cannot build or run is measured alone and marked new. `--candidate` measures a copy
 * of this checkout's library (what `compare` passes) instead of the one the harness imports. Each
 * case gets rounds until this process alone places it clearly on one side of its limit
 * (`sequential.ts`). `--file` loads only those bench files and `--no-bytes` skips bytes per op
 * (`compare`'s later processes). Prints progress and the per-group summary and writes
 * `bench/results/<runtime>.json` (or `--out`); `--report` adds `bench/results/report.md` and
 * `chart.svg`. `compare.ts` and `baseline.ts` run this in several fresh processes.
 * `ROSETTA_BENCH_INJECT="<case id>=0.15"` (several joined by `;`) makes that case do 15% more
 * calls of itself per batch, to prove the gates catch it (`selftest.ts`).
 *
 * @module
 */

import { mkdirSync, writeFileSync } from "node:fs";
import process from "node:process";
import { parseArgs } from "node:util";
import { bytesPerCall, canMeasureAllocations, type LeakCheck, leakCheck } from "./alloc.ts";
import {
  type BenchCase,
  caseId,
  collect,
  collectOnly,
  type Library,
  placeLibrary,
  type Suite,
} from "./bench.ts";
import { MEASURE, MEASURE_BY_CATEGORY, PROCEDURE } from "./gates.ts";
import { measureCase, type Measurement } from "./measure.ts";
import { stopRule } from "./sequential.ts";
import { chart, markdown, summary } from "./report.ts";
import { systemInfo } from "./runtime.ts";

const FILES = [
  "serialization",
  "parsing",
  "conversion",
  "tools",
  "streaming",
  "partial",
  "memory",
  "http",
  "import",
];
const resultsDir = new URL("results/", import.meta.url);

const { values: flags } = parseArgs({
  options: {
    reference: { type: "string" },
    candidate: { type: "string" },
    filter: { type: "string" },
    case: { type: "string", multiple: true },
    file: { type: "string", multiple: true },
    "no-bytes": { type: "boolean", default: false },
    out: { type: "string" },
    report: { type: "boolean", default: false },
  },
});

collectOnly();
const files = FILES.filter((f) => flags.file === undefined || flags.file.includes(f));
const suites: Suite[] = [];
for (const file of files) suites.push((await import(`./${file}.bench.ts`)).default);
const candidate: Library = await import(flags.candidate ?? "../mod.ts");
if (flags.candidate !== undefined) placeLibrary(candidate, flags.candidate);
const reference: Library | undefined = flags.reference === undefined
  ? undefined
  : await import(flags.reference);
if (reference !== undefined) placeLibrary(reference, flags.reference!);

// The reference's twin of every case it can build; a suite it cannot build yields none.
async function twins(): Promise<Map<string, BenchCase>> {
  const found = new Map<string, BenchCase>();
  if (reference === undefined) return found;
  for (const s of suites) {
    try {
      for (const c of await collect(s, reference)) found.set(caseId(c), c);
    } catch (error) {
      console.error(`! the reference cannot build a suite: ${(error as Error).message}`);
    }
  }
  return found;
}

const all: BenchCase[] = [];
const fileOf = new Map<BenchCase, string>();
for (const [i, s] of suites.entries()) {
  for (const c of await collect(s, candidate)) {
    all.push(c);
    fileOf.set(c, files[i]);
  }
}
const selected = all.filter((c) =>
  (flags.filter === undefined || caseId(c).includes(flags.filter)) &&
  (flags.case === undefined || flags.case.includes(caseId(c)))
);
const referenceCases = await twins();
const system = systemInfo();
// "<case id>=0.15", several separated by ";".
const injections = new Map(
  (process.env.ROSETTA_BENCH_INJECT ?? "").split(";").filter((entry) => entry.includes("="))
    .map((entry) => {
      const at = entry.lastIndexOf("=");
      return [entry.slice(0, at), Number(entry.slice(at + 1))] as const;
    }),
);
for (const [id, fraction] of injections) {
  // A follow-up process loads only some bench files.
  if (flags.file === undefined && !all.some((c) => caseId(c) === id)) {
    throw new Error(`Cannot inject a slowdown: no case "${id}"`);
  }
  console.error(`! injecting +${(fraction * 100).toFixed(0)}% calls into "${id}"`);
}
if (!canMeasureAllocations) {
  console.error(`! ${system.runtime}: bytes/op unavailable (no GC accounting here)`);
} else if (system.runtime === "bun") {
  console.error("! bun: bytes/op count string and buffer storage (mimalloc), not JS objects");
}

// A twin that throws on its first call is no twin: the case is new to the reference.
async function runnable(twin: BenchCase | undefined): Promise<BenchCase | undefined> {
  if (twin === undefined) return undefined;
  try {
    await twin.fn();
    return twin;
  } catch (error) {
    console.error(`! ${caseId(twin)}: the reference cannot run it (${(error as Error).message})`);
    return undefined;
  }
}

const started = performance.now();
const results: Measurement[] = [];
const leaks = new Map<string, LeakCheck | null>();
for (let i = 0; i < selected.length; i++) {
  const c = selected[i];
  const id = caseId(c);
  const caseStarted = performance.now();
  const twin = await runnable(referenceCases.get(id));
  const inject = injections.get(id);
  const base = MEASURE_BY_CATEGORY[c.category] ?? MEASURE;
  const settings = flags["no-bytes"] ? { ...base, allocationMs: 0 } : base;
  const file = fileOf.get(c)!;
  const m = await measureCase(c, twin, file, settings, stopRule(c.category), bytesPerCall, inject);
  results.push(m);
  // Memory cases are synchronous.
  if (c.category === "memory") leaks.set(id, await leakCheck(c.fn, false, PROCEDURE.leakCalls));
  const rerun = ` (${m.rounds.length} rounds)`;
  const vs = m.vsReference === null
    ? reference ? ", new" : ""
    : `, ${m.vsReference.toFixed(3)}× reference`;
  console.error(
    `[${i + 1}/${selected.length}] ${id}: ${m.p50.toFixed(2)} µs, ${
      m.ratio.toFixed(3)
    }× floor${vs}${rerun} [${(performance.now() - caseStarted).toFixed(0)} ms]`,
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

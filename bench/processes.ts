/**
 * Runs the harness in fresh processes and takes per-case medians. A process carries its own JIT
 * and heap bias (up to ±5% on a ratio to the floor here) that more rounds inside it cannot
 * remove, so both the baseline and `compare` are medians over separate processes.
 *
 * @module
 */

import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import process from "node:process";
import type { LeakCheck } from "./alloc.ts";
import type { Measurement } from "./measure.ts";
import { harnessCommand, systemInfo } from "./runtime.ts";

/** One harness process's output. */
export interface HarnessRun {
  /** Every case's figures. */
  results: Measurement[];
  /** Leak checks of the memory cases. */
  leaks: Record<string, LeakCheck | null>;
}

let started = 0;

/**
 * Runs the harness `count` times, each in a fresh process of this runtime.
 *
 * @param count How many processes.
 * @param flags Harness flags (e.g. `--reference`, `--case`, `--report`).
 * @returns Each process's output, in order.
 */
export function runHarness(count: number, flags: string[] = []): HarnessRun[] {
  const runtime = systemInfo().runtime;
  const runs: HarnessRun[] = [];
  for (let i = 1; i <= count; i++) {
    const out = new URL(`results/process-${++started}.json`, import.meta.url).pathname;
    console.error(`harness process ${started} (${runtime})…`);
    const child = spawnSync(process.execPath, harnessCommand(runtime, [...flags, "--out", out]), {
      stdio: ["ignore", "ignore", "inherit"],
    });
    if (child.status !== 0) {
      throw new Error(`Cannot run the harness: process ${i} exited with ${child.status}`);
    }
    runs.push(JSON.parse(readFileSync(out, "utf8")));
  }
  return runs;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1];
const medianOrNull = (values: Array<number | null>) =>
  values.includes(null) ? null : median(values as number[]);
// Bytes per op without a reference: the least over the processes that measured them. A process
// only ever adds to the code's own allocations (code not yet optimized allocates what escape
// analysis removes; compilation during the count lands in the heap).
const least = (values: Array<number | null>) => {
  const found = values.filter((v) => v !== null);
  return found.length === 0 ? null : Math.min(...found);
};

// Bytes per op of a case and its reference, as one pair from one process: the pair whose
// candidate ÷ reference is least. Allocation depends on the tier each copy's code reached (escape
// analysis removes objects only in optimized code): `serialize: complex / anthropic` counts
// ~8400 B/op in most processes and ~4200 where it got optimized, so the least of each copy taken
// from different processes (candidate 8073, reference 4198) failed a clean tree. Within one
// process both copies had the same warm-up; the least ratio is the one where their tiers met.
function bytesPair(same: Measurement[]): [number | null, number | null] {
  let best: Measurement | undefined;
  for (const m of same) {
    if (m.bytesPerOp === null || m.referenceBytesPerOp === null) continue;
    if (
      best === undefined ||
      m.bytesPerOp / m.referenceBytesPerOp < best.bytesPerOp! / best.referenceBytesPerOp!
    ) best = m;
  }
  if (best !== undefined) return [best.bytesPerOp, best.referenceBytesPerOp];
  return [least(same.map((m) => m.bytesPerOp)), least(same.map((m) => m.referenceBytesPerOp))];
}

/**
 * Every process's figure for each case, in process order (a confirmation process measures only
 * some cases).
 *
 * @param runs Outputs of separate processes.
 * @returns Case id → its measurement in each process that measured it.
 */
export function byCase(runs: HarnessRun[]): Map<string, Measurement[]> {
  const cases = new Map<string, Measurement[]>();
  for (const run of runs) {
    for (const m of run.results) cases.set(m.id, [...cases.get(m.id) ?? [], m]);
  }
  return cases;
}

/**
 * Per-case medians over processes: ratios, percentiles and retained heap; bytes per op are the
 * pair of one process whose candidate ÷ reference is least (without a reference, the least any
 * process measured; null if none could).
 *
 * @param runs Outputs of separate processes.
 * @returns One run of medians.
 */
export function medianRun(runs: HarnessRun[]): HarnessRun {
  const results = [...byCase(runs).values()].map((same): Measurement => {
    const [bytesPerOp, referenceBytesPerOp] = bytesPair(same);
    return {
      ...same[0],
      ratio: median(same.map((m) => m.ratio)),
      vsReference: medianOrNull(same.map((m) => m.vsReference)),
      referenceP50: medianOrNull(same.map((m) => m.referenceP50)),
      referenceP95: medianOrNull(same.map((m) => m.referenceP95)),
      p50: median(same.map((m) => m.p50)),
      p95: median(same.map((m) => m.p95)),
      p99: median(same.map((m) => m.p99)),
      bytesPerOp,
      referenceBytesPerOp,
    };
  });
  const leaks: Record<string, LeakCheck | null> = {};
  for (const id of new Set(runs.flatMap((run) => Object.keys(run.leaks)))) {
    const checks = runs.map((run) => run.leaks[id]).filter((c) => c !== undefined);
    leaks[id] = checks.includes(null)
      ? null
      : { ...checks[0]!, retained: median(checks.map((c) => c!.retained)) };
  }
  return { results, leaks };
}

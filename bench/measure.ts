/**
 * The portable harness's measurements. A case is timed interleaved with its floor (the same
 * kind of JSON or SSE work on the same payload), in batches long enough for the clock, over
 * several rounds; its figure of merit is the median over rounds of case time ÷ floor time, which
 * holds within a few percent while absolute times drift by 2× on a shared machine.
 *
 * @module
 */

import type { BenchCase } from "./bench.ts";
import { caseId, sink } from "./bench.ts";

/** How hard to measure. */
export interface MeasureOptions {
  /** Rounds per case; the ratio is their median. */
  rounds: number;
  /** Case and floor samples per round, interleaved. */
  samples: number;
  /** Target duration of one sample (one batch), in ms. */
  sampleMs: number;
  /** Re-runs of a case whose round ratios spread too much. */
  reruns: number;
  /** Relative spread (IQR ÷ median of round ratios) above which a run is unstable. */
  maxSpread: number;
  /** Fraction of extra calls of the case itself per batch (the gates' self-test). */
  inject?: number;
}

/** The defaults: ~0.25 s per case. */
export const DEFAULT_MEASURE: MeasureOptions = {
  rounds: 15,
  samples: 12,
  sampleMs: 0.4,
  reruns: 2,
  maxSpread: 0.06,
};

/** One case's figures. Times are µs per unit of work (per call, or per stream event). */
export interface Measurement {
  /** `group / name`. */
  id: string;
  /** Scenario. */
  group: string;
  /** Provider or variant. */
  name: string;
  /** Gate category. */
  category: BenchCase["category"];
  /** Calls per timed batch. */
  batch: number;
  /** Units per call. */
  perCall: number;
  /** Percentiles and extremes of the case's samples. */
  p50: number;
  /** 95th percentile. */
  p95: number;
  /** 99th percentile. */
  p99: number;
  /** Fastest sample. */
  min: number;
  /** Slowest sample. */
  max: number;
  /** Mean of samples. */
  avg: number;
  /** The floor's median, same unit. */
  floorP50: number;
  /** Median over rounds of case ÷ floor. */
  ratio: number;
  /** IQR ÷ median of the round ratios. */
  spread: number;
  /** Whether the spread stayed above the limit after re-runs. */
  unstable: boolean;
  /** Re-runs made. */
  reruns: number;
  /** Bytes allocated per unit (GC accounting); null where the runtime cannot tell (Bun). */
  bytesPerOp: number | null;
}

type Fn = () => unknown;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

function median(values: number[]): number {
  return percentile([...values].sort((a, b) => a - b), 0.5);
}

async function callOnce(fn: Fn): Promise<boolean> {
  const result = fn();
  if (result instanceof Promise) {
    sink(await result);
    return true;
  }
  sink(result);
  return false;
}

// Times `calls` calls; sync functions run in a tight loop, async ones are awaited one by one.
async function timeBatch(fn: Fn, calls: number, isAsync: boolean): Promise<number> {
  const start = performance.now();
  if (isAsync) {
    for (let i = 0; i < calls; i++) sink(await fn());
  } else {
    for (let i = 0; i < calls; i++) sink(fn());
  }
  return performance.now() - start;
}

async function estimate(fn: Fn, isAsync: boolean, ms: number): Promise<number> {
  let calls = 1;
  let elapsed = 0;
  let total = 0;
  while (elapsed < ms) {
    elapsed += await timeBatch(fn, calls, isAsync);
    total += calls;
    calls *= 2;
  }
  return elapsed / total;
}

async function runOnce(
  benchCase: BenchCase,
  options: MeasureOptions,
  isAsync: boolean,
  floorAsync: boolean,
) {
  const { fn, floor } = benchCase;
  const perCall = benchCase.perCall ?? 1;
  const caseMs = await estimate(fn, isAsync, 20);
  const floorMs = await estimate(floor, floorAsync, 20);
  const batch = Math.max(1, Math.round(options.sampleMs / caseMs));
  const floorBatch = Math.max(1, Math.round(options.sampleMs / floorMs));
  const samples: number[] = [];
  const roundRatios: number[] = [];
  let debt = 0;
  for (let round = 0; round < options.rounds; round++) {
    const caseTimes: number[] = [];
    const floorTimes: number[] = [];
    for (let s = 0; s < options.samples; s++) {
      floorTimes.push((await timeBatch(floor, floorBatch, floorAsync)) / floorBatch);
      let extra = 0;
      if (options.inject) {
        debt += options.inject * batch;
        extra = Math.floor(debt);
        debt -= extra;
      }
      // Injected work is more calls of the case itself: proportional to its own time.
      caseTimes.push((await timeBatch(fn, batch + extra, isAsync)) / batch);
    }
    const caseMedian = median(caseTimes);
    roundRatios.push(caseMedian / median(floorTimes));
    for (const t of caseTimes) samples.push((t * 1000) / perCall);
  }
  samples.sort((a, b) => a - b);
  const sortedRatios = [...roundRatios].sort((a, b) => a - b);
  const ratio = percentile(sortedRatios, 0.5);
  return {
    batch,
    perCall,
    p50: percentile(samples, 0.5),
    p95: percentile(samples, 0.95),
    p99: percentile(samples, 0.99),
    min: samples[0],
    max: samples[samples.length - 1],
    avg: samples.reduce((a, b) => a + b, 0) / samples.length,
    floorP50: (floorMs * 1000) / perCall,
    ratio,
    spread: (percentile(sortedRatios, 0.75) - percentile(sortedRatios, 0.25)) / ratio,
  };
}

/**
 * Measures one case: warm-up, batch sizing, interleaved rounds, re-runs while unstable.
 *
 * @param benchCase The case.
 * @param options How hard to measure.
 * @param allocations Measures bytes per call over a number of calls (null where unsupported).
 * @returns The figures.
 */
export async function measureCase(
  benchCase: BenchCase,
  options: MeasureOptions,
  allocations: (fn: Fn, isAsync: boolean, calls: number) => Promise<number | null>,
): Promise<Measurement> {
  const isAsync = await callOnce(benchCase.fn);
  const floorAsync = await callOnce(benchCase.floor);
  // Warm-up: let the JIT settle both functions before anything counts.
  await estimate(benchCase.fn, isAsync, 40);
  await estimate(benchCase.floor, floorAsync, 40);
  let best = await runOnce(benchCase, options, isAsync, floorAsync);
  let reruns = 0;
  while (best.spread > options.maxSpread && reruns < options.reruns) {
    reruns++;
    const again = await runOnce(benchCase, options, isAsync, floorAsync);
    if (again.spread < best.spread) best = again;
  }
  // About 50 ms of calls: enough for GC accounting, cheap for slow cases.
  const msPerCall = (best.p50 * best.perCall) / 1000;
  const bytes = await allocations(
    benchCase.fn,
    isAsync,
    Math.min(2000, Math.max(200, Math.round(50 / msPerCall))),
  );
  return {
    id: caseId(benchCase),
    group: benchCase.group,
    name: benchCase.name,
    category: benchCase.category,
    ...best,
    unstable: best.spread > options.maxSpread,
    reruns,
    bytesPerOp: bytes === null ? null : bytes / best.perCall,
  };
}

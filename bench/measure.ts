/**
 * The portable harness's measurements. A case is timed in batches long enough for the clock,
 * interleaved sample by sample with the same case over the reference commit's library (when
 * there is one) and with its floor (the same kind of JSON or SSE work on the same payload),
 * over several rounds. The gated figure is the median over rounds of candidate ÷ reference:
 * two copies of the same code measured this way agree within a few percent on any machine,
 * where absolute times drift by 2× and ratios to a floor move with the microarchitecture.
 *
 * @module
 */

import { type BenchCase, caseId, sink } from "./bench.ts";
import type { MeasureSettings } from "./gates.ts";

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
  /** Median of the case's samples. */
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
  /** Median over rounds of case ÷ the same case over the reference; null without one. */
  vsReference: number | null;
  /** The reference's p50, same unit; null without one. */
  referenceP50: number | null;
  /** The reference's p95, same unit; null without one. */
  referenceP95: number | null;
  /** IQR ÷ median of the round figures that are gated (vs reference, else vs floor). */
  spread: number;
  /** Whether the spread stayed above the limit after re-runs. */
  unstable: boolean;
  /** Re-runs made. */
  reruns: number;
  /** Bytes allocated per unit (GC accounting); null where the runtime cannot tell (Bun). */
  bytesPerOp: number | null;
  /** The reference's bytes per unit, measured in the same process; null without one. */
  referenceBytesPerOp: number | null;
}

type Fn = () => unknown;

/** A measured function, whether its calls must be awaited and whether it times itself. */
export interface Timed {
  /** One call. */
  fn: Fn;
  /** Whether each call is awaited. */
  isAsync: boolean;
  /** Whether a call resolves to its own duration in ms, which is then its time. */
  selfTimed: boolean;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

/**
 * The median of a list (the upper one of an even count).
 *
 * @param values Numbers.
 * @returns Their median.
 */
export function median(values: number[]): number {
  return percentile([...values].sort((a, b) => a - b), 0.5);
}

async function timed(fn: Fn, selfTimed = false): Promise<Timed> {
  const result = fn();
  if (result instanceof Promise) {
    sink(await result);
    return { fn, isAsync: true, selfTimed };
  }
  sink(result);
  return { fn, isAsync: false, selfTimed };
}

/**
 * Times `calls` calls: sync functions run in a tight loop, async ones are awaited one by one; a
 * self-timed function's durations are summed instead.
 *
 * @param target The function.
 * @param calls Calls in the batch.
 * @returns The batch's duration, ms.
 */
export async function timeBatch({ fn, isAsync, selfTimed }: Timed, calls: number): Promise<number> {
  if (selfTimed) {
    let total = 0;
    for (let i = 0; i < calls; i++) total += await fn() as number;
    return total;
  }
  const start = performance.now();
  if (isAsync) {
    for (let i = 0; i < calls; i++) sink(await fn());
  } else {
    for (let i = 0; i < calls; i++) sink(fn());
  }
  return performance.now() - start;
}

/**
 * Time per call, from doubling batches until the clock has seen at least `ms` (also a warm-up).
 *
 * @param target The function.
 * @param ms How long to keep calling it.
 * @returns ms per call.
 */
export async function estimate(target: Timed, ms: number): Promise<number> {
  let calls = 1;
  let elapsed = 0;
  let total = 0;
  while (elapsed < ms) {
    elapsed += await timeBatch(target, calls);
    total += calls;
    calls *= 2;
  }
  return elapsed / total;
}

interface Subjects {
  candidate: Timed;
  reference?: Timed;
  floor: Timed;
  perCall: number;
}

// Injected work is more calls of the candidate itself: proportional to its own time.
function injector(fraction: number | undefined, batch: number): () => number {
  let debt = 0;
  return () => {
    if (!fraction) return 0;
    debt += fraction * batch;
    const extra = Math.floor(debt);
    debt -= extra;
    return extra;
  };
}

async function runOnce(subjects: Subjects, settings: MeasureSettings, inject?: number) {
  const { candidate, reference, floor, perCall } = subjects;
  // A self-timed call (a fresh process) is a sample of its own.
  const batchOf = async (target: Timed) =>
    target.selfTimed ? 1 : Math.max(1, Math.round(settings.sampleMs / await estimate(target, 20)));
  const batch = await batchOf(candidate);
  const floorBatch = await batchOf(floor);
  const extra = injector(inject, batch);
  const samples: number[] = [];
  const referenceSamples: number[] = [];
  const floorSamples: number[] = [];
  const vsFloor: number[] = [];
  const vsReference: number[] = [];
  for (let round = 0; round < settings.rounds; round++) {
    const caseTimes: number[] = [];
    const floorTimes: number[] = [];
    const pairRatios: number[] = [];
    for (let s = 0; s < settings.samples; s++) {
      // A fresh process's floor is the runtime's constant: once per round is enough.
      if (s === 0 || !floor.selfTimed) {
        floorTimes.push((await timeBatch(floor, floorBatch)) / floorBatch);
      }
      // Alternate who goes first, so that neither copy always runs on a warmer cache.
      let referenceTime = 0;
      if (reference && s % 2 === 0) referenceTime = await timeBatch(reference, batch) / batch;
      const caseTime = (await timeBatch(candidate, batch + extra())) / batch;
      if (reference && s % 2 === 1) referenceTime = await timeBatch(reference, batch) / batch;
      caseTimes.push(caseTime);
      if (reference) {
        pairRatios.push(caseTime / referenceTime);
        referenceSamples.push((referenceTime * 1000) / perCall);
      }
    }
    vsFloor.push(median(caseTimes) / median(floorTimes));
    if (reference) vsReference.push(median(pairRatios));
    for (const t of caseTimes) samples.push((t * 1000) / perCall);
    for (const t of floorTimes) floorSamples.push((t * 1000) / perCall);
  }
  samples.sort((a, b) => a - b);
  const gated = [...(reference ? vsReference : vsFloor)].sort((a, b) => a - b);
  return {
    batch,
    perCall,
    p50: percentile(samples, 0.5),
    p95: percentile(samples, 0.95),
    p99: percentile(samples, 0.99),
    min: samples[0],
    max: samples[samples.length - 1],
    avg: samples.reduce((a, b) => a + b, 0) / samples.length,
    floorP50: median(floorSamples),
    ratio: median(vsFloor),
    vsReference: reference ? median(vsReference) : null,
    referenceP50: reference ? median(referenceSamples) : null,
    referenceP95: reference ? percentile(referenceSamples.sort((a, b) => a - b), 0.95) : null,
    spread: (percentile(gated, 0.75) - percentile(gated, 0.25)) / percentile(gated, 0.5),
  };
}

/** Measures bytes allocated per call over a number of calls (null where unsupported). */
export type AllocationProbe = (fn: Fn, isAsync: boolean, calls: number) => Promise<number | null>;

/**
 * Measures one case: warm-up, batch sizing, interleaved rounds, re-runs while unstable, then
 * bytes per call of the candidate and the reference.
 *
 * @param benchCase The case over the code under test.
 * @param reference The same case over the reference library, if it can run there.
 * @param settings How hard to measure.
 * @param allocations The allocation probe.
 * @param inject Fraction of extra candidate calls per batch (the gates' self-test).
 * @returns The figures.
 */
export async function measureCase(
  benchCase: BenchCase,
  reference: BenchCase | undefined,
  settings: MeasureSettings,
  allocations: AllocationProbe,
  inject?: number,
): Promise<Measurement> {
  const subjects: Subjects = {
    candidate: await timed(benchCase.fn, benchCase.selfTimed),
    reference: reference ? await timed(reference.fn, reference.selfTimed) : undefined,
    floor: await timed(benchCase.floor, benchCase.selfTimed),
    perCall: benchCase.perCall ?? 1,
  };
  // Warm-up: let the JIT settle every function before anything counts.
  for (const target of [subjects.candidate, subjects.reference, subjects.floor]) {
    if (target) await estimate(target, settings.warmupMs);
  }
  let best = await runOnce(subjects, settings, inject);
  let reruns = 0;
  while (best.spread > settings.maxSpread && reruns < settings.reruns) {
    reruns++;
    const again = await runOnce(subjects, settings, inject);
    if (again.spread < best.spread) best = again;
  }
  // Enough calls for GC accounting, few for slow cases (a 64-stream call allocates megabytes).
  const msPerCall = (best.p50 * best.perCall) / 1000;
  const calls = Math.min(2000, Math.max(10, Math.round(settings.allocationMs / msPerCall)));
  const account = (target: Timed | undefined) =>
    target && settings.allocationMs > 0 ? allocations(target.fn, target.isAsync, calls) : null;
  const bytes = await account(subjects.candidate);
  const referenceBytes = await account(subjects.reference);
  return {
    id: caseId(benchCase),
    group: benchCase.group,
    name: benchCase.name,
    category: benchCase.category,
    ...best,
    unstable: best.spread > settings.maxSpread,
    reruns,
    bytesPerOp: bytes === null ? null : bytes / best.perCall,
    referenceBytesPerOp: referenceBytes === null ? null : referenceBytes / best.perCall,
  };
}

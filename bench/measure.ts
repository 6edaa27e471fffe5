/**
 * The portable harness's measurements. A case is timed in batches long enough for the clock,
 * interleaved sample by sample with the same case over the reference commit's library (when
 * there is one) and with its floor (the same kind of JSON or SSE work on the same payload),
 * over rounds — as many as the caller's stop rule asks for, between the settings' minimum and
 * maximum. The gated figure is the median over rounds of candidate ÷ reference: two copies of
 * the same code measured this way agree within a few percent on any machine, where absolute
 * times drift by 2× and ratios to a floor move with the microarchitecture.
 *
 * @module
 */

import { type BenchCase, caseId, sink } from "./bench.ts";
import { allowedBytes, BYTES_RECOUNTS, type MeasureSettings } from "./gates.ts";

/** The adaptive procedure's account of a case over all its processes (set by `compare`). */
export interface GateInterval {
  /** candidate ÷ reference: the median over processes of their medians over rounds. */
  estimate: number;
  /** Lower end of the family-wise interval of candidate ÷ reference. */
  low: number;
  /** Upper end. */
  high: number;
  /** Minimum detectable change: the interval's half-width as a change (0.03 = ±3%). */
  band: number;
  /** Processes that measured the case. */
  processes: number;
  /** Clearly under the limit, clearly over, or still holding it when the budget ran out. */
  decision: "pass" | "fail" | "inconclusive";
  /** Whether the case needs no more processes. */
  settled: boolean;
}

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
  /** The gated figure of each round (vs reference, else vs floor), in order. */
  rounds: number[];
  /** The bench file the case comes from (`serialization` for `serialization.bench.ts`). */
  file: string;
  /** Set by `compare` on the figures combined over processes. */
  interval?: GateInterval;
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
 * @returns ms per call in the last, largest batch (the first calls run cold), NaN for `ms` 0.
 */
export async function estimate(target: Timed, ms: number): Promise<number> {
  let calls = 1;
  let elapsed = 0;
  let last = NaN;
  while (elapsed < ms) {
    const took = await timeBatch(target, calls);
    elapsed += took;
    last = took / calls;
    calls *= 2;
  }
  return last;
}

interface Subjects {
  candidate: Timed;
  reference?: Timed;
  floor: Timed;
  perCall: number;
  /** Calls per sample of the candidate and the reference. */
  batch: number;
  /** Calls per sample of the floor. */
  floorBatch: number;
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

/** Whether a case has enough rounds, given their gated figures so far. */
export type StopRule = (rounds: number[]) => boolean;

async function rounds(
  subjects: Subjects,
  settings: MeasureSettings,
  enough: StopRule,
  inject?: number,
) {
  const { candidate, reference, floor, perCall, batch, floorBatch } = subjects;
  const extra = injector(inject, batch);
  const samples: number[] = [];
  const referenceSamples: number[] = [];
  const floorSamples: number[] = [];
  const vsFloor: number[] = [];
  const vsReference: number[] = [];
  for (let round = 0; round < settings.maxRounds; round++) {
    // The stop rule places candidate ÷ reference; without a reference every round is run.
    if (round >= settings.minRounds && reference && enough(vsReference)) break;
    const caseTimes: number[] = [];
    const floorTimes: number[] = [];
    const pairRatios: number[] = [];
    for (let s = 0; s < settings.samples; s++) {
      // The floor is reported, not gated: every other sample (a fresh process's, once a round).
      if (s === 0 || (!floor.selfTimed && s % 2 === 0)) {
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
    rounds: reference ? vsReference : vsFloor,
  };
}

/** Measures bytes allocated per call over a number of calls (null where unsupported). */
export type AllocationProbe = (fn: Fn, isAsync: boolean, calls: number) => Promise<number | null>;

/**
 * Measures one case: warm-up, batch sizing, interleaved rounds until the stop rule is satisfied
 * (between the settings' minimum and maximum), then bytes per call of the candidate and the
 * reference.
 *
 * @param benchCase The case over the code under test.
 * @param reference The same case over the reference library, if it can run there.
 * @param file The bench file it comes from.
 * @param settings How hard to measure.
 * @param enough The stop rule, asked after each round from the minimum on.
 * @param allocations The allocation probe.
 * @param inject Fraction of extra candidate calls per batch (the gates' self-test).
 * @returns The figures.
 */
export async function measureCase(
  benchCase: BenchCase,
  reference: BenchCase | undefined,
  file: string,
  settings: MeasureSettings,
  enough: StopRule,
  allocations: AllocationProbe,
  inject?: number,
): Promise<Measurement> {
  const candidate = await timed(benchCase.fn, benchCase.selfTimed);
  const twin = reference ? await timed(reference.fn, reference.selfTimed) : undefined;
  const floor = await timed(benchCase.floor, benchCase.selfTimed);
  // Warm-up, which also sizes the batches: let the JIT settle every function before anything
  // counts. A self-timed call (a fresh process) is a sample of its own.
  const batchOf = async (target: Timed) => {
    const msPerCall = await estimate(target, settings.warmupMs);
    return target.selfTimed ? 1 : Math.max(1, Math.round(settings.sampleMs / msPerCall));
  };
  const batch = await batchOf(candidate);
  if (twin) await estimate(twin, settings.warmupMs);
  const floorBatch = await batchOf(floor);
  const subjects = { candidate, reference: twin, floor, perCall: benchCase.perCall ?? 1 };
  const best = await rounds({ ...subjects, batch, floorBatch }, settings, enough, inject);
  // Enough calls for GC accounting, few for slow cases (a 64-stream call allocates megabytes).
  const msPerCall = (best.p50 * best.perCall) / 1000;
  const calls = Math.min(2000, Math.max(10, Math.round(settings.allocationMs / msPerCall)));
  // Allocations depend on the tier the JIT has reached (escape analysis removes them only in
  // optimized code): a 0.08 µs case read 578 B/op against its twin's 338 after six rounds.
  const account = async (target: Timed | undefined) => {
    if (!target || settings.allocationMs <= 0) return null;
    await estimate(target, settings.allocationMs);
    return await allocations(target.fn, target.isAsync, calls);
  };
  let bytes = await account(candidate);
  const referenceBytes = await account(twin);
  // Allocation counts repeat to the byte once the code is optimized; a count over the allowance
  // is taken again before it stands (BYTES_RECOUNTS), keeping the least.
  for (
    let recount = 0;
    recount < BYTES_RECOUNTS && bytes !== null && referenceBytes !== null &&
    bytes > allowedBytes(referenceBytes);
    recount++
  ) {
    bytes = Math.min(bytes, (await account(candidate))!);
  }
  return {
    id: caseId(benchCase),
    group: benchCase.group,
    name: benchCase.name,
    category: benchCase.category,
    file,
    ...best,
    bytesPerOp: bytes === null ? null : bytes / best.perCall,
    referenceBytesPerOp: referenceBytes === null ? null : referenceBytes / best.perCall,
  };
}

/**
 * Interleaved timing: per round, every subject (each library and the floor) runs one batch, in
 * an order that rotates from round to round so that none always runs on a warmer or colder
 * heap; the figures are medians over rounds of each round's time per call and of its ratios to
 * rosetta and to the floor, taken within the round.
 *
 * @module
 */

import { estimate, median, timeBatch, type Timed } from "../measure.ts";

/** How hard to measure. */
export interface TimingSettings {
  /** Rounds per scenario. */
  rounds: number;
  /** Target length of one batch, ms. */
  batchMs: number;
  /** Warm-up per subject before anything counts, ms. */
  warmupMs: number;
}

/** A timed call. */
export interface Subject {
  /** Library name, or `floor`. */
  name: string;
  /** One call, awaited. */
  fn: () => Promise<unknown>;
}

/** One subject's figures. */
export interface Timing {
  /** Library name, or `floor`. */
  name: string;
  /** Median over rounds of µs per call. */
  us: number;
  /** Median over rounds of this ÷ rosetta. */
  vsRosetta: number;
  /** Median over rounds of this ÷ the floor. */
  vsFloor: number;
  /** Calls per batch. */
  batch: number;
}

/**
 * Times a scenario's subjects against each other.
 *
 * @param subjects rosetta first, then the peers, then the floor last.
 * @param settings How hard to measure.
 * @returns One timing per subject, in the given order.
 */
export async function timeInterleaved(
  subjects: Subject[],
  settings: TimingSettings,
): Promise<Timing[]> {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const targets: Timed[] = subjects.map((s) => ({ fn: s.fn, isAsync: true, selfTimed: false }));
  for (const t of targets) await estimate(t, settings.warmupMs);
  const batches: number[] = [];
  for (const t of targets) {
    batches.push(Math.max(1, Math.round(settings.batchMs / await estimate(t, 20))));
  }
  const n = subjects.length;
  const times: number[][] = subjects.map(() => []);
  const vsRosetta: number[][] = subjects.map(() => []);
  const vsFloor: number[][] = subjects.map(() => []);
  for (let round = 0; round < settings.rounds; round++) {
    const inRound: number[] = new Array(n);
    for (let k = 0; k < n; k++) {
      const i = (k + round) % n;
      inRound[i] = (await timeBatch(targets[i], batches[i])) / batches[i];
    }
    for (let i = 0; i < n; i++) {
      times[i].push(inRound[i] * 1000);
      vsRosetta[i].push(inRound[i] / inRound[0]);
      vsFloor[i].push(inRound[i] / inRound[n - 1]);
    }
  }
  return subjects.map((s, i) => ({
    name: s.name,
    us: median(times[i]),
    vsRosetta: median(vsRosetta[i]),
    vsFloor: median(vsFloor[i]),
    batch: batches[i],
  }));
}

/**
 * The statistics of the adaptive gate. Each fresh process contributes one estimate of a case's
 * log(candidate ÷ reference) — the median of its rounds — with a standard error made of two
 * parts: the rounds' own scatter, and the bias a process carries whatever its rounds (JIT and
 * heap layout), which cannot be seen inside one process and is therefore a calibrated prior
 * (`SEQUENTIAL.processBias` in `gates.ts`). Several processes' estimates combine by their median;
 * from two processes on, the scatter between them replaces the prior when it is larger.
 *
 * A case stops as soon as its interval lies clearly on one side of the limit: it fails when the
 * lower end of a family-wise interval (z from Bonferroni over every gated case × every look) is
 * above the limit, and passes when the upper end of a per-case interval is below it. Nearer
 * cases get more rounds and more processes, up to a budget; what is still undecided then is
 * inconclusive (a warning, never a failure).
 *
 * @module
 */

import type { Category } from "./bench.ts";
import { RATIO_GATES, SEQUENTIAL } from "./gates.ts";
import type { GateInterval, Measurement } from "./measure.ts";

/** One process's figure for a case. */
export interface ProcessEstimate {
  /** log(candidate ÷ reference): the median over the process's rounds. */
  log: number;
  /** Standard error of `log` from the scatter of the rounds. */
  roundsError: number;
}

/** A case's figure over all processes that measured it. */
export interface Combined {
  /** Median of the processes' log figures. */
  log: number;
  /** Its standard error: rounds, process bias and, from two processes on, their scatter. */
  error: number;
  /** Processes that measured the case. */
  processes: number;
}

/** What to do with a case after a look. */
export type Decision = "pass" | "fail" | "continue";

/** The thresholds a decision uses. */
export interface Thresholds {
  /** The category's limit on the change (0.05 = +5%). */
  limit: number;
  /** Standard normal quantile of the fail test (family-wise). */
  zFail: number;
  /** Standard normal quantile of the pass test (per case). */
  zPass: number;
  /** Processes needed before a case may fail (a failing case is always re-measured). */
  minFailProcesses: number;
  /** Processes needed before a case may pass. */
  minPassProcesses: number;
}

const sorted = (values: number[]) => [...values].sort((a, b) => a - b);

function medianOf(values: number[]): number {
  const s = sorted(values);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

function deviation(values: number[]): number {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return Math.sqrt(values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / (values.length - 1));
}

// A spread that a stray value does not blow up: 1.4826 × the median absolute deviation (σ for
// normal scatter) from three values on, the standard deviation below.
function robustDeviation(values: number[]): number {
  if (values.length < 3) return deviation(values);
  const center = medianOf(values);
  return 1.4826 * medianOf(values.map((v) => Math.abs(v - center)));
}

// The variance of a median relative to a mean's: π/2 for many values, 1 for one or two.
const medianFactor = (n: number) => (n <= 2 ? 1 : Math.PI / 2);

/**
 * One process's estimate from its round figures (each the median of interleaved pair ratios).
 *
 * @param rounds candidate ÷ reference per round (at least two).
 * @returns The log figure (the median of rounds) and its standard error.
 */
export function processEstimate(rounds: number[]): ProcessEstimate {
  const logs = rounds.map(Math.log);
  const spread = robustDeviation(logs);
  return {
    log: medianOf(logs),
    roundsError: Math.sqrt(medianFactor(logs.length)) * spread / Math.sqrt(logs.length),
  };
}

/**
 * Combines processes' estimates of one case: their median, since a process now and then carries
 * a bias several times the usual (a 1.6 µs case read 0.99 and 1.18 among six processes at
 * 1.08–1.10), and its error from the larger of the prior (process bias and each process's
 * rounds) and the robust scatter the processes show.
 *
 * @param estimates One per process.
 * @param processBias Standard deviation of a process's bias (log units), the calibrated prior.
 * @returns The combined figure.
 */
export function combine(estimates: ProcessEstimate[], processBias: number): Combined {
  const n = estimates.length;
  const logs = estimates.map((e) => e.log);
  const model = estimates.reduce((sum, e) => sum + processBias ** 2 + e.roundsError ** 2, 0) / n;
  const seen = n >= 2 ? robustDeviation(logs) ** 2 : 0;
  const error = Math.sqrt((medianFactor(n) * Math.max(model, seen)) / n);
  return { log: medianOf(logs), error, processes: n };
}

/**
 * Whether a case is clearly under, clearly over, or still near its limit.
 *
 * @param c The case's combined figure.
 * @param t The thresholds.
 * @returns The decision.
 */
export function decide(c: Combined, t: Thresholds): Decision {
  const limit = Math.log1p(t.limit);
  if (c.processes >= t.minFailProcesses && c.log - t.zFail * c.error > limit) return "fail";
  if (c.processes >= t.minPassProcesses && c.log + t.zPass * c.error < limit) return "pass";
  return "continue";
}

/**
 * The noise band of a figure: the change its family-wise interval can tell from none, as a
 * fraction (0.031 = ±3.1%). It is the case's minimum detectable change in this run.
 *
 * @param c The combined figure.
 * @param zFail The family-wise quantile.
 * @returns The band's half-width.
 */
export function noiseBand(c: Pick<Combined, "error">, zFail: number): number {
  return Math.expm1(zFail * c.error);
}

/**
 * The standard normal quantile (Acklam's rational approximation, relative error < 1.2e-9).
 *
 * @param p A probability in (0, 1).
 * @returns z with Φ(z) = p.
 */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`Cannot take the normal quantile of ${p}`);
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269];
  const a2 = [-30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972];
  const b2 = -13.28068155288572;
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734];
  const c2 = [4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const tail = (q: number) =>
    (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c2[0]) * q + c2[1]) /
    ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  if (p < 0.02425) return tail(Math.sqrt(-2 * Math.log(p)));
  if (p > 1 - 0.02425) return -tail(Math.sqrt(-2 * Math.log(1 - p)));
  const q = p - 0.5;
  const r = q * q;
  return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a2[0]) * r + a2[1]) * q /
    (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b2) * r + 1);
}

/**
 * The thresholds of a category in a compare: the false-alarm rate is split evenly over every
 * case whose gate can fail and every look (Bonferroni).
 *
 * @param category The case's category.
 * @param gatedCases How many cases in this compare can fail their ratio gate.
 * @param maxProcesses The most processes (looks) a case can get.
 * @returns The thresholds.
 */
export function thresholdsFor(
  category: Category,
  gatedCases: number,
  maxProcesses: number = SEQUENTIAL.maxProcesses,
): Thresholds {
  const { falseAlarmRate, missRate, minFailProcesses, minPassProcesses } = SEQUENTIAL;
  const looks = Math.max(1, gatedCases) * maxProcesses;
  return {
    limit: RATIO_GATES[category].limit,
    zFail: normalQuantile(1 - falseAlarmRate / looks),
    zPass: normalQuantile(1 - missRate),
    minFailProcesses,
    minPassProcesses: minPassProcesses[category] ?? minPassProcesses.default,
  };
}

/**
 * The process bias prior of a category.
 *
 * @param category The case's category.
 * @returns Its standard deviation, log units.
 */
export function processBias(category: Category): number {
  return SEQUENTIAL.processBias[category] ?? SEQUENTIAL.processBias.default;
}

/**
 * The harness's stop rule for one process: no more rounds once this process alone places the
 * case clearly under its limit, or clearly over it (another process must confirm), or once its
 * rounds' error is small beside the process bias (more rounds cannot shrink that).
 *
 * @param category The case's category.
 * @returns Whether the rounds so far are enough.
 */
export function stopRule(category: Category): (rounds: number[]) => boolean {
  // Within one process: whether this process alone would pass it.
  const t = { ...thresholdsFor(category, 1), minPassProcesses: 1 };
  const bias = processBias(category);
  const limit = Math.log1p(t.limit);
  return (rounds) => {
    const one = processEstimate(rounds);
    const c = combine([one], bias);
    return decide(c, t) === "pass" || c.log - t.zPass * c.error > limit ||
      one.roundsError < bias / 2;
  };
}

/**
 * Each compared case's interval and decision after the processes so far: `inconclusive` while
 * near its limit, and `settled` once it needs no more processes (decided, or out of budget).
 *
 * @param cases Case id → its measurement in each process that measured it.
 * @param maxProcesses The budget: the most processes a case can get.
 * @returns Case id → its interval, for every case with a reference.
 */
export function sequentialIntervals(
  cases: Map<string, Measurement[]>,
  maxProcesses: number = SEQUENTIAL.maxProcesses,
): Map<string, GateInterval> {
  const compared = [...cases].filter(([, ms]) => ms.every((m) => m.vsReference !== null));
  const gated = compared.filter(([, ms]) => RATIO_GATES[ms[0].category].level === "fail").length;
  const found = new Map<string, GateInterval>();
  for (const [id, ms] of compared) {
    const { category } = ms[0];
    const t = thresholdsFor(category, gated, maxProcesses);
    const c = combine(ms.map((m) => processEstimate(m.rounds)), processBias(category));
    const decision = decide(c, t);
    // Categories that only warn stop early: what is still undecided then is judged as it reads.
    const warnOnly = RATIO_GATES[category].level === "warn" &&
      c.processes >= SEQUENTIAL.warnProcesses;
    found.set(id, {
      estimate: Math.exp(c.log),
      low: Math.exp(c.log - t.zFail * c.error),
      high: Math.exp(c.log + t.zFail * c.error),
      band: noiseBand(c, t.zFail),
      processes: c.processes,
      decision: decision === "continue" ? "inconclusive" : decision,
      settled: decision !== "continue" || warnOnly || c.processes >= maxProcesses,
    });
  }
  return found;
}

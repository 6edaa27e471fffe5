/**
 * The verdicts: each case's figures against the settings of `gates.ts` — the adaptive
 * procedure's decision on candidate ÷ reference (or, without a reference, the ratio to the floor
 * against `baseline.json`), bytes per op, the leak check and the absolute ceilings — and the
 * balance of each group's providers.
 *
 * @module
 */

import type { Category } from "./bench.ts";
import {
  allowedBytes,
  BALANCE_LIMIT,
  BALANCE_NOISE,
  type BaselineCase,
  FALLBACK_MIN_LIMIT,
  IMPORT_NOISE,
  IMPORT_TARGETS,
  LEAK_LIMIT_BYTES,
  PREEMPTED_TAIL,
  RATIO_GATES,
} from "./gates.ts";
import type { GateInterval, Measurement } from "./measure.ts";
import type { SystemInfo } from "./runtime.ts";

/** A case's absolute ceiling and the figure held to it. */
export interface Ceiling {
  /** µs per unit. */
  limit: number;
  /** The figure held to it: the median of fresh processes (imports) or the p95 of batches. */
  figure: "p50" | "p95";
  /**
   * How far below the limit the reference's figure may sit and the machine still take the blame
   * for a candidate over it (0.10 = 10%); 0 when only a reference over the limit does.
   */
  noise: number;
}

/**
 * A case's absolute ceiling: the seed's p95 targets, and the import targets as multiples of the
 * import floor measured in the same run (`IMPORT_TARGETS`) for the npm build, which Node and Bun
 * import. Deno imports the source as JSR serves it, one module per file, which the targets are
 * not for: there only the relative gate holds.
 *
 * @param m The measurement (`floorP50` is the import floor).
 * @param runtime The runtime that measured it.
 * @returns The ceiling, or undefined when none is set.
 */
export function ceilingFor(
  m: Pick<Measurement, "category" | "group"> & { name?: string; floorP50?: number },
  runtime: SystemInfo["runtime"],
): Ceiling | undefined {
  const seed = (limit: number): Ceiling => ({ limit, figure: "p95", noise: 0 });
  switch (m.category) {
    case "import": {
      if (runtime === "deno" || m.floorP50 === undefined) return undefined;
      const times = m.name === "root" ? IMPORT_TARGETS.root : IMPORT_TARGETS.subpath;
      return { limit: times * m.floorP50, figure: "p50", noise: IMPORT_NOISE };
    }
    case "serialization":
    case "parsing":
      return seed(m.group.includes("complex") ? 100 : 50);
    case "conversion":
    case "streaming":
      return seed(50);
    case "tools":
      return seed(20);
  }
  return undefined;
}
/**
 * Coefficient of variation: sample standard deviation ÷ mean.
 *
 * @param values At least two positive numbers.
 * @returns The variation (0.043 = 4.3%).
 */
export function variation(values: number[]): number {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const squares = values.reduce((sum, v) => sum + (v - mean) ** 2, 0);
  return Math.sqrt(squares / (values.length - 1)) / mean;
}

/** One group's balance verdict. */
export interface Balance {
  /** The group. */
  group: string;
  /** Coefficient of variation of the members' ratios to their floors. */
  variance: number;
  /**
   * The same of the reference measured beside them (ratio ÷ candidate-to-reference), when every
   * member has one.
   */
  referenceVariance?: number;
  /** Outcome. */
  level: "ok" | "warn" | "fail";
}

/**
 * Judges the balance of one group's providers: over {@link BALANCE_LIMIT}, and — when the
 * reference was measured beside every member — over the reference's own variation by
 * {@link BALANCE_NOISE}.
 *
 * @param members The group's measurements, one per provider (two or more).
 * @returns The verdict.
 */
export function judgeBalance(members: Measurement[]): Balance {
  const variance = variation(members.map((m) => m.ratio));
  const relative = members.every((m) => m.vsReference !== null);
  const referenceVariance = relative
    ? variation(members.map((m) => m.ratio / m.vsReference!))
    : undefined;
  const over = variance > BALANCE_LIMIT &&
    (referenceVariance === undefined || variance > referenceVariance + BALANCE_NOISE);
  const gate = RATIO_GATES[members[0].category];
  const level = !over ? "ok" : gate.balance ?? gate.level;
  const group = members[0].group;
  return referenceVariance === undefined
    ? { group, variance, level }
    : { group, variance, referenceVariance, level };
}

/**
 * The balance line, in the seed's words.
 *
 * @param balance A group's verdict.
 * @returns e.g. `Variance: 4.3% (acceptable)`.
 */
export function balanceLine(balance: Balance): string {
  const verdict = balance.level === "ok" ? "acceptable" : "too high";
  const reference = balance.referenceVariance === undefined
    ? ""
    : `, reference ${(balance.referenceVariance * 100).toFixed(1)}%`;
  return `Variance: ${(balance.variance * 100).toFixed(1)}% (${verdict}${reference})`;
}

/** How a run is judged. */
export type CompareMode =
  /** Candidate ÷ reference commit, measured side by side: the gate. */
  | "relative"
  /** Ratios to the floor vs `baseline.json`, on the machine that recorded it: the gate. */
  | "baseline"
  /** The same on another machine: ratios do not travel, so failures only warn. */
  | "advisory";

/** A case's verdict. */
export interface Verdict {
  /** Case id. */
  id: string;
  /** Worst outcome. */
  level: "ok" | "warn" | "fail";
  /** `new` when there was nothing to compare the case with (judged by the ceilings only). */
  status: "compared" | "new";
  /** The gated figure's relative change (+0.12 = 12% slower), null when new. */
  change: number | null;
  /** Why, one line each; speedups too. */
  reasons: string[];
  /** The case's category (whose gate applied). */
  category: Category;
  /** Relative mode: the interval the adaptive procedure ended with, and its decision. */
  interval?: GateInterval;
}

// How a ceiling's figure reads in a reason, and the reference's figure beside it.
const CEILING_FIGURES = {
  p50: { word: "median", whose: "import target", referenceFigure: "referenceP50" },
  p95: { word: "p95", whose: "seed ceiling", referenceFigure: "referenceP95" },
} as const;

const pct = (x: number) => `${x >= 0 ? "+" : ""}${(x * 100).toFixed(1)}%`;

/**
 * Judges a measurement: the seed's ceilings and the leak check always; then, in `relative`
 * mode, candidate ÷ reference and bytes per op against the reference measured in the same
 * process; otherwise the ratio to the floor and bytes per op against `baseline.json`.
 *
 * @param now This run's figures.
 * @param mode How to judge.
 * @param runtime The runtime that measured it (the import targets are the npm build's).
 * @param base The baseline's figures (used by the fallback modes).
 * @param retained Heap retained after the leak run (memory cases), if measured.
 * @returns The verdict.
 */
export function judge(
  now: Measurement,
  mode: CompareMode,
  runtime: SystemInfo["runtime"],
  base?: BaselineCase,
  retained?: number,
): Verdict {
  const reasons: string[] = [];
  let level: Verdict["level"] = "ok";
  const raise = (to: "warn" | "fail", reason: string) => {
    if (to === "fail" && mode === "advisory") to = "warn";
    reasons.push(`${to}: ${reason}`);
    if (to === "fail" || level === "ok") level = to;
  };
  const ceiling = ceilingFor(now, runtime);
  if (ceiling !== undefined && now[ceiling.figure] > ceiling.limit) {
    const { limit, figure, noise } = ceiling;
    const { word, whose, referenceFigure } = CEILING_FIGURES[figure];
    const referenceValue = now[referenceFigure];
    // Samples preempted by other work inflate every copy's figures alike: when the reference,
    // timed interleaved with the candidate, is over the ceiling too (or within its noise of it),
    // the machine is to blame.
    const over = referenceValue !== null && referenceValue > limit;
    const near = !over && referenceValue !== null && referenceValue > limit * (1 - noise);
    // A sample is the mean of a batch of calls, which evens out the code's own variation: a p95
    // several times the median is batches the machine stopped (a 7.8 µs case read a p95 of
    // 108 µs on a clean tree while the test suite ran beside it, its reference's below 100).
    const preempted = !over && !near && figure === "p95" &&
      now.p95 > PREEMPTED_TAIL * now.p50;
    const reference = `the reference's (${referenceValue?.toFixed(1)} µs)`;
    raise(
      over || near || preempted ? "warn" : "fail",
      `${word} ${now[figure].toFixed(1)} µs is over the ${whose} of ${limit.toFixed(0)} µs${
        over
          ? `, as is ${reference}: machine loaded`
          : near
          ? `, and ${reference} is within ${noise * 100}% of it: noise or a loaded machine`
          : preempted
          ? `, ${(now.p95 / now.p50).toFixed(0)}× its median: preempted batches, machine loaded`
          : ""
      }`,
    );
  }
  if (retained !== undefined && retained > LEAK_LIMIT_BYTES) {
    raise(
      "fail",
      `heap grew ${retained} bytes per batch after full GCs (limit ${LEAK_LIMIT_BYTES})`,
    );
  }
  const relative = mode === "relative";
  const change = relative
    ? now.vsReference === null ? null : now.vsReference - 1
    : base === undefined
    ? null
    : now.ratio / base.ratio - 1;
  if (change === null) {
    reasons.push(
      relative
        ? "new: the reference commit cannot run this case; judged by the ceilings only"
        : "new: no baseline for this case; judged by the ceilings only",
    );
    return { id: now.id, level, status: "new", change, reasons, category: now.category };
  }
  const gate = relative ? RATIO_GATES[now.category] : {
    ...RATIO_GATES[now.category],
    limit: Math.max(FALLBACK_MIN_LIMIT, RATIO_GATES[now.category].limit),
  };
  const what = relative
    ? `candidate ÷ reference ${now.vsReference!.toFixed(3)}`
    : `ratio to floor ${now.ratio.toFixed(3)} vs baseline ${base!.ratio.toFixed(3)}`;
  const interval = relative ? now.interval : undefined;
  const limit = `limit +${gate.limit * 100}%`;
  if (interval !== undefined) {
    const span = `${interval.low.toFixed(3)}–${
      interval.high.toFixed(3)
    } over ${interval.processes} process${interval.processes > 1 ? "es" : ""}`;
    if (interval.decision === "fail") {
      raise(gate.level, `${what} (${pct(change)}, ${span}, all over the ${limit})`);
    } else if (interval.decision === "inconclusive" && gate.level === "fail") {
      raise(
        "warn",
        `${what} (${pct(change)}, ${span}): inconclusive, the interval holds the ${limit}`,
      );
    } else if (interval.decision === "inconclusive" && change > gate.limit && interval.low > 1) {
      // A category that only warns stops re-measuring early: it warns when it reads over its
      // limit and is slower than the reference beyond doubt.
      raise("warn", `${what} (${pct(change)}, ${span}, ${limit})`);
    }
  } else if (change > gate.limit) {
    raise(gate.level, `${what} (${pct(change)}, ${limit})`);
  }
  // Faster past the limit, and (when the procedure measured it) surely faster at all.
  if (change < -gate.limit && (interval === undefined || interval.high < 1)) {
    reasons.push(`faster: ${what} (${pct(change)})`);
  }
  const baseBytes = relative ? now.referenceBytesPerOp : base!.bytesPerOp;
  if (now.bytesPerOp !== null && baseBytes !== null && now.bytesPerOp > allowedBytes(baseBytes)) {
    raise(
      "fail",
      `${now.bytesPerOp.toFixed(0)} bytes/op vs ${relative ? "reference" : "baseline"} ${
        baseBytes.toFixed(0)
      } (allowed ${allowedBytes(baseBytes).toFixed(0)})`,
    );
  }
  return {
    id: now.id,
    level,
    status: "compared",
    change,
    reasons,
    category: now.category,
    ...(interval ? { interval } : {}),
  };
}

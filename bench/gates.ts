/**
 * The regression gates and the settings of the procedure that feeds them, in one place. The
 * gated figures are each case's time over the code under test ÷ its time over the reference
 * commit, measured side by side in one process (two copies of the same code agree within a few
 * percent on any machine); bytes per operation against the reference's, measured the same way
 * (repeats to ±0.02%); the leak check; and the seed project's absolute p95 ceilings. Without a
 * reference, ratios to the floor are judged against `baseline.json` instead.
 *
 * @module
 */

import type { Category } from "./bench.ts";
import type { Measurement } from "./measure.ts";
import type { SystemInfo } from "./runtime.ts";

/** What the baseline keeps of a case: it documents performance, and is the fallback's yardstick. */
export interface BaselineCase {
  /** Median ratio to the floor. */
  ratio: number;
  /** µs per unit. */
  p50: number;
  /** µs per unit. */
  p95: number;
  /** µs per unit. */
  p99: number;
  /** Bytes allocated per unit, null where unmeasurable. */
  bytesPerOp: number | null;
}

/** One runtime's section of `baseline.json`. */
export interface BaselineSection {
  /** Where it was measured. */
  system: SystemInfo;
  /** The date. */
  recorded: string;
  /** The commit measured: `compare`'s reference code. */
  commit?: string;
  /** Processes whose medians the figures are. */
  runs: number;
  /** Figures by case id. */
  cases: Record<string, BaselineCase>;
}

/** The committed `baseline.json`: one section per runtime. */
export interface BaselineFile {
  /** Format version. */
  version: 1;
  /** Sections by runtime name. */
  runtimes: Record<string, BaselineSection>;
}

/** Where the baseline lives. */
export const BASELINE_FILE: URL = new URL("../baseline.json", import.meta.url);

/** How hard the harness measures one case (about 0.3 s each). */
export interface MeasureSettings {
  /** Rounds per case; the gated figure is their median. */
  rounds: number;
  /** Interleaved samples per round (candidate, reference and floor each). */
  samples: number;
  /** Target duration of one sample (one batch of calls), in ms. */
  sampleMs: number;
  /** Warm-up per measured function before anything counts, in ms. */
  warmupMs: number;
  /** Re-runs of a case whose round figures spread too much. */
  reruns: number;
  /** Relative spread (IQR ÷ median of round figures) above which a run is unstable. */
  maxSpread: number;
  /** Calls' worth of time for allocation accounting, in ms; 0 skips it. */
  allocationMs: number;
}

/** The harness settings used by `compare`, `bench:baseline` and `bench:report`. */
export const MEASURE: MeasureSettings = {
  rounds: 15,
  samples: 8,
  sampleMs: 0.4,
  warmupMs: 20,
  reruns: 2,
  maxSpread: 0.06,
  allocationMs: 50,
};

/**
 * Lighter settings where one call is a whole loopback exchange (0.2–50 ms): the gate only warns
 * there, and full settings would cost minutes per process. No bytes per op: the mock server
 * allocates in the same process.
 */
export const MEASURE_BY_CATEGORY: Partial<Record<Category, MeasureSettings>> = {
  http: { ...MEASURE, rounds: 5, samples: 4, reruns: 0, allocationMs: 0 },
  // One sample is a fresh process (30–60 ms here with its start-up): 25 per case and process,
  // which keeps the five import cases to a few seconds per harness process. No warm-up: each
  // sample is a cold process anyway, and the first call (which fills Deno's transpile cache and
  // the file cache) is already made before timing.
  import: { ...MEASURE, rounds: 3, samples: 3, warmupMs: 0, reruns: 0, allocationMs: 0 },
};

/**
 * The procedure around the harness. A process carries its own JIT and heap bias that more rounds
 * inside it cannot remove, so figures are medians over fresh processes.
 */
export const PROCEDURE: {
  processes: number;
  confirmProcesses: number;
  baselineProcesses: number;
  leakCalls: number;
} = {
  /** Fresh harness processes per `compare`. */
  processes: 3,
  /** More processes that re-measure only the failing cases; the median of all then decides. */
  confirmProcesses: 2,
  /** Processes whose medians `bench:baseline` records. */
  baselineProcesses: 5,
  /** Calls per batch of the leak check (two batches, the smaller growth counts). */
  leakCalls: 5_000,
};

/** How much a category's ratio may grow, and what happens past it. */
export const RATIO_GATES: Record<Category, { limit: number; level: "fail" | "warn" }> = {
  serialization: { limit: 0.10, level: "fail" },
  parsing: { limit: 0.10, level: "fail" },
  streaming: { limit: 0.15, level: "fail" },
  tools: { limit: 0.20, level: "warn" },
  conversion: { limit: 0.20, level: "warn" },
  memory: { limit: 0.20, level: "warn" },
  http: { limit: 0.20, level: "warn" },
  // Fresh processes vary more than batches inside one: 27 samples per copy over three processes.
  import: { limit: 0.25, level: "fail" },
};

/**
 * Allocation gate: fails when bytes per unit exceed the baseline by 5% plus 64 bytes. GC
 * accounting repeats to ±0.02%; the slack covers JIT differences between runtime versions.
 */
export const BYTES_GATE: { relative: number; absolute: number } = { relative: 0.05, absolute: 64 };

/** Leak gate: heap growth after a full GC over a batch of 5,000 calls (< 13 B per call). */
export const LEAK_LIMIT_BYTES = 64 * 1024;

/**
 * How far apart the medians of two identical copies' imports come out (A/A compares measured
 * 0.90–1.05×): an import over its target fails only when the reference's median is further
 * below the target than this, so that a reference just under it cannot make a copy of itself fail.
 */
const IMPORT_NOISE = 0.10;

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
 * A case's absolute ceiling: the seed's p95 targets, and issue 14's import targets (median: 15 ms
 * for the root entry point, 10 ms for a provider's subpath) for the npm build, which Node and Bun
 * import. Deno imports the source as JSR serves it, one module per file: its root sits at the
 * target itself (median 13.7 ms when the baseline was recorded, 15.7 and 14.8 ms for two copies of
 * one tree in a CI dry run), so there only the relative gate holds.
 *
 * @param m The measurement.
 * @param runtime The runtime that measured it.
 * @returns The ceiling, or undefined when none is set.
 */
export function ceilingFor(
  m: Pick<Measurement, "category" | "group"> & { name?: string },
  runtime: SystemInfo["runtime"],
): Ceiling | undefined {
  const seed = (limit: number): Ceiling => ({ limit, figure: "p95", noise: 0 });
  switch (m.category) {
    case "import":
      if (runtime === "deno") return undefined;
      return { limit: m.name === "root" ? 15_000 : 10_000, figure: "p50", noise: IMPORT_NOISE };
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
 * The seed's balance check ("no provider is significantly slower"): within a group, the
 * coefficient of variation across providers of the work-normalised cost — each case's ratio to
 * its own floor, since the providers' wire formats carry different amounts of work. Over the
 * limit fails the critical categories (those whose ratio gate fails) and warns elsewhere.
 */
export const BALANCE_LIMIT = 0.20;

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
  /** Outcome. */
  level: "ok" | "warn" | "fail";
}

/**
 * Judges the balance of one group's providers.
 *
 * @param members The group's measurements, one per provider (two or more).
 * @returns The verdict.
 */
export function judgeBalance(members: Measurement[]): Balance {
  const variance = variation(members.map((m) => m.ratio));
  const over = variance > BALANCE_LIMIT;
  const level = !over ? "ok" : RATIO_GATES[members[0].category].level;
  return { group: members[0].group, variance, level };
}

/**
 * The balance line, in the seed's words.
 *
 * @param balance A group's verdict.
 * @returns e.g. `Variance: 4.3% (acceptable)`.
 */
export function balanceLine(balance: Balance): string {
  const verdict = balance.level === "ok" ? "acceptable" : "too high";
  return `Variance: ${(balance.variance * 100).toFixed(1)}% (${verdict})`;
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
}

// How a ceiling's figure reads in a reason, and the reference's figure beside it.
const CEILING_FIGURES = {
  p50: { word: "median", whose: "import target", referenceFigure: "referenceP50" },
  p95: { word: "p95", whose: "seed ceiling", referenceFigure: "referenceP95" },
} as const;

const pct = (x: number) => `${x >= 0 ? "+" : ""}${(x * 100).toFixed(1)}%`;

function allowedBytes(base: number): number {
  return base * (1 + BYTES_GATE.relative) + BYTES_GATE.absolute;
}

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
    const reference = `the reference's (${referenceValue?.toFixed(1)} µs)`;
    raise(
      over || near ? "warn" : "fail",
      `${word} ${now[figure].toFixed(1)} µs is over the ${whose} of ${limit} µs${
        over
          ? `, as is ${reference}: machine loaded`
          : near
          ? `, and ${reference} is within ${noise * 100}% of it: noise or a loaded machine`
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
  const gate = RATIO_GATES[now.category];
  const what = relative
    ? `candidate ÷ reference ${now.vsReference!.toFixed(3)}`
    : `ratio to floor ${now.ratio.toFixed(3)} vs baseline ${base!.ratio.toFixed(3)}`;
  if (change > gate.limit) {
    raise(gate.level, `${what} (${pct(change)}, limit +${gate.limit * 100}%)`);
  } else if (change < -gate.limit) {
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
  return { id: now.id, level, status: "compared", change, reasons, category: now.category };
}

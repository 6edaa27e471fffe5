/**
 * The regression gates, as pure functions of a measurement and its baseline. Gated figures are
 * ratios to the floor measured in the same run (stable to a few percent), bytes per operation
 * (stable to ±0.02%), the leak check, and the seed project's absolute p95 ceilings.
 *
 * @module
 */

import type { Category } from "./bench.ts";
import type { Measurement } from "./measure.ts";
import type { SystemInfo } from "./runtime.ts";

/** What the baseline keeps of a case. */
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

/** The committed `baseline.json`: one section per runtime. */
export interface BaselineFile {
  /** Format version. */
  version: 1;
  /** Sections by runtime name. */
  runtimes: Record<
    string,
    { system: SystemInfo; recorded: string; runs: number; cases: Record<string, BaselineCase> }
  >;
}

/** Where the baseline lives. */
export const BASELINE_FILE: URL = new URL("../baseline.json", import.meta.url);

/** How much a category's ratio may grow, and what happens past it. */
export const RATIO_GATES: Record<Category, { limit: number; level: "fail" | "warn" }> = {
  serialization: { limit: 0.10, level: "fail" },
  parsing: { limit: 0.10, level: "fail" },
  streaming: { limit: 0.15, level: "fail" },
  tools: { limit: 0.20, level: "warn" },
  conversion: { limit: 0.20, level: "warn" },
  memory: { limit: 0.20, level: "warn" },
};

/**
 * Allocation gate: fails when bytes per unit exceed the baseline by 5% plus 64 bytes. GC
 * accounting repeats to ±0.02%; the slack covers JIT differences between runtime versions.
 */
export const BYTES_GATE: { relative: number; absolute: number } = { relative: 0.05, absolute: 64 };

/** Leak gate: heap growth after a full GC over a batch of 5,000 calls (< 13 B per call). */
export const LEAK_LIMIT_BYTES = 64 * 1024;

/**
 * The seed's absolute p95 ceiling for a case, in µs per unit.
 *
 * @param m The measurement.
 * @returns The ceiling, or undefined when the seed sets none.
 */
export function ceilingFor(m: Pick<Measurement, "category" | "group">): number | undefined {
  switch (m.category) {
    case "serialization":
    case "parsing":
      return m.group.includes("complex") ? 100 : 50;
    case "conversion":
    case "streaming":
      return 50;
    case "tools":
      return 20;
  }
  return undefined;
}

/** A case's verdict. */
export interface Verdict {
  /** Case id. */
  id: string;
  /** Worst outcome. */
  level: "ok" | "warn" | "fail";
  /** Why, one line each. */
  reasons: string[];
}

const pct = (x: number) => `${x >= 0 ? "+" : ""}${(x * 100).toFixed(1)}%`;

/**
 * Judges a measurement against its baseline.
 *
 * @param now This run's figures.
 * @param base The baseline's, if the case has one.
 * @param retained Heap retained after the leak run (memory cases), if measured.
 * @returns The verdict.
 */
export function judge(
  now: Measurement,
  base: BaselineCase | undefined,
  retained?: number,
): Verdict {
  const reasons: string[] = [];
  let level: Verdict["level"] = "ok";
  const raise = (to: "warn" | "fail", reason: string) => {
    reasons.push(`${to}: ${reason}`);
    if (to === "fail" || level === "ok") level = to;
  };
  const ceiling = ceilingFor(now);
  if (ceiling !== undefined && now.p95 > ceiling) {
    raise("fail", `p95 ${now.p95.toFixed(1)} µs is over the seed ceiling of ${ceiling} µs`);
  }
  if (retained !== undefined && retained > LEAK_LIMIT_BYTES) {
    raise(
      "fail",
      `heap grew ${retained} bytes per batch after full GCs (limit ${LEAK_LIMIT_BYTES})`,
    );
  }
  if (base === undefined) {
    raise("warn", "no baseline for this case (record one with bench:baseline)");
    return { id: now.id, level, reasons };
  }
  const gate = RATIO_GATES[now.category];
  const growth = now.ratio / base.ratio - 1;
  if (growth > gate.limit) {
    raise(
      gate.level,
      `ratio to floor ${now.ratio.toFixed(3)} vs baseline ${base.ratio.toFixed(3)} (${
        pct(growth)
      }, limit +${gate.limit * 100}%)`,
    );
  }
  if (now.bytesPerOp !== null && base.bytesPerOp !== null) {
    const allowed = base.bytesPerOp * (1 + BYTES_GATE.relative) + BYTES_GATE.absolute;
    if (now.bytesPerOp > allowed) {
      raise(
        "fail",
        `${now.bytesPerOp.toFixed(0)} bytes/op vs baseline ${base.bytesPerOp.toFixed(0)} (allowed ${
          allowed.toFixed(0)
        })`,
      );
    }
  }
  return { id: now.id, level, reasons };
}

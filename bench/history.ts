/**
 * The figures of every `compare`, one JSON line each in `bench/results/history.jsonl` (CI keeps
 * it as an artifact), and the trend chart drawn from them (`trend.ts`): per group, each case's
 * candidate ÷ reference across commits, with a ring where a case moved beyond its noise band
 * from the earlier runs' median.
 *
 * @module
 */

import { appendFileSync, mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { colorOf, label } from "./report.ts";

/** One case in one run. */
export interface HistoryCase {
  /** `group / name`. */
  id: string;
  /** Scenario. */
  group: string;
  /** Median ratio to the floor. */
  ratio: number;
  /** candidate ÷ reference; null when the reference could not run it. */
  vsReference: number | null;
  /** Minimum detectable change (half-width, 0.03 = ±3%); null without a reference. */
  band: number | null;
}

/** One `compare`. */
export interface HistoryEntry {
  /** The checkout's commit; null without git. */
  commit: string | null;
  /** Whether its library had uncommitted changes. */
  dirty: boolean;
  /** ISO date and time. */
  date: string;
  /** `deno`, `node` or `bun`. */
  runtime: string;
  /** Runtime version. */
  version: string;
  /** Machine fingerprint (`runtime.ts`); null where unknown. */
  machine: string | null;
  /** The reference commit; null in the fallback modes. */
  reference: string | null;
  /** `ROSETTA_BENCH_INJECT` when a slowdown was injected (the self-test's runs). */
  inject?: string;
  /** Every case. */
  cases: HistoryCase[];
}

/**
 * Appends a run to the history file.
 *
 * @param file The `.jsonl` file (created with its folder if missing).
 * @param entry The run.
 */
export function appendHistory(file: URL | string, entry: HistoryEntry): void {
  const path = file instanceof URL ? fileURLToPath(file) : file;
  mkdirSync(dirname(path), { recursive: true });
  appendFileSync(path, JSON.stringify(entry) + "\n");
}

/**
 * Reads a history file's text.
 *
 * @param text JSON lines; blank lines are skipped.
 * @returns The runs, in order.
 * @throws {SyntaxError} Naming the line that is not a run.
 */
export function readHistory(text: string): HistoryEntry[] {
  const entries: HistoryEntry[] = [];
  for (const [i, line] of text.split("\n").entries()) {
    if (line.trim() === "") continue;
    let entry: HistoryEntry;
    try {
      entry = JSON.parse(line);
    } catch (error) {
      throw new SyntaxError(`Cannot read history line ${i + 1}: ${(error as Error).message}`);
    }
    if (typeof entry?.runtime !== "string" || !Array.isArray(entry.cases)) {
      throw new SyntaxError(`Cannot read history line ${i + 1}: not a compare run`);
    }
    entries.push(entry);
  }
  return entries;
}

/** A case that moved beyond its noise band. */
export interface Change {
  /** Case id. */
  id: string;
  /** Index of the run where it moved. */
  run: number;
  /** Relative change of candidate ÷ reference from the earlier runs' median (+0.1 = 10% slower). */
  change: number;
  /** The noise of that difference: this run's band and the earlier median's, combined. */
  band: number;
}

const middle = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1];

/**
 * The cases that moved beyond their noise band: each run's candidate ÷ reference against the
 * median of the earlier runs against the same reference. The difference of two independent
 * estimates has a band of √(band₁² + band₂²); the earlier median's band is their median band ÷
 * √runs. A median, so that one run far off (a slowdown, or one process's bias) is flagged once
 * and does not make the next run, back to normal, look like a move too.
 *
 * @param entries Runs of one runtime, in order.
 * @returns The moves, in run order.
 */
export function changes(entries: HistoryEntry[]): Change[] {
  const found: Change[] = [];
  const earlier = new Map<string, Array<{ value: number; band: number }>>();
  for (const [run, entry] of entries.entries()) {
    if (run > 0 && entries[run - 1].reference !== entry.reference) earlier.clear();
    for (const c of entry.cases) {
      if (c.vsReference === null || c.band === null) continue;
      const before = earlier.get(c.id) ?? [];
      if (before.length > 0) {
        const level = middle(before.map((b) => b.value));
        const levelBand = middle(before.map((b) => b.band)) / Math.sqrt(before.length);
        const change = c.vsReference / level - 1;
        const band = Math.hypot(c.band, levelBand);
        if (Math.abs(Math.log1p(change)) > Math.log1p(band)) {
          found.push({ id: c.id, run, change, band });
        }
      }
      earlier.set(c.id, [...before, { value: c.vsReference, band: c.band }]);
    }
  }
  return found;
}

const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;");
// For case names that are not providers (theirs are the providers' own colours).
const PALETTE = ["#333333", "#c59b00", "#888888", "#b03060", "#2e8b57", "#8a2be2"];

/**
 * The trend chart: one panel per group, candidate ÷ reference of each case (one line each) over
 * the runs (x axis: commit), a dashed line at 1, and a red ring where a case moved beyond its
 * noise band from the earlier runs' median.
 *
 * @param entries Runs of one runtime, in order.
 * @param title The chart's title.
 * @returns SVG text.
 */
export function trendChart(entries: HistoryEntry[], title: string): string {
  const width = 760;
  const left = 60;
  const right = 150;
  const panel = 110;
  const plot = width - left - right;
  const x = (run: number) =>
    left + (entries.length < 2 ? plot / 2 : (plot * run) / (entries.length - 1));
  const moved = new Set(changes(entries).map((c) => `${c.run} ${c.id}`));
  const groups = new Map<string, string[]>();
  for (const entry of entries) {
    for (const c of entry.cases) {
      const ids = groups.get(c.group) ?? [];
      if (!ids.includes(c.id)) ids.push(c.id);
      groups.set(c.group, ids);
    }
  }
  const parts: string[] = [];
  let top = 30;
  for (const [group, ids] of groups) {
    const values = entries.flatMap((e) =>
      e.cases.filter((c) => ids.includes(c.id) && c.vsReference !== null).map((c) => c.vsReference!)
    );
    if (values.length === 0) continue;
    // At least ±5% around 1, so that noise does not fill the panel.
    const low = Math.min(0.95, ...values);
    const high = Math.max(1.05, ...values);
    const y = (v: number) => top + 18 + (panel - 28) * (1 - (v - low) / (high - low));
    parts.push(
      `<text x="8" y="${top + 11}" font-weight="bold">${escape(group)}</text>`,
      `<line x1="${left}" x2="${left + plot}" y1="${y(1)}" y2="${
        y(1)
      }" stroke="#999" stroke-dasharray="4 3"/>`,
      `<text x="${left - 6}" y="${y(high) + 4}" text-anchor="end">${high.toFixed(2)}</text>`,
      `<text x="${left - 6}" y="${y(1) + 4}" text-anchor="end">1.00</text>`,
      `<text x="${left - 6}" y="${y(low) + 4}" text-anchor="end">${low.toFixed(2)}</text>`,
    );
    for (const [k, id] of ids.entries()) {
      const name = id.slice(group.length + 3);
      const color = colorOf(name) ?? PALETTE[k % PALETTE.length];
      const points: string[] = [];
      for (const [run, entry] of entries.entries()) {
        const c = entry.cases.find((c) => c.id === id);
        if (c?.vsReference == null) continue;
        const [px, py] = [x(run).toFixed(1), y(c.vsReference).toFixed(1)];
        points.push(`${px},${py}`);
        parts.push(`<circle cx="${px}" cy="${py}" r="2" fill="${color}"/>`);
        if (moved.has(`${run} ${id}`)) {
          parts.push(
            `<circle cx="${px}" cy="${py}" r="6" fill="none" stroke="#d00" stroke-width="2"/>`,
          );
        }
      }
      parts.push(
        `<polyline points="${points.join(" ")}" fill="none" stroke="${color}" stroke-width="1.5"/>`,
        `<text x="${left + plot + 10}" y="${top + 30 + 13 * k}" fill="${color}">${
          escape(label(name))
        }</text>`,
      );
    }
    top += panel;
  }
  for (const [run, entry] of entries.entries()) {
    const name = `${entry.commit?.slice(0, 7) ?? "no git"}${entry.dirty ? "+" : ""}`;
    const tag = entry.inject ? " (injected)" : "";
    parts.push(
      `<text transform="translate(${x(run).toFixed(1)} ${top + 8}) rotate(45)" font-size="10">${
        escape(name + tag)
      }</text>`,
    );
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${
    top + 90
  }" font-family="sans-serif" font-size="11">\n<rect width="100%" height="100%" fill="white"/>\n` +
    `<text x="8" y="16" font-size="13">${escape(title)}</text>\n` + parts.join("\n") + "\n</svg>\n";
}

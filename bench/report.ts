/**
 * Reports: per-group console lines (`Anthropic: 12.3 μs (p95: 14.1 μs)` and the cross-provider
 * spread), a markdown report, and an SVG chart of the providers side by side per group.
 *
 * @module
 */

import type { LeakCheck } from "./alloc.ts";
import { type ProviderName, providers } from "../mod.ts";
import { type Balance, balanceLine, judgeBalance, type Verdict } from "./judge.ts";
import type { Measurement } from "./measure.ts";
import type { SystemInfo } from "./runtime.ts";

// Labels come from the providers' profiles; other case names stand as they are.
const profile = (name: string) =>
  Object.hasOwn(providers, name) ? providers[name as ProviderName].profile : undefined;

// Chart colours are the report's concern, not the provider interface's.
const COLORS: Record<string, string> = {
  anthropic: "#c96442",
  openai: "#10a37f",
  google: "#4285f4",
  "openai-responses": "#7c5cff",
  bedrock: "#ff9900",
};

/** A label for a case name. */
export const label = (name: string): string => profile(name)?.label ?? name;

/** A provider's colour, undefined for other case names. */
export const colorOf = (name: string): string | undefined => COLORS[name];

/**
 * µs with one decimal (two below 1 µs, where one would hide the figure).
 *
 * @param us Microseconds.
 * @returns e.g. `12.3 μs`.
 */
export function micros(us: number): string {
  return `${us < 1 ? us.toFixed(2) : us.toFixed(1)} μs`;
}

/**
 * Groups measurements by scenario, in order of appearance.
 *
 * @param results Measurements.
 * @returns Group name → its measurements.
 */
export function byGroup(results: Measurement[]): Map<string, Measurement[]> {
  const groups = new Map<string, Measurement[]>();
  for (const m of results) {
    const list = groups.get(m.group) ?? [];
    list.push(m);
    groups.set(m.group, list);
  }
  return groups;
}

/**
 * The groups whose members are providers (the balance check's subject), with their verdicts.
 *
 * @param results Measurements.
 * @returns Group name → its balance.
 */
export function balances(results: Measurement[]): Map<string, Balance> {
  const found = new Map<string, Balance>();
  for (const [group, members] of byGroup(results)) {
    if (members.length >= 2 && members.every((m) => profile(m.name) !== undefined)) {
      found.set(group, judgeBalance(members));
    }
  }
  return found;
}

// The seed's balance line, plus who is fastest and slowest relative to their floors.
function balanceSummary(members: Measurement[], balance: Balance): string {
  const sorted = [...members].sort((a, b) => a.ratio - b.ratio);
  const fast = sorted[0];
  const slow = sorted[sorted.length - 1];
  return `${balanceLine(balance)} · cost ÷ floor from ${label(fast.name)} ${
    fast.ratio.toFixed(2)
  }× to ${label(slow.name)} ${slow.ratio.toFixed(2)}×`;
}

/**
 * A case's candidate ÷ reference and, from `compare`, its noise band (minimum detectable change)
 * and processes.
 *
 * @param m The measurement.
 * @returns e.g. `1.012× reference ±2.9% (2 processes)`, or "" without a reference.
 */
export function versus(m: Measurement): string {
  if (m.vsReference === null) return "";
  const noise = m.interval === undefined
    ? ""
    : ` ±${(m.interval.band * 100).toFixed(1)}% (${m.interval.processes} process${
      m.interval.processes > 1 ? "es" : ""
    })`;
  return `${m.vsReference.toFixed(3)}× reference${noise}`;
}

/**
 * The console summary, group by group: times, ratio to the floor, bytes per op and, when a
 * reference was measured, candidate ÷ reference with its noise band.
 *
 * @param results Measurements.
 * @returns Printable lines.
 */
export function summary(results: Measurement[]): string {
  const balance = balances(results);
  const lines: string[] = [];
  for (const [group, members] of byGroup(results)) {
    const unit = (members[0].perCall ?? 1) > 1 ? " per event" : "";
    lines.push(`${group}${unit}`);
    for (const m of members) {
      const bytes = m.bytesPerOp === null ? "" : `, ${m.bytesPerOp.toFixed(0)} B/op`;
      const vs = m.vsReference === null ? "" : ` · ${versus(m)}`;
      lines.push(
        `  ${label(m.name)}: ${micros(m.p50)} (p95: ${micros(m.p95)}) · ${
          m.ratio.toFixed(2)
        }× floor${bytes}${vs}`,
      );
    }
    const verdict = balance.get(group);
    if (verdict) lines.push(`  ${balanceSummary(members, verdict)}`);
  }
  return lines.join("\n");
}

const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;");

/** One bar of a chart. */
export interface Bar {
  /** Left of the bar. */
  label: string;
  /** Length, relative to the longest bar of its group. */
  value: number;
  /** Fill colour. */
  color: string;
  /** Right of the bar. */
  text: string;
}

/**
 * An SVG bar chart: a title, then one block per group, one bar per member, lengths relative to
 * the group's longest bar.
 *
 * @param title The chart's title.
 * @param groups Each group's title and bars, in order.
 * @param textRoom Width kept right of the longest bar for its text.
 * @returns SVG text.
 */
export function barChart(title: string, groups: Array<[string, Bar[]]>, textRoom: number): string {
  const barHeight = 14;
  const left = 160;
  const width = 760;
  let y = 30;
  const parts: string[] = [];
  for (const [group, bars] of groups) {
    const max = Math.max(...bars.map((b) => b.value));
    parts.push(`<text x="8" y="${y + 11}" font-weight="bold">${escape(group)}</text>`);
    y += barHeight + 2;
    for (const b of bars) {
      const length = Math.max(1, ((width - left - textRoom) * b.value) / max);
      parts.push(
        `<text x="${left - 8}" y="${y + 11}" text-anchor="end">${escape(b.label)}</text>`,
        `<rect x="${left}" y="${y}" width="${length.toFixed(1)}" height="${
          barHeight - 2
        }" fill="${b.color}"/>`,
        `<text x="${left + length + 6}" y="${y + 11}">${b.text}</text>`,
      );
      y += barHeight;
    }
    y += 10;
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${
    y + 10
  }" font-family="sans-serif" font-size="11">\n` +
    `<text x="8" y="16" font-size="13">${title}</text>\n` +
    parts.join("\n") + "\n</svg>\n";
}

/**
 * An SVG chart: one block per group, one bar per provider, length by p50.
 *
 * @param results Measurements.
 * @returns SVG text.
 */
export function chart(results: Measurement[]): string {
  const groups = [...byGroup(results)].map(([group, members]): [string, Bar[]] => [
    group,
    members.map((m) => ({
      label: label(m.name),
      value: m.p50,
      color: colorOf(m.name) ?? "#888",
      text: micros(m.p50),
    })),
  ]);
  return barChart("rosetta: p50 per call (streams: per event), providers side by side", groups, 90);
}

/**
 * The markdown report: system, one table per group, leak checks, and the chart.
 *
 * @param results Measurements.
 * @param system Where they were taken.
 * @param leaks Leak checks of the memory cases.
 * @returns Markdown text.
 */
export function markdown(
  results: Measurement[],
  system: SystemInfo,
  leaks: Map<string, LeakCheck | null>,
): string {
  const balance = balances(results);
  const lines = [
    "# rosetta benchmark report",
    "",
    `${system.runtime} ${system.version} · ${system.cpu} (${system.cores} cores) · ${system.os}`,
    "",
    "Times are µs per call (stream groups: per event); ratio = case ÷ its floor measured interleaved in the same run.",
    "",
    "![providers side by side](chart.svg)",
    "",
  ];
  for (const [group, members] of byGroup(results)) {
    lines.push(
      `## ${group}`,
      "",
      `Floor: ${members[0].floorP50 > 0 ? micros(members[0].floorP50) : "–"} (first case)`,
      "",
    );
    lines.push(
      "| provider | p50 | p95 | p99 | ratio | bytes/op | batch |",
      "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    );
    for (const m of members) {
      const bytes = m.bytesPerOp === null ? "n/a" : m.bytesPerOp.toFixed(0);
      lines.push(
        `| ${label(m.name)} | ${micros(m.p50)} | ${micros(m.p95)} | ${micros(m.p99)} | ${
          m.ratio.toFixed(2)
        } | ${bytes} | ${m.batch} |`,
      );
    }
    const verdict = balance.get(group);
    lines.push("");
    if (verdict) lines.push(balanceSummary(members, verdict), "");
  }
  if (leaks.size > 0) {
    lines.push(
      "## Leak checks",
      "",
      "| case | calls per batch | heap growth per batch after full GC | peak heap |",
      "| --- | ---: | ---: | ---: |",
    );
    for (const [id, leak] of leaks) {
      lines.push(
        leak === null
          ? `| ${id} | – | n/a | n/a |`
          : `| ${id} | ${leak.calls} | ${leak.retained} B | ${
            (leak.peak / 1048576).toFixed(1)
          } MiB |`,
      );
    }
    lines.push("");
  }
  return lines.join("\n");
}

/**
 * `compare`'s markdown report: per group, each case's candidate ÷ reference, its interval, its
 * minimum detectable change, the processes it took and the verdict.
 *
 * @param results The figures combined over processes.
 * @param verdicts Their verdicts.
 * @param system Where they were taken.
 * @returns Markdown text.
 */
export function compareMarkdown(
  results: Measurement[],
  verdicts: Verdict[],
  system: SystemInfo,
): string {
  const verdict = new Map(verdicts.map((v) => [v.id, v]));
  const lines = [
    "# rosetta compare",
    "",
    `${system.runtime} ${system.version} · ${system.cpu} (${system.cores} cores) · ${system.os}`,
    "",
    "candidate ÷ reference measured side by side; interval and minimum detectable change (MDC) " +
    "at the gate's family-wise confidence; processes spent on the case.",
    "",
  ];
  for (const [group, members] of byGroup(results)) {
    lines.push(
      `## ${group}`,
      "",
      "| case | ÷ reference | interval | MDC | processes | ratio to floor | verdict |",
      "| --- | ---: | ---: | ---: | ---: | ---: | --- |",
    );
    for (const m of members) {
      const i = m.interval;
      const v = verdict.get(m.id);
      lines.push(
        `| ${label(m.name)} | ${m.vsReference?.toFixed(3) ?? "new"} | ${
          i ? `${i.low.toFixed(3)}–${i.high.toFixed(3)}` : "–"
        } | ${i ? `±${(i.band * 100).toFixed(1)}%` : "–"} | ${i?.processes ?? "–"} | ${
          m.ratio.toFixed(2)
        } | ${v ? [v.level, ...v.reasons].join("; ") : ""} |`,
      );
    }
    lines.push("");
  }
  return lines.join("\n");
}

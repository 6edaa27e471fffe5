/**
 * The peer report: a markdown table (time per call and ratios, per provider and scenario), an SVG
 * chart (`barChart` of `bench/report.ts`), and the console lines.
 *
 * @module
 */

import { type Bar, barChart, micros } from "../report.ts";
import type { SystemInfo } from "../runtime.ts";
import type { Scenario } from "./peer.ts";
import type { Timing, TimingSettings } from "./timing.ts";
import type { PeerProvider } from "./wire.ts";

/** One provider × scenario, measured. */
export interface GroupResult {
  /** Provider. */
  provider: PeerProvider;
  /** Scenario. */
  scenario: Scenario;
  /** SSE events per stream (stream scenario only). */
  events?: number;
  /** Request body bytes each library sent (build scenario only). */
  bodyBytes?: Record<string, number>;
  /** Libraries in order, the floor last. */
  timings: Timing[];
}

/** Everything a report shows. */
export interface PeersResult {
  /** ISO date. */
  date: string;
  /** Runtime and machine. */
  system: SystemInfo;
  /** Package → version. */
  versions: Record<string, string>;
  /** How it was timed. */
  settings: TimingSettings;
  /** What each scenario's floor is. */
  floors: Record<Scenario, string>;
  /** Measured groups. */
  groups: GroupResult[];
  /** What the checks noticed. */
  notes: string[];
}

const PROVIDER_LABELS: Record<PeerProvider, string> = {
  anthropic: "Anthropic",
  openai: "OpenAI Chat",
  google: "Google",
};
const SCENARIO_LABELS: Record<Scenario, string> = {
  stream: "stream",
  whole: "whole response",
  build: "request building",
};
const COLORS: Record<string, string> = {
  "rosetta": "#c96442",
  "AI SDK": "#222222",
  "official SDK": "#4285f4",
  "floor": "#bbbbbb",
};

/** The command that reproduces the report. */
export const COMMAND = "npm run bench:peers";

const groupLabel = (g: GroupResult) =>
  `${PROVIDER_LABELS[g.provider]} · ${SCENARIO_LABELS[g.scenario]}${
    g.events ? ` (${g.events} events)` : ""
  }`;

const x = (ratio: number) => `${ratio.toFixed(2)}×`;

/**
 * A time per call: µs below a millisecond, ms above.
 *
 * @param us Microseconds.
 * @returns e.g. `41.2 μs`, `1.84 ms`.
 */
const time = (us: number): string => us < 1000 ? micros(us) : `${(us / 1000).toFixed(2)} ms`;

/**
 * Console lines: one per group and library.
 *
 * @param groups Measured groups.
 * @returns Printable text.
 */
export function summary(groups: GroupResult[]): string {
  return groups.map((g) =>
    `${groupLabel(g)}\n` +
    g.timings.map((t) =>
      `  ${t.name.padEnd(13)} ${time(t.us).padStart(11)} · ${x(t.vsRosetta)} rosetta · ${
        x(t.vsFloor)
      } floor`
    ).join("\n")
  ).join("\n");
}

function table(
  groups: GroupResult[],
  cell: (t: Timing) => string,
  floorColumn: boolean,
): string[] {
  const names = groups[0].timings.map((t) => t.name).filter((n) => n !== "floor");
  const head = floorColumn ? ["floor", ...names] : names;
  const lines = [
    `| provider | scenario | ${head.join(" | ")} |`,
    `| --- | --- |${" ---: |".repeat(head.length)}`,
  ];
  for (const g of groups) {
    const byName = new Map(g.timings.map((t) => [t.name, t]));
    const floor = floorColumn ? [time(byName.get("floor")!.us)] : [];
    const cells = [...floor, ...names.map((n) => cell(byName.get(n)!))];
    const scenario = SCENARIO_LABELS[g.scenario] +
      (g.events ? ` (${g.events} events)` : "");
    lines.push(
      `| ${PROVIDER_LABELS[g.provider]} | ${scenario} | ${cells.join(" | ")} |`,
    );
  }
  return lines;
}

/**
 * The tables alone (for the README).
 *
 * @param groups Measured groups.
 * @returns Markdown lines.
 */
export function tables(groups: GroupResult[]): string[] {
  return [
    "Median time per call, and in brackets that library ÷ rosetta (median of per-round ratios; " +
    "above 1× is slower than rosetta):",
    "",
    ...table(groups, (t) => `${time(t.us)} (${x(t.vsRosetta)})`, true),
    "",
    "Each library ÷ the floor (the JSON and SSE work no library can skip):",
    "",
    ...table(groups, (t) => x(t.vsFloor), false),
  ];
}

/**
 * The markdown report.
 *
 * @param result The run.
 * @returns Markdown text.
 */
export function markdown(result: PeersResult): string {
  const { system, settings } = result;
  const builds = result.groups.filter((g) => g.bodyBytes);
  return [
    "# rosetta vs the AI SDK and the official SDKs",
    "",
    `${system.runtime} ${system.version} · ${system.cpu} (${system.cores} cores) · ${system.os} · ${
      result.date.slice(0, 10)
    } · reproduce with \`${COMMAND}\``,
    "",
    Object.entries(result.versions).map(([p, v]) => `\`${p}@${v}\``).join(
      " · ",
    ),
    "",
    "![rosetta, the AI SDK and the official SDKs side by side](chart.svg)",
    "",
    ...tables(result.groups),
    "",
    "## How it is measured",
    "",
    "- Every library reads the same committed bytes (`fixtures/benchmarks/<provider>/`: " +
    "`response_complex.json`, `stream_complex.txt` — thinking, text, two tool calls, usage) " +
    "through the same fake `fetch`, which reads the request body and answers with a fresh " +
    "`Response` per call; a stream arrives one SSE event per chunk.",
    "- Each does what a caller does: rosetta `createClient` → `complete` / `stream` (events " +
    "iterated, then `response()`); the AI SDK `generateText` / `streamText` (`fullStream` " +
    "iterated, then `toolCalls` and `usage`); the official SDKs `messages.create` / " +
    "`messages.stream` + `finalMessage()`, `chat.completions.create` (with `stream: true`, chunks " +
    "gathered), `models.generateContent` / `generateContentStream` (parts read).",
    "- Before timing, the answers are checked equal across libraries (text, tool call names and " +
    "arguments, usage in one meaning); the run stops on any difference.",
    "- Request building: the SDKs expose no serializer, so every library (rosetta too) is timed " +
    "over its whole " +
    "call path up to the fake `fetch` receiving the body, which answers with a tiny body " +
    "(`response_simple.json`). The request is `request_complex.json` (three tool rounds, five " +
    "tools, an inline image, thinking), less URL images (and redacted thinking but for " +
    "Anthropic); the official SDKs get rosetta's wire " +
    "body as their params, as a caller writing provider-shaped params would, and the AI SDK its " +
    "own messages. The checks confirm that each sent every text, tool result and tool call of " +
    "the conversation, and the same tools. Bytes sent: " +
    builds.map((g) =>
      `${PROVIDER_LABELS[g.provider]} ${
        Object.entries(g.bodyBytes!).map(([n, b]) => `${n} ${b}`).join(", ")
      }`
    ).join("; ") + ".",
    "- OpenAI Chat reasoning comes in `reasoning_content` (as OpenAI-compatible servers send " +
    "it): rosetta reads it, the `openai` SDK passes it through untyped (read by the caller " +
    "here), `@ai-sdk/openai` drops it.",
    `- Floors: stream — ${result.floors.stream}; whole — ${result.floors.whole}; build — ${result.floors.build}.`,
    `- ${settings.rounds} rounds per scenario; per round each library's batch (~${settings.batchMs} ` +
    "ms) and the floor's, in an order that rotates each round; one process.",
    ...result.notes.map((n) => `- Note: ${n}.`),
    "",
  ].join("\n");
}

/**
 * An SVG chart: one block per provider × scenario, one bar per library (and the floor), length by
 * time per call, labelled with the time and the ratio to rosetta.
 *
 * @param groups Measured groups.
 * @returns SVG text.
 */
export function chart(groups: GroupResult[]): string {
  const blocks = groups.map((g): [string, Bar[]] => [
    groupLabel(g),
    g.timings.map((t) => ({
      label: t.name,
      value: t.us,
      color: COLORS[t.name] ?? "#888",
      text: `${time(t.us)}${t.name === "rosetta" ? "" : ` (${x(t.vsRosetta)} rosetta)`}`,
    })),
  ]);
  return barChart(
    "rosetta vs the AI SDK and the official SDKs: median time per call, same bytes, same fake fetch",
    blocks,
    150,
  );
}

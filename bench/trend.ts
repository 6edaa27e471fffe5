/**
 * Draws the trend chart from the history of `compare` runs: one panel per group, each case's
 * candidate ÷ reference across commits, rings where a case moved beyond its noise band, and
 * prints those moves.
 *
 *   trend.ts [--history FILE] [--runtime deno|node|bun] [--out FILE]
 *
 * @module
 */

import { existsSync, readFileSync, writeFileSync } from "node:fs";
import process from "node:process";
import { parseArgs } from "node:util";
import { changes, readHistory, trendChart } from "./history.ts";
import { systemInfo } from "./runtime.ts";

const { values } = parseArgs({
  options: {
    history: { type: "string" },
    runtime: { type: "string", default: systemInfo().runtime },
    out: { type: "string" },
  },
});
const file = values.history ?? new URL("results/history.jsonl", import.meta.url).pathname;
if (!existsSync(file)) {
  console.error(`Cannot draw the trend: no ${file} (each compare appends to it)`);
  process.exit(1);
}
const entries = readHistory(readFileSync(file, "utf8")).filter((e) => e.runtime === values.runtime);
if (entries.length === 0) {
  console.error(`Cannot draw the trend: no ${values.runtime} runs in ${file}`);
  process.exit(1);
}
const out = values.out ??
  new URL(`results/history-${values.runtime}.svg`, import.meta.url).pathname;
writeFileSync(
  out,
  trendChart(
    entries,
    `rosetta ${values.runtime}: candidate ÷ reference over ${entries.length} runs`,
  ),
);
console.log(`wrote ${out} (${entries.length} runs)`);
for (const c of changes(entries)) {
  const at = entries[c.run];
  console.log(
    `  ${at.commit?.slice(0, 7) ?? "no git"}: ${c.id} moved ${c.change >= 0 ? "+" : ""}${
      (c.change * 100).toFixed(1)
    }% (noise band ±${(c.band * 100).toFixed(1)}%)`,
  );
}

/**
 * Records this runtime's section of `baseline.json`: the harness is run in five separate
 * processes and each figure is the median of the five. One process carries its own JIT bias
 * (about ±1.5% on a ratio here), which more rounds inside it cannot average away.
 *
 *   baseline.ts [--runs 5]
 *
 * @module
 */

import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { BASELINE_FILE, type BaselineCase, type BaselineFile } from "./gates.ts";
import { medianRun, runHarness } from "./processes.ts";
import { systemInfo } from "./runtime.ts";

const { values } = parseArgs({ options: { runs: { type: "string", default: "5" } } });
const runs = Number(values.runs);
const system = systemInfo();
const { results } = medianRun(runHarness(runs, ["--report"]));
const cases: Record<string, BaselineCase> = {};
for (const m of results) {
  cases[m.id] = { ratio: m.ratio, p50: m.p50, p95: m.p95, p99: m.p99, bytesPerOp: m.bytesPerOp };
}
const file: BaselineFile = existsSync(BASELINE_FILE)
  ? JSON.parse(readFileSync(BASELINE_FILE, "utf8"))
  : { version: 1, runtimes: {} };
file.runtimes[system.runtime] = {
  system,
  recorded: new Date().toISOString().slice(0, 10),
  runs,
  cases,
};
writeFileSync(BASELINE_FILE, JSON.stringify(file, null, 2) + "\n");
console.log(
  `recorded ${results.length} cases for ${system.runtime} in baseline.json (median of ${runs} runs)`,
);

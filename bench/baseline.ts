/**
 * Records this runtime's section of `baseline.json`: the commit measured — the reference code
 * `compare` will time the checkout against — and the figures that document its performance
 * (the fallback's yardstick where there is no git), each the median of separate processes.
 * The library must be committed: the figures have to describe that commit.
 *
 *   baseline.ts [--runs 5]
 *
 * @module
 */

import { existsSync, readFileSync, writeFileSync } from "node:fs";
import process from "node:process";
import { parseArgs } from "node:util";
import { BASELINE_FILE, type BaselineCase, type BaselineFile, PROCEDURE } from "./gates.ts";
import { medianRun, runHarness } from "./processes.ts";
import { headCommit } from "./reference.ts";
import { systemInfo } from "./runtime.ts";

const { values } = parseArgs({
  options: { runs: { type: "string", default: String(PROCEDURE.baselineProcesses) } },
});
const head = headCommit();
if (head.commit === undefined || head.dirty) {
  console.error(
    `Cannot record a baseline: ${
      head.commit === undefined ? "no git commit here" : "the library has uncommitted changes"
    }; compare needs the commit these figures describe`,
  );
  process.exit(1);
}
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
  commit: head.commit,
  runs,
  cases,
};
writeFileSync(BASELINE_FILE, JSON.stringify(file, null, 2) + "\n");
console.log(
  `recorded ${results.length} cases of ${
    head.commit.slice(0, 12)
  } for ${system.runtime} in baseline.json (median of ${runs} runs)`,
);

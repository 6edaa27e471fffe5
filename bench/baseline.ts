/**
 * Records this runtime's section of `baseline.json`: the harness is run in five separate
 * processes and each figure is the median of the five. One process carries its own JIT bias
 * (about ±1.5% on a ratio here), which more rounds inside it cannot average away.
 *
 *   baseline.ts [--runs 5]
 *
 * @module
 */

import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import process from "node:process";
import { parseArgs } from "node:util";
import { BASELINE_FILE, type BaselineCase, type BaselineFile } from "./gates.ts";
import type { Measurement } from "./measure.ts";
import { harnessCommand, systemInfo } from "./runtime.ts";

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1];

const { values } = parseArgs({ options: { runs: { type: "string", default: "5" } } });
const runs = Number(values.runs);
const system = systemInfo();
const results = new URL(`results/${system.runtime}.json`, import.meta.url);
const collected: Measurement[][] = [];
for (let i = 1; i <= runs; i++) {
  console.error(`baseline run ${i}/${runs} on ${system.runtime} ${system.version}…`);
  const run = spawnSync(process.execPath, harnessCommand(system.runtime, ["--report"]), {
    stdio: ["ignore", "ignore", "inherit"],
  });
  if (run.status !== 0) {
    throw new Error(`Cannot record the baseline: harness run ${i} exited with ${run.status}`);
  }
  collected.push(JSON.parse(readFileSync(results, "utf8")).results);
}
const cases: Record<string, BaselineCase> = {};
for (const first of collected[0]) {
  const same = collected.map((run) => run.find((m) => m.id === first.id)!);
  const bytes = same.map((m) => m.bytesPerOp);
  cases[first.id] = {
    ratio: median(same.map((m) => m.ratio)),
    p50: median(same.map((m) => m.p50)),
    p95: median(same.map((m) => m.p95)),
    p99: median(same.map((m) => m.p99)),
    bytesPerOp: bytes.includes(null) ? null : median(bytes as number[]),
  };
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
  `recorded ${
    Object.keys(cases).length
  } cases for ${system.runtime} in baseline.json (median of ${runs} runs)`,
);

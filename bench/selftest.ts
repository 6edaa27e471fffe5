/**
 * Proves the gates can be trusted: `compare` run N times on the unchanged tree must never fail,
 * and N times with a slowdown injected into one critical case (more calls of that case itself,
 * inside the harness; the library is untouched) must fail every time, on that case.
 *
 *   selftest.ts [--runs 10] [--case "serialize: complex / anthropic"] [--slowdown 0.15]
 *
 * @module
 */

import { spawnSync } from "node:child_process";
import process from "node:process";
import { parseArgs } from "node:util";
import { harnessCommand, systemInfo } from "./runtime.ts";

const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "3" },
    case: { type: "string", default: "serialize: complex / anthropic" },
    slowdown: { type: "string", default: "0.15" },
  },
});
const runs = Number(values.runs);
const runtime = systemInfo().runtime;
const args = harnessCommand(runtime, [], "compare.ts");

interface Outcome {
  failed: boolean;
  failures: string[];
  seconds: number;
}

function compare(inject: string | undefined): Outcome {
  const env: Record<string, string | undefined> = { ...process.env, SKIP_PERF_GATES: "" };
  if (inject === undefined) delete env.ROSETTA_BENCH_INJECT;
  else env.ROSETTA_BENCH_INJECT = inject;
  const started = performance.now();
  const result = spawnSync(process.execPath, args, {
    env,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  const failures = [...(result.stdout ?? "").matchAll(/^ {2}(.+?): fail: (.*)$/gm)].map((m) =>
    `${m[1]} (${m[2]})`
  );
  return { failed: result.status !== 0, failures, seconds: (performance.now() - started) / 1000 };
}

const injection = `${values.case}=${values.slowdown}`;
let falseAlarms = 0;
let caught = 0;
for (let i = 1; i <= runs; i++) {
  const clean = compare(undefined);
  if (clean.failed) falseAlarms++;
  console.log(
    `clean run ${i}/${runs}: ${clean.failed ? "FAILED" : "passed"} in ${
      clean.seconds.toFixed(0)
    } s ${clean.failures.join("; ")}`,
  );
  const slowed = compare(injection);
  const hit = slowed.failed && slowed.failures.some((f) => f.startsWith(values.case));
  if (hit) caught++;
  console.log(
    `+${Number(values.slowdown) * 100}% run ${i}/${runs}: ${hit ? "caught" : "MISSED"} in ${
      slowed.seconds.toFixed(0)
    } s ${slowed.failures.join("; ")}`,
  );
}
console.log(
  `\nselftest (${runtime}): ${falseAlarms}/${runs} false alarms on the unchanged tree, ${caught}/${runs} injected slowdowns caught (${injection})`,
);
process.exitCode = falseAlarms === 0 && caught === runs ? 0 : 1;

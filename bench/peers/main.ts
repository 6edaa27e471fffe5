/**
 * `npm run bench:peers`: rosetta, the Vercel AI SDK and the official SDKs on the same bytes
 * through the same fake fetch, checked equal, then timed interleaved with the floor. Writes
 * `bench/peers/results/` (report.md, chart.svg, results.json); `--readme` also refreshes the
 * README's Peers table. Flags: `--rounds N`, `--batch-ms N`, `--quick` (a smoke run).
 *
 * @module
 */

import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { systemInfo } from "../runtime.ts";
import { aiSdk } from "./ai_sdk.ts";
import { checkOutcomes, checkRequests } from "./check.ts";
import { eventCount, FLOOR_NAMES, floorsOf } from "./floor.ts";
import { official } from "./official.ts";
import { type Library, type Peer, type PeerFetches, SCENARIOS } from "./peer.ts";
import { updateReadme } from "./readme.ts";
import { chart, type GroupResult, markdown, type PeersResult, summary } from "./report.ts";
import { buildRequest } from "./requests.ts";
import { rosetta } from "./rosetta.ts";
import { timeInterleaved, type TimingSettings } from "./timing.ts";
import { type FakeFetch, fakeFetch, type PeerProvider, PROVIDERS, wireOf } from "./wire.ts";

const LIBRARIES: Library[] = [rosetta, aiSdk, official];
const here = (path: string) => new URL(path, import.meta.url);

const { values: flags } = parseArgs({
  options: {
    rounds: { type: "string", default: "60" },
    "batch-ms": { type: "string", default: "40" },
    quick: { type: "boolean", default: false },
    readme: { type: "boolean", default: false },
  },
});
const settings: TimingSettings = flags.quick ? { rounds: 3, batchMs: 5, warmupMs: 20 } : {
  rounds: Number(flags.rounds),
  batchMs: Number(flags["batch-ms"]),
  warmupMs: 300,
};

function versions(): Record<string, string> {
  const version = (dir: URL) => JSON.parse(readFileSync(new URL("package.json", dir), "utf8"));
  let commit = "";
  try {
    commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
  } catch { /* not a git checkout: the version alone */ }
  const own = version(here("../../")).version + (commit ? ` (${commit})` : "");
  const found: Record<string, string> = { "@rosetta/llm": own };
  for (const pkg of LIBRARIES.slice(1).flatMap((l) => l.packages)) {
    found[pkg] = version(here(`node_modules/${pkg}/`)).version;
  }
  return found;
}

interface Contestant {
  library: Library;
  fakes: Record<keyof PeerFetches, FakeFetch>;
  fetches: PeerFetches;
  peer: Peer;
}

function contestants(provider: PeerProvider): Contestant[] {
  const wire = wireOf(provider);
  return LIBRARIES.map((library) => {
    const fakes = {
      stream: fakeFetch({ sse: wire.chunks }),
      whole: fakeFetch({ json: wire.body }),
      build: fakeFetch({ json: wire.small }),
    };
    const fetches = {
      stream: fakes.stream.fetch,
      whole: fakes.whole.fetch,
      build: fakes.build.fetch,
    };
    return { library, fakes, fetches, peer: library.peer(provider, fetches) };
  });
}

async function check(
  provider: PeerProvider,
  all: Contestant[],
): Promise<string[]> {
  const notes: string[] = [];
  for (const scenario of ["stream", "whole"] as const) {
    const outcomes = [];
    for (const c of all) {
      outcomes.push({ library: c.library.name, value: await c.peer[scenario]() });
    }
    notes.push(...checkOutcomes(`${provider} ${scenario}`, outcomes));
  }
  for (const c of all) await c.peer.build();
  checkRequests(
    `${provider} build`,
    buildRequest(provider),
    all.map((c) => ({ library: c.library.name, value: c.fakes.build.lastBody() })),
  );
  return notes;
}

async function measure(
  provider: PeerProvider,
  all: Contestant[],
): Promise<GroupResult[]> {
  const floors = floorsOf(provider, all[0].fetches);
  const groups: GroupResult[] = [];
  for (const scenario of SCENARIOS) {
    const subjects = [
      ...all.map((c) => ({ name: c.library.name, fn: () => c.peer[scenario]() })),
      { name: "floor", fn: floors[scenario] },
    ];
    const group: GroupResult = {
      provider,
      scenario,
      timings: await timeInterleaved(subjects, settings),
    };
    if (scenario === "stream") {
      group.events = await eventCount(all[0].fakes.stream.fetch);
    }
    if (scenario === "build") {
      group.bodyBytes = Object.fromEntries(
        all.map((
          c,
        ) => [
          c.library.name,
          new TextEncoder().encode(c.fakes.build.lastBody()).length,
        ]),
      );
    }
    console.log(summary([group]));
    groups.push(group);
  }
  return groups;
}

const notes: string[] = [];
const groups: GroupResult[] = [];
for (const provider of PROVIDERS) {
  const all = contestants(provider);
  notes.push(...await check(provider, all));
  console.log(
    `${provider}: answers equal across ${LIBRARIES.map((l) => l.name).join(", ")}`,
  );
  groups.push(...await measure(provider, all));
}
const result: PeersResult = {
  date: new Date().toISOString(),
  system: systemInfo(),
  versions: versions(),
  settings,
  floors: FLOOR_NAMES,
  groups,
  notes,
};
const out = here("results/");
mkdirSync(out, { recursive: true });
writeFileSync(new URL("results.json", out), JSON.stringify(result, null, 2) + "\n");
writeFileSync(new URL("report.md", out), markdown(result));
writeFileSync(new URL("chart.svg", out), chart(groups));
if (flags.readme) updateReadme(here("../../README.md"), result);
console.log(`wrote bench/peers/results/ (report.md, chart.svg, results.json)`);

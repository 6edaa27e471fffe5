/**
 * Partial values while JSON streams, against the peers (issue 24): the same answers in the same
 * ~30-character deltas as the `partial` bench category, with the value so far read after every
 * delta — rosetta's `PartialJsonReader` (one reader, each character once) against the AI SDK's
 * `parsePartialJson` and the OpenAI SDK's vendored `partialParse`, each called on the whole text
 * so far, as `streamObject` and the SDK's tool-argument streaming call them. Floor: one
 * `JSON.parse` of the final text. Writes `results/partial.json` and `results/partial.svg`.
 *
 * The peers' cost grows with the square of the size: at 64 KB and 256 KB they parse the text
 * so far at every 8th and 32nd delta only and the sum is scaled by 8 and 32 (an even sample of
 * the same sum), so that a run stays under a minute.
 *
 *   node --expose-gc bench/peers/partial.ts   (after `npm ci --prefix bench/peers`)
 *
 * @module
 */

import { writeFileSync } from "node:fs";
import { parsePartialJson } from "ai";
import { partialParse } from "openai/_vendor/partial-json-parser/parser.mjs";
import { PartialJsonReader } from "../../mod.ts";
import { deltasOf, PARTIAL_SIZES, partialAnswer } from "../partial_input.ts";
import { systemInfo } from "../runtime.ts";
import { type Line, lineChart } from "./partial_chart.ts";

/** One library: reads a stream, the value after every `stride`-th delta; the last value. */
type Reader = (deltas: string[], stride: number) => Promise<unknown>;

const rosetta: Reader = (deltas) => {
  const reader = new PartialJsonReader();
  for (const delta of deltas) {
    reader.push(delta);
    reader.snapshot();
  }
  return Promise.resolve(reader.end());
};

const aiSdk: Reader = async (deltas, stride) => {
  let text = "";
  let value: unknown;
  for (let i = 0; i < deltas.length; i++) {
    text += deltas[i];
    if ((i + 1) % stride === 0 || i === deltas.length - 1) {
      value = (await parsePartialJson(text)).value;
    }
  }
  return value;
};

const openaiSdk: Reader = (deltas, stride) => {
  let text = "";
  let value: unknown;
  for (let i = 0; i < deltas.length; i++) {
    text += deltas[i];
    if ((i + 1) % stride === 0 || i === deltas.length - 1) {
      value = partialParse(text);
    }
  }
  return Promise.resolve(value);
};

const LIBRARIES: Array<
  { name: string; color: string; read: Reader; sampled: boolean }
> = [
  { name: "rosetta", color: "#c96442", read: rosetta, sampled: false },
  {
    name: "AI SDK parsePartialJson",
    color: "#222222",
    read: aiSdk,
    sampled: true,
  },
  {
    name: "OpenAI SDK partialParse",
    color: "#4285f4",
    read: openaiSdk,
    sampled: true,
  },
];

const STRIDE: Record<number, number> = { 4: 1, 16: 1, 64: 8, 256: 32 };

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1];
}

interface SizeResult {
  kb: number;
  floorMs: number;
  ms: Record<string, number>;
}

async function measure(kb: number): Promise<SizeResult> {
  const text = partialAnswer(kb * 1024);
  const deltas = deltasOf(text);
  const expected = JSON.stringify(JSON.parse(text));
  const stride = STRIDE[kb];
  const rounds = kb >= 64 ? 5 : 15;
  const times: Record<string, number[]> = { floor: [] };
  for (const library of LIBRARIES) {
    // The same final value, before any timing.
    if (JSON.stringify(await library.read(deltas, 1)) !== expected) {
      throw new Error(`${library.name} reads the ${kb} KB answer wrong`);
    }
    times[library.name] = [];
  }
  // rosetta and the floor first, interleaved, on a heap the peers' garbage has not grown, after
  // ~300 ms of warm-up (the JIT's tiers), with no forced collection: one throws compiled code
  // away. Then each peer, with a collection before each sample so that none pays for another's
  // garbage. The first two samples of each are not counted.
  const collect = (globalThis as { gc?: () => void }).gc ?? (() => {});
  const sample = async (name: string, run: () => unknown, calls: number, scale: number) => {
    const start = performance.now();
    for (let i = 0; i < calls; i++) await run();
    times[name].push((performance.now() - start) * scale / calls);
  };
  // rosetta's stream is short: several per sample, so that the timer's grain does not count.
  const calls = Math.max(1, 64 / kb);
  for (const warm = performance.now() + 300; performance.now() < warm;) {
    JSON.parse(text);
    await rosetta(deltas, 1);
  }
  for (let round = -2; round < rounds * 3; round++) {
    await sample("floor", () => JSON.parse(text), calls * 20, 1);
    await sample("rosetta", () => rosetta(deltas, 1), calls, 1);
  }
  for (const library of LIBRARIES.filter((l) => l.sampled)) {
    for (let round = -2; round < rounds; round++) {
      collect();
      await sample(library.name, () => library.read(deltas, stride), 1, stride);
    }
  }
  const counted = (values: number[]) => median(values.slice(2));
  const ms = Object.fromEntries(LIBRARIES.map((l) => [l.name, counted(times[l.name])]));
  return { kb, floorMs: counted(times.floor), ms };
}

const system = systemInfo();
const results: SizeResult[] = [];
for (const kb of PARTIAL_SIZES) {
  const result = await measure(kb);
  results.push(result);
  console.log(
    `${kb} KB: JSON.parse ${result.floorMs.toFixed(3)} ms; ` +
      LIBRARIES.map((l) =>
        `${l.name} ${result.ms[l.name].toFixed(2)} ms (${
          (result.ms[l.name] / result.floorMs).toFixed(1)
        }× JSON.parse, ${(result.ms[l.name] / result.ms.rosetta).toFixed(1)}× rosetta)`
      ).join("; "),
  );
}
const lines: Line[] = [
  ...LIBRARIES.map((l) => ({
    name: l.name,
    color: l.color,
    points: results.map((r): [number, number] => [r.kb, r.ms[l.name]]),
  })),
  {
    name: "JSON.parse once",
    color: "#bbbbbb",
    points: results.map((r): [number, number] => [r.kb, r.floorMs]),
  },
];
const out = new URL("results/", import.meta.url);
writeFileSync(
  new URL("partial.svg", out),
  lineChart(
    `Partial values after every ~30-character delta: ms per whole stream (${system.runtime} ${system.version})`,
    lines,
  ),
);
writeFileSync(
  new URL("partial.json", out),
  JSON.stringify({ system, results }, null, 2) + "\n",
);

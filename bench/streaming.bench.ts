// Streaming overhead, reported per event. Floor: a bare eventsource-parser with one
// JSON.parse per event over the same bytes (for Bedrock's binary frames: each frame's length,
// its CRC32 and JSON.parse of its payload).
import type { Provider, ProviderName } from "../mod.ts";
import { type Library, libraryRoot, type Register, suite } from "./bench.ts";
import {
  benchStream,
  bytesOf,
  chunkedBody,
  countEvents,
  eventChunks,
  floorNameOf,
  framingOf,
  providersOf,
  readBody,
  sseFloor,
  streamFloor,
} from "./inputs.ts";
import { hostFamilies } from "./hosts_input.ts";
import { framingCases, framingDecoders } from "./framing_input.ts";

const floorName = floorNameOf("sse");
const callback = (event: { type: string }) => event.type.length;

// One text delta into a live decoder; the decoder is renewed every 4096 events so that its
// fragments do not pile up over millions of calls.
function singleEvent(provider: Provider<ProviderName>, bench: Register): void {
  const framing = framingOf(provider);
  const events = eventChunks(benchStream(provider, "stream_basic"), framing);
  const delta = events[Math.floor(events.length / 2)];
  const prefix = new Uint8Array([...events[0], ...events[1]]);
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
    floor: streamFloor(delta, framing),
    floorName: floorNameOf(framing),
  });
}

// The tool-call stream through EventStream, one chunk per event as a fetch body delivers them:
// what the async iteration adds to the decoder. Floor: the same body read with its reader,
// eventsource-parser + JSON.parse.
function eventStream(lib: Library, provider: Provider<ProviderName>, bench: Register): void {
  const framing = framingOf(provider);
  const bytes = benchStream(provider, "stream_tools");
  const chunks = eventChunks(bytes, framing);
  const body = () => chunkedBody(chunks, 0);
  bench({
    group: "stream: EventStream over a body (16 chunks)",
    name: provider.name,
    category: "streaming",
    perCall: countEvents(bytes, framing),
    fn: async () => {
      const stream = new lib.EventStream(provider.createStreamDecoder(), body());
      for await (const _ of stream) { /* as a caller would */ }
      return await stream.response();
    },
    floor: async () => await readBody(body(), framing),
    floorName: `body reader + ${floorNameOf(framing)}`,
  });
}

const streams: Array<[string, string, boolean, boolean]> = [
  ["dispatch to a callback", "stream_basic", true, false],
  ["100 text deltas accumulated", "stream_basic", false, true],
  // The same text and two calls in 16 events for every provider, so per-event costs compare.
  ["tool-call accumulation (2 calls, 16 events)", "stream_tools", false, true],
  ["mixed event types", "stream_complex", false, true],
];

export default await suite(async (lib, bench) => {
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
  for (const [scenario, file, dispatch, accumulate] of streams) {
    for (const provider of providersOf(lib)) {
      const framing = framingOf(provider);
      const bytes = benchStream(provider, file);
      bench({
        group: `stream: ${scenario}`,
        name: provider.name,
        category: "streaming",
        perCall: countEvents(bytes, framing),
        fn: () => {
          const decoder = provider.createStreamDecoder();
          const events = decoder.push(bytes);
          if (dispatch) { for (let i = 0; i < events.length; i++) callback(events[i]); }
          return accumulate ? decoder.end() : events;
        },
        floor: streamFloor(bytes, framing),
        floorName: floorNameOf(framing),
      });
    }
  }
  // Each copy's own decoders, so that the pair gates the code it times.
  for (const framingCase of framingCases(await framingDecoders(libraryRoot(lib)))) {
    bench(framingCase);
  }
});

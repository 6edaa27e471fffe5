// Memory patterns: the harness records bytes allocated per operation for these (and every)
// case, and for this category also the heap retained after a full GC (leak check) and the
// peak heap. Under `deno bench` they are timed like the rest.
import { suite } from "./bench.ts";
import {
  benchFixture,
  benchStream,
  countEvents,
  floorNameOf,
  framingOf,
  parseFloor,
  providersOf,
  request,
  streamFloor,
  stringifyFloor,
} from "./inputs.ts";

export default await suite((lib, bench) => {
  for (const provider of providersOf(lib)) {
    const req = request("request_complex", provider.name);
    bench({
      group: "memory: request",
      name: provider.name,
      category: "memory",
      fn: () => provider.serializeRequest(req),
      floor: stringifyFloor(provider, req),
      floorName: "JSON.stringify of the wire body",
    });
  }
  for (const provider of providersOf(lib)) {
    const body = benchFixture(provider.name, "response_complex.json");
    bench({
      group: "memory: response",
      name: provider.name,
      category: "memory",
      fn: () => provider.parseResponse(body),
      floor: parseFloor(body),
      floorName: "JSON.parse of the body",
    });
  }
  for (const provider of providersOf(lib)) {
    const framing = framingOf(provider);
    const bytes = benchStream(provider, "stream_complex");
    bench({
      group: "memory: stream event",
      name: provider.name,
      category: "memory",
      perCall: countEvents(bytes, framing),
      fn: () => {
        const decoder = provider.createStreamDecoder();
        decoder.push(bytes);
        return decoder.end();
      },
      floor: streamFloor(bytes, framing),
      floorName: floorNameOf(framing),
    });
  }
});

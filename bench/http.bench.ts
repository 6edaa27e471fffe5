// Async overhead of the HTTP client over loopback, the mock server in this process: a whole
// response and a stream per provider, and 64 concurrent streams per provider (reported per
// event). Floor: raw fetch of the same request and bytes, then res.text() + JSON.parse, or
// eventsource-parser + JSON.parse per event. And the price of configuring a fallback: a fallback
// client whose first target answers, against the plain client making the same call as its floor;
// and of tracing: a client with @rosetta/llm/otel's hook, no OpenTelemetry SDK registered (what the
// hook itself costs), against the same floor.
import type { ChatRequest, HttpRequest, ProviderName } from "../mod.ts";
import { createMockServer, reply, text, toolCall, usage } from "../testing/mod.ts";
import { suite } from "./bench.ts";
import { createTracingHook } from "../otel/mod.ts";
import {
  benchModel,
  floorNameOf,
  type Framing,
  framingOf,
  providersOf,
  readBody,
} from "./inputs.ts";

const KEY = "bench-key";
const CONCURRENT = 64;
const answer = "It is 18 degrees and sunny in Paris, with a light breeze from the west.";
// Unref'd: it never keeps the process alive, so the harness exits when its work is done.
const server = await createMockServer({
  script: reply(
    text(answer),
    toolCall("get_weather", { location: "Paris", unit: "celsius" }),
    usage(42, 36),
  ),
}).listen();

function ask(provider: ProviderName): ChatRequest {
  return {
    model: benchModel(provider),
    system: "You are a weather assistant.",
    messages: [{ role: "user", content: "What is the weather in Paris?" }],
  };
}

async function rawComplete(http: HttpRequest): Promise<unknown> {
  return JSON.parse(await (await fetch(http.url, http)).text());
}

// Returns the number of events, which the concurrent case reports its time per.
async function rawStream(http: HttpRequest, framing: Framing): Promise<number> {
  return await readBody((await fetch(http.url, http)).body!, framing);
}

const times = <T>(n: number, make: () => Promise<T>): Promise<T[]> =>
  Promise.all(Array.from({ length: n }, make));

export default await suite(async (lib, bench) => {
  for (const provider of providersOf(lib)) {
    const baseUrl = server.baseUrl(provider.name);
    const client = lib.createClient({ provider, apiKey: KEY, baseUrl });
    const request = ask(provider.name);
    const whole = provider.buildHttpRequest(request, { apiKey: KEY, baseUrl });
    const streamed = provider.buildHttpRequest(request, { apiKey: KEY, baseUrl, stream: true });
    const framing = framingOf(provider);
    const readStream = async () => {
      const stream = client.stream(request);
      for await (const _ of stream) { /* as a caller would */ }
      return stream.response();
    };
    bench({
      group: "http: complete",
      name: provider.name,
      category: "http",
      fn: async () => await client.complete(request),
      floor: async () => await rawComplete(whole),
      floorName: "fetch + res.text() + JSON.parse",
    });
    bench({
      group: "http: stream",
      name: provider.name,
      category: "http",
      fn: async () => await readStream(),
      floor: async () => await rawStream(streamed, framing),
      floorName: `fetch + ${floorNameOf(framing)}`,
    });
    // A library from before fallback clients has no such case.
    if ("createFallbackClient" in lib) {
      const second = providersOf(lib).find((other) => other.name !== provider.name)!;
      const fallback = lib.createFallbackClient({
        targets: [
          { provider, apiKey: KEY, baseUrl, model: request.model },
          { provider: second, apiKey: KEY, baseUrl: server.baseUrl(second.name), model: "m" },
        ],
      });
      bench({
        group: "http: complete with a fallback configured",
        name: provider.name,
        category: "http",
        fn: async () => await fallback.complete(request),
        floor: async () => await client.complete(request),
        floorName: "client.complete, no fallback",
      });
    }
    // The hook reads the request events' `request`, which a library from before it lacks.
    if ("explain" in lib) {
      const traced = lib.createClient({
        provider,
        apiKey: KEY,
        baseUrl,
        onEvent: createTracingHook(),
      });
      bench({
        group: "http: complete, traced (no SDK)",
        name: provider.name,
        category: "http",
        fn: async () => await traced.complete(request),
        floor: async () => await client.complete(request),
        floorName: "client.complete, no hook",
      });
    }
    bench({
      group: `http: ${CONCURRENT} concurrent streams`,
      name: provider.name,
      category: "load",
      perCall: CONCURRENT * await rawStream(streamed, framing),
      fn: async () => await times(CONCURRENT, readStream),
      floor: async () => await times(CONCURRENT, () => rawStream(streamed, framing)),
      floorName: `${CONCURRENT} × (fetch + ${floorNameOf(framing)})`,
    });
  }
});

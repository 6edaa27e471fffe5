// Request serialization: canonical ChatRequest → wire JSON string, per provider.
// Floor: JSON.stringify of the same wire body.
import { type ChatRequest, type Provider, type ProviderName, providers } from "../mod.ts";
import { suite } from "./bench.ts";
import { benchModel, providersOf, request, requestFixture, stringifyFloor } from "./inputs.ts";

const floorName = "JSON.stringify of the wire body";
const SCENARIOS = {
  simple: "simple",
  complex: "complex",
  thinking: "with thinking level",
  tools: "with tool definitions",
  features: "with features",
} as const;
// Caching, structured output and a PDF document.
const features = requestFixture<ChatRequest>("benchmarks/request_features.json");

// The floor of the feature request, from this checkout's serializer (a reference older than the
// features refuses the document, so the case is new to it), made on first use: the request's
// shape then reaches the serializer when this group runs, not while the groups before it are
// measured against a reference that never sees it.
function featuresFloor(provider: Provider<ProviderName>, req: ChatRequest): () => string {
  let wire: unknown;
  return () => JSON.stringify(wire ??= JSON.parse(provider.serializeRequest(req)));
}

export default await suite((lib, bench) => {
  const scenarios = providersOf(lib).map((provider) => {
    const simple = request("request_simple", provider.name);
    const complex = request("request_complex", provider.name);
    return {
      provider,
      simple,
      complex,
      thinking: { ...simple, thinking: "high" as const },
      tools: { ...simple, tools: complex.tools, toolChoice: "auto" as const },
      features: { ...features, model: benchModel(provider.name) },
    };
  });
  for (const [key, group] of Object.entries(SCENARIOS) as [keyof typeof SCENARIOS, string][]) {
    for (const s of scenarios) {
      const req = s[key];
      bench({
        group: `serialize: ${group}`,
        name: s.provider.name,
        category: "serialization",
        fn: () => s.provider.serializeRequest(req),
        floor: key === "features"
          ? featuresFloor(providers[s.provider.name], req)
          : stringifyFloor(s.provider, req),
        floorName,
      });
    }
  }
});

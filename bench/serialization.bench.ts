// Request serialization: canonical ChatRequest → wire JSON string, per provider.
// Floor: JSON.stringify of the same wire body.
import { bench } from "./bench.ts";
import { PROVIDERS, request, stringifyFloor } from "./inputs.ts";

const floorName = "JSON.stringify of the wire body";
const scenarios = PROVIDERS.map((provider) => {
  const simple = request("request_simple", provider.name);
  const complex = request("request_complex", provider.name);
  return {
    provider,
    simple,
    complex,
    thinking: { ...simple, thinking: "high" as const },
    tools: { ...simple, tools: complex.tools, toolChoice: "auto" as const },
  };
});

for (const key of ["simple", "complex", "thinking", "tools"] as const) {
  for (const s of scenarios) {
    const req = s[key];
    bench({
      group: `serialize: ${
        key === "thinking" ? "with thinking level" : key === "tools" ? "with tool definitions" : key
      }`,
      name: s.provider.name,
      category: "serialization",
      fn: () => s.provider.serializeRequest(req),
      floor: stringifyFloor(s.provider, req),
      floorName,
    });
  }
}

// Request serialization: canonical ChatRequest → wire JSON string, per provider.
// Floor: JSON.stringify of the same wire body.
import { suite } from "./bench.ts";
import { providersOf, request, stringifyFloor } from "./inputs.ts";

const floorName = "JSON.stringify of the wire body";
const SCENARIOS = {
  simple: "simple",
  complex: "complex",
  thinking: "with thinking level",
  tools: "with tool definitions",
} as const;

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
        floor: stringifyFloor(s.provider, req),
        floorName,
      });
    }
  }
});

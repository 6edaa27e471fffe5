// Response parsing: wire JSON → canonical ChatResponse, and error bodies → ProviderError.
// Floor: JSON.parse of the same body, and of the JSON texts its strings carry (OpenAI's tool-call
// arguments), which every reader that returns arguments as objects must parse.
import { existsSync } from "node:fs";
import type { ProviderName } from "../mod.ts";
import { readFixture } from "../testing/internal/fixtures.ts";
import { suite } from "./bench.ts";
import { benchFixture, parseFloor, providersOf } from "./inputs.ts";
import { hostFamilies } from "./hosts_input.ts";

const floorName = "JSON.parse of the body (and of tool arguments sent as text)";
// A dialect that returns no reasoning text (Chat Completions) has reasoning.json instead: its
// thinking surface is the reasoning usage.
const thinking = (provider: ProviderName) =>
  existsSync(new URL(`../fixtures/${provider}/thinking.json`, import.meta.url))
    ? "thinking"
    : "reasoning";
const bodies: Record<string, (provider: ProviderName) => string> = {
  simple: (provider) => benchFixture(provider, "response_simple.json"),
  complex: (provider) => benchFixture(provider, "response_complex.json"),
  "thinking content": (provider) => readFixture(`${provider}/${thinking(provider)}.json`),
  "usage metadata": (provider) => readFixture(`${provider}/text.json`),
};
const rateLimited = new Headers({ "retry-after": "12" });

export default await suite((lib, bench) => {
  for (const [scenario, body] of Object.entries(bodies)) {
    for (const provider of providersOf(lib)) {
      const text = body(provider.name);
      bench({
        group: `parse: ${scenario}`,
        name: provider.name,
        category: "parsing",
        fn: () => provider.parseResponse(text),
        floor: parseFloor(text),
        floorName,
      });
    }
  }
  for (const family of hostFamilies(lib)) {
    bench({
      group: "parse: host shapes",
      name: family.name,
      category: "parsing",
      fn: () => family.provider.parseResponse(family.body),
      floor: parseFloor(family.body),
      floorName,
    });
  }
  for (const provider of providersOf(lib)) {
    const text = readFixture(`${provider.name}/error_429.json`);
    bench({
      group: "parse: error responses",
      name: provider.name,
      category: "parsing",
      fn: () => provider.errorFromResponse(429, text, rateLimited),
      // Building an Error (its stack trace) dominates this path and moves with heap state from
      // one process to the next; a floor without it let the ratio drift by 11% on an unchanged
      // tree.
      floor: () => [JSON.parse(text), new Error("floor")],
      floorName: "JSON.parse of the body + new Error",
    });
  }
});

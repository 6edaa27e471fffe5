/**
 * The hosts' quirk families as bench inputs: one recorded body and its stream per family
 * (`fixtures/hosts/`, and Mistral's content chunks in `fixtures/openai/`), each read through its
 * preset. One case per family in the parse and stream groups covers the reading paths the hosts
 * add without multiplying every group by a dozen hosts.
 *
 * @module
 */

import type { Library } from "./bench.ts";
import { readFixture } from "../testing/internal/fixtures.ts";
import type { Provider } from "../mod.ts";

/** One family: the preset that reads it, and its body and stream text. */
export interface HostFamily {
  /** The case name: the family's host. */
  name: string;
  /** The preset. */
  provider: Provider;
  /** The whole body. */
  body: string;
  /** The SSE stream of the same answer. */
  stream: string;
}

const FAMILIES: Array<[name: string, fixture: string]> = [
  ["deepseek", "hosts/deepseek_tool_loop"],
  ["groq", "hosts/groq_reasoning"],
  ["xai", "hosts/xai_reasoning"],
  ["openrouter", "hosts/openrouter_reasoning_details"],
  ["mistral", "openai/mistral_reasoning"],
  ["azure", "hosts/azure_content_filter"],
];

/**
 * The families a library copy has presets for (none for a copy from before hosts existed: its
 * cases are then measured alone, as new).
 *
 * @param lib A library copy.
 * @returns The families with their presets and texts.
 */
export function hostFamilies(lib: Library): HostFamily[] {
  if (typeof lib.getHost !== "function") return [];
  return FAMILIES.map(([name, fixture]) => ({
    name,
    provider: name === "azure" ? lib.azureOpenAI({ resource: "bench" }) : lib.getHost(name),
    body: readFixture(`${fixture}.json`),
    stream: readFixture(`${fixture}.sse`),
  }));
}

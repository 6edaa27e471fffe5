/**
 * Random responses, seeded, rendered in each provider's documented wire format twice: as a
 * whole body and as the SSE stream of the same response (text cut into random deltas, argument
 * JSON into random fragments, blocks whole where the provider sends them whole). Parsing one
 * and decoding the other must give the same canonical response.
 *
 * @module
 */

import type { ProviderName } from "../../providers/mod.ts";
import { Random, type Rendered } from "./random.ts";
import { renderAnthropic } from "./render_anthropic.ts";
import { renderBedrock } from "./render_bedrock.ts";
import { renderGoogle } from "./render_google.ts";
import { renderOpenAI } from "./render_openai.ts";
import { renderOpenAIResponses } from "./render_openai_responses.ts";

export type { Rendered } from "./random.ts";

// One renderer per registered provider: a new provider's absence here is a type error.
const RENDERERS: Record<ProviderName, (random: Random) => Rendered> = {
  anthropic: renderAnthropic,
  openai: renderOpenAI,
  google: renderGoogle,
  "openai-responses": renderOpenAIResponses,
  bedrock: renderBedrock,
};

/**
 * Renders one random response of a provider, as a body and as a stream.
 *
 * @param provider Which wire format.
 * @param seed Picks the response.
 * @returns The body and the stream.
 */
export function generate(provider: ProviderName, seed: number): Rendered {
  return RENDERERS[provider](new Random(seed));
}

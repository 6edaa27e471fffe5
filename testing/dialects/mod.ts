/**
 * The mock server's dialects, one per provider of the registry: a provider without one is a
 * type error here.
 *
 * @module
 */

import type { ProviderName } from "../../providers/mod.ts";
import { anthropicMock } from "./anthropic.ts";
import { bedrockMock } from "./bedrock.ts";
import type { MockDialect } from "./dialect.ts";
import { googleMock } from "./google.ts";
import { openAIMock } from "./openai.ts";
import { openAIResponsesMock } from "./openai_responses.ts";

/** Every provider's mock dialect. */
export const DIALECTS: Readonly<Record<ProviderName, MockDialect>> = {
  anthropic: anthropicMock,
  openai: openAIMock,
  google: googleMock,
  "openai-responses": openAIResponsesMock,
  bedrock: bedrockMock,
};

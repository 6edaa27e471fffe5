/**
 * The official SDKs, one per provider, as one library in the report.
 *
 * @module
 */

import { anthropicSdk } from "./anthropic_sdk.ts";
import { googleSdk } from "./google_sdk.ts";
import { openaiSdk } from "./openai_sdk.ts";
import type { Library } from "./peer.ts";

const sdks = { anthropic: anthropicSdk, openai: openaiSdk, google: googleSdk };

/** `@anthropic-ai/sdk`, `openai`, `@google/genai`. */
export const official: Library = {
  name: "official SDK",
  packages: ["@anthropic-ai/sdk", "openai", "@google/genai"],
  peer: (provider, fetches) => sdks[provider](fetches),
};

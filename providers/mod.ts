/**
 * The provider registry: the one list of providers. Everything that iterates over providers
 * (the provider name type, {@link getProvider}, the contract tests, the benchmarks) reads it
 * from here, so a new dialect is its folder, one entry below and its export maps.
 *
 * @module
 */

import { ValidationError } from "../common/errors.ts";
import type { Provider } from "../common/provider.ts";
import { anthropic } from "./anthropic/mod.ts";
import { google } from "./google/mod.ts";
import { openai } from "./openai/mod.ts";
import { openaiResponses } from "./openai-responses/mod.ts";

/** Every provider by name, in report order. */
export const providers: Readonly<{
  anthropic: typeof anthropic;
  openai: typeof openai;
  google: typeof google;
  "openai-responses": typeof openaiResponses;
}> = Object.freeze({ anthropic, openai, google, "openai-responses": openaiResponses });

/** The name of a registered provider. */
export type ProviderName = keyof typeof providers;

/**
 * Looks a provider up by name.
 *
 * @param name A registered provider's name.
 * @returns The provider.
 * @throws {ValidationError} For any other name.
 *
 * @example
 * ```ts
 * import { getProvider } from "@rosetta/llm";
 * import assert from "node:assert/strict";
 * assert.equal(getProvider("google").name, "google");
 * assert.throws(() => getProvider("gemini"), /is not one of anthropic, openai, google, openai-responses$/);
 * ```
 */
export function getProvider(name: string): Provider<ProviderName> {
  if (Object.hasOwn(providers, name)) return providers[name as ProviderName];
  throw new ValidationError(
    `Cannot find provider: ${JSON.stringify(name)} is not one of ${
      Object.keys(providers).join(", ")
    }`,
    { path: "provider" },
  );
}

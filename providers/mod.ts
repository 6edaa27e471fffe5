/**
 * The provider registry: the one list of providers. Everything that iterates over providers
 * (the provider name type, {@link getProvider}, the contract tests, the benchmarks) reads it
 * from here, so a new dialect is its folder, one entry below and its export maps.
 *
 * @module
 */

import { ValidationError } from "../common/errors.ts";
import { describeValue } from "../codec/describe.ts";
import { didYouMean } from "../codec/suggest.ts";
import type { Provider } from "../common/provider.ts";
import { anthropic } from "./anthropic/mod.ts";
import { bedrock } from "./bedrock/mod.ts";
import { google } from "./google/mod.ts";
import { openai } from "./openai/mod.ts";
import { openaiResponses } from "./openai-responses/mod.ts";

/** Every provider by name, in report order. */
export const providers: Readonly<{
  anthropic: typeof anthropic;
  openai: typeof openai;
  google: typeof google;
  "openai-responses": typeof openaiResponses;
  bedrock: typeof bedrock;
}> = Object.freeze({ anthropic, openai, google, "openai-responses": openaiResponses, bedrock });

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
 * assert.throws(() => getProvider("gemini"), {
 *   name: "ValidationError",
 *   provider: "gemini",
 *   path: "provider",
 *   message: 'Cannot find provider: "gemini" is not one of anthropic, openai, google, ' +
 *     'openai-responses, bedrock; did you mean "google"?',
 * });
 * ```
 */
export function getProvider(name: string): Provider<ProviderName> {
  if (typeof name === "string" && Object.hasOwn(providers, name)) {
    return providers[name as ProviderName];
  }
  const names = Object.keys(providers);
  throw new ValidationError(
    `Cannot find provider: ${describeValue(name)} is not one of ${names.join(", ")}${
      typeof name === "string" ? didYouMean(name, names) : ""
    }`,
    { provider: typeof name === "string" ? name : undefined, path: "provider" },
  );
}

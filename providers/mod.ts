/**
 * The provider registry: name → provider.
 *
 * @module
 */

import { ValidationError } from "../common/errors.ts";
import type { Provider } from "../common/provider.ts";
import type { ProviderName } from "../common/types.ts";
import { anthropic } from "./anthropic/mod.ts";
import { google } from "./google/mod.ts";
import { openai } from "./openai/mod.ts";

/** Every provider by name. */
export const providers: Readonly<Record<ProviderName, Provider>> = Object.freeze({
  anthropic,
  openai,
  google,
});

/**
 * Looks a provider up by name.
 *
 * @param name `anthropic`, `openai` or `google`.
 * @returns The provider.
 * @throws {ValidationError} For any other name.
 *
 * @example
 * ```ts
 * import { getProvider } from "@rosetta/llm";
 * import assert from "node:assert/strict";
 * assert.equal(getProvider("google").name, "google");
 * ```
 */
export function getProvider(name: string): Provider {
  if (Object.hasOwn(providers, name)) return providers[name as ProviderName];
  throw new ValidationError(
    `Cannot find provider: ${JSON.stringify(name)} is not one of anthropic, openai, google`,
    { path: "provider" },
  );
}

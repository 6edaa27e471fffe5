/**
 * The two options every `buildHttpRequest` reads before the body: the API key, which must be a
 * non-empty string (a missing key is refused here, not answered 401 after a round trip), and the
 * API root, the same with or without a trailing slash.
 *
 * @module
 */

import { describeValue } from "./describe.ts";
import { refuse } from "../common/refuse.ts";

/**
 * The API key of a `buildHttpRequest` call, checked.
 *
 * @param provider The provider, named in the error.
 * @param options The call's options, as given.
 * @returns The key.
 * @throws {ValidationError} Naming `apiKey` when it is missing, empty or not a string.
 *
 * @example A key, and a missing one
 * ```ts
 * import { apiKeyOf } from "./endpoint.ts";
 * import assert from "node:assert/strict";
 * assert.equal(apiKeyOf("openai", { apiKey: "sk-test" }), "sk-test");
 * assert.throws(() => apiKeyOf("openai", {}), { path: "apiKey" });
 * ```
 */
export function apiKeyOf(provider: string, options: { apiKey?: unknown } | undefined): string {
  const key = options?.apiKey;
  if (typeof key !== "string" || key === "") {
    refuse(
      provider,
      "apiKey",
      `must be a non-empty string, got ${
        typeof key === "string" ? "an empty string" : describeValue(key)
      }`,
    );
  }
  return key;
}

/**
 * Whether a value is a string starting with `http://` or `https://`: what a `baseUrl` must be.
 *
 * @param value The value given.
 * @returns True for an http(s) URL.
 *
 * @example
 * ```ts
 * import { isHttpUrl } from "./endpoint.ts";
 * import assert from "node:assert/strict";
 * assert.ok(isHttpUrl("http://127.0.0.1:8080/v1"));
 * assert.ok(!isHttpUrl("api.openai.com/v1"));
 * ```
 */
export function isHttpUrl(value: unknown): value is string {
  return typeof value === "string" && (value.startsWith("https://") || value.startsWith("http://"));
}

/**
 * The API root to append a path to: `baseUrl` without its trailing slashes, or the provider's
 * public endpoint.
 *
 * @param provider The provider, named in the error.
 * @param baseUrl The caller's root, if any.
 * @param fallback The public endpoint.
 * @returns The root, never ending in `/`.
 * @throws {ValidationError} Naming `baseUrl` when it is not an http(s) URL.
 *
 * @example With or without a trailing slash
 * ```ts
 * import { apiRoot } from "./endpoint.ts";
 * import assert from "node:assert/strict";
 * assert.equal(apiRoot("openai", "http://localhost:8080/v1/", "x"), "http://localhost:8080/v1");
 * assert.equal(apiRoot("openai", undefined, "https://api.openai.com/v1"), "https://api.openai.com/v1");
 * ```
 */
export function apiRoot(provider: string, baseUrl: unknown, fallback: string): string {
  if (baseUrl === undefined) return fallback;
  if (!isHttpUrl(baseUrl)) {
    refuse(
      provider,
      "baseUrl",
      `must be an http:// or https:// URL, got ${describeValue(baseUrl)}`,
    );
  }
  let end = baseUrl.length;
  while (end > 0 && baseUrl.charCodeAt(end - 1) === 47 /* "/" */) end--;
  return end === baseUrl.length ? baseUrl : baseUrl.slice(0, end);
}

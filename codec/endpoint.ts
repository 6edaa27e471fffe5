/**
 * The two options every `buildHttpRequest` reads before the body: the API key, which must be a
 * non-empty string (a missing key is refused here, not answered 401 after a round trip), and the
 * API root, the same with or without a trailing slash. And the API's other endpoint a provider
 * may build for: token counting, made from the chat request (serialize once, then keep the fields
 * the counting endpoint takes — it refuses the others, e.g. Anthropic's `max_tokens` — so no
 * second serializer exists), and the one number read back. (Here rather than in a file of their
 * own: a module three dialects of four import gets a bundle chunk of its own, one more file each
 * dialect entry loads.)
 *
 * @module
 */

import { describeValue } from "./describe.ts";
import { invalidField, isJsonObject, parseJson } from "./json.ts";
import { refuse } from "../common/refuse.ts";
import type { HttpRequest } from "../common/provider.ts";
import type { JsonObject } from "../common/json_object.ts";

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

/**
 * A chat request turned into a token-count request: a new URL, and the body's fields cut to
 * those the endpoint takes (in their serialized order), optionally wrapped.
 *
 * @param chat The built chat request (URL, headers with the key, serialized body).
 * @param url The counting endpoint.
 * @param keep The body fields the endpoint takes.
 * @param wrap Puts the kept fields where the endpoint wants them (Gemini's
 * `generateContentRequest`); by default they are the body.
 * @returns The count request, headers unchanged.
 *
 * @example Anthropic's endpoint takes no max_tokens
 * ```ts
 * import { countRequest } from "./endpoint.ts";
 * import assert from "node:assert/strict";
 * const chat = {
 *   url: "https://api.anthropic.com/v1/messages", method: "POST" as const, headers: {},
 *   body: '{"model":"m","max_tokens":10,"messages":[]}',
 * };
 * const count = countRequest(chat, `${chat.url}/count_tokens`, ["model", "messages"]);
 * assert.equal(count.body, '{"model":"m","messages":[]}');
 * ```
 */
export function countRequest(
  chat: HttpRequest,
  url: string,
  keep: readonly string[],
  wrap: (kept: JsonObject) => JsonObject = (kept) => kept,
): HttpRequest {
  const body = JSON.parse(chat.body) as JsonObject;
  const kept: JsonObject = {};
  for (const [key, value] of Object.entries(body)) {
    if (keep.includes(key)) kept[key] = value;
  }
  return { ...chat, url, body: JSON.stringify(wrap(kept)) };
}

/**
 * Reads the count from a counting endpoint's answer.
 *
 * @param provider Named in an error.
 * @param body The response body.
 * @param field The count's field (`input_tokens`, `totalTokens`).
 * @returns The count.
 * @throws {ResponseParseError} For a body that is not JSON or has no whole count there.
 *
 * @example
 * ```ts
 * import { readCount } from "./endpoint.ts";
 * import assert from "node:assert/strict";
 * assert.equal(readCount("google", '{"totalTokens":31}', "totalTokens"), 31);
 * assert.throws(() => readCount("google", "{}", "totalTokens"), { path: "totalTokens" });
 * ```
 */
export function readCount(provider: string, body: string, field: string): number {
  const parsed = parseJson(provider, body, "token count");
  const count = isJsonObject(parsed) ? parsed[field] : undefined;
  if (typeof count === "number" && Number.isInteger(count) && count >= 0) return count;
  throw invalidField(provider, field, "a whole number of tokens", count);
}

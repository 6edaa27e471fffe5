/**
 * Token-count requests, made from the chat request a provider already builds: serialize once,
 * then keep the fields the counting endpoint takes (it refuses the others, e.g. Anthropic's
 * `max_tokens`), so no second serializer exists. And the one number read back.
 *
 * @module
 */

import type { HttpRequest } from "../common/provider.ts";
import type { JsonObject } from "../common/json_object.ts";
import { invalidField, isJsonObject, parseJson } from "./json.ts";

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
 * import { countRequest } from "./count_tokens.ts";
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
 * import { readCount } from "./count_tokens.ts";
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

/**
 * OpenAI HTTP failure → {@link ProviderError}. Body: `{error: {message, type, param, code}}`, read
 * as Responses reads it (`common/openai/errors.ts`).
 *
 * @see https://platform.openai.com/docs/guides/error-codes
 * @module
 */

import type { ProviderError } from "../../common/errors.ts";
import { openAIErrorOf, openAIHttpError } from "../openai-shared/errors.ts";
import type { JsonObject } from "../../common/json_object.ts";

/**
 * Maps an OpenAI error response to a canonical error.
 *
 * @param status HTTP status.
 * @param body Response body text.
 * @param headers Response headers (`retry-after-ms`, `retry-after`).
 * @returns The error; never throws.
 *
 * @example
 * ```ts
 * import { openai } from "@rosetta/llm";
 * import assert from "node:assert/strict";
 * const error = openai.errorFromResponse(401, '{"error":{"message":"Incorrect API key","type":"invalid_request_error","code":"invalid_api_key"}}');
 * assert.equal(error.category, "auth");
 * assert.equal(error.code, "invalid_api_key");
 * ```
 */
export function openAIErrorFromResponse(
  status: number,
  body: string,
  headers?: Headers,
): ProviderError {
  return openAIHttpError("openai", status, body, headers);
}

/**
 * Maps an `error` object sent inside a stream (no HTTP status: the response was a 200).
 *
 * @param provider The provider reading it (`openai` or a host).
 * @param json The chunk holding `error`.
 * @returns The error, categorized by its type or code.
 */
export function openAIStreamError(provider: string, json: JsonObject): ProviderError {
  return openAIErrorOf(provider, json.error as JsonObject);
}

/**
 * OpenAI HTTP failure → {@link ProviderError}. Body: `{error: {message, type, param, code}}`.
 *
 * @see https://platform.openai.com/docs/guides/error-codes
 * @module
 */

import type { ProviderError } from "../../common/errors.ts";
import { isJsonObject } from "../../common/json.ts";
import {
  type ErrorDetails,
  providerErrorFromHttp,
  stringField,
} from "../../common/provider_error.ts";
import type { JsonObject } from "../../common/types.ts";

/**
 * Reads OpenAI's `error` object (HTTP bodies and in-stream errors share it).
 *
 * @param json A body or stream chunk holding `error`.
 * @returns Message, code and, for content-policy codes, the content_filter category.
 */
export function readOpenAIError(json: JsonObject): ErrorDetails {
  const error = isJsonObject(json.error) ? json.error : undefined;
  const code = stringField(error, "code") ?? stringField(error, "type");
  return {
    message: stringField(error, "message"),
    code,
    category: code === "content_filter" || code === "content_policy_violation"
      ? "content_filter"
      : undefined,
  };
}

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
 * const error = openai.parseError(401, '{"error":{"message":"Incorrect API key","type":"invalid_request_error","code":"invalid_api_key"}}');
 * assert.equal(error.category, "auth");
 * assert.equal(error.code, "invalid_api_key");
 * ```
 */
export function parseOpenAIError(status: number, body: string, headers?: Headers): ProviderError {
  return providerErrorFromHttp("openai", status, body, headers, readOpenAIError);
}

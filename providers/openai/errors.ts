/**
 * OpenAI HTTP failure → {@link ProviderError}. Body: `{error: {message, type, param, code}}`.
 *
 * @see https://platform.openai.com/docs/guides/error-codes
 * @module
 */

import { type ErrorCategory, ProviderError } from "../../common/errors.ts";
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
  return providerErrorFromHttp("openai", status, body, headers, readOpenAIError);
}

/**
 * Maps an `error` object sent inside a stream (no HTTP status: the response was a 200).
 *
 * @param json The chunk holding `error`.
 * @returns The error, categorized by its type or code.
 */
export function openAIStreamError(json: JsonObject): ProviderError {
  const details = readOpenAIError(json);
  const error = json.error as JsonObject;
  const type = stringField(error, "type");
  return new ProviderError(
    details.category ?? categoryForType(type, details.code),
    details.message ?? "Stream error",
    { provider: "openai", code: details.code },
  );
}

function categoryForType(type: string | undefined, code: string | undefined): ErrorCategory {
  if (
    code === "rate_limit_exceeded" || code === "insufficient_quota" || type === "tokens" ||
    type === "requests"
  ) {
    return "rate_limit";
  }
  if (type === "server_error") return "server";
  if (type === "invalid_request_error") return "invalid_request";
  return "unknown";
}

/**
 * Anthropic HTTP failure → {@link ProviderError}. Body: `{type: "error", error: {type, message}}`.
 *
 * @see https://docs.anthropic.com/en/api/errors
 * @module
 */

import { ProviderError } from "../../common/errors.ts";
import { categoryForStatus } from "../../codec/http.ts";
import { isJsonObject } from "../../codec/json.ts";
import { providerErrorFromHttp, stringField } from "../../codec/provider_error.ts";
import type { JsonObject } from "../../common/json_object.ts";

/**
 * Maps an Anthropic error response (status, body, headers) to a canonical error.
 *
 * @param status HTTP status (529 is `overloaded_error`, a server error).
 * @param body Response body text.
 * @param headers Response headers (`retry-after`).
 * @returns The error; never throws.
 *
 * @example
 * ```ts
 * import { anthropic } from "@rosetta/llm";
 * import assert from "node:assert/strict";
 * const error = anthropic.errorFromResponse(429, '{"type":"error","error":{"type":"rate_limit_error","message":"slow down"}}', new Headers({ "retry-after": "12" }));
 * assert.equal(error.category, "rate_limit");
 * assert.equal(error.retryAfterMs, 12000);
 * ```
 */
export function anthropicErrorFromResponse(
  status: number,
  body: string,
  headers?: Headers,
): ProviderError {
  return providerErrorFromHttp("anthropic", status, body, headers, (json) => {
    const error = isJsonObject(json.error) ? json.error : undefined;
    return { message: stringField(error, "message"), code: stringField(error, "type") };
  });
}

// Documented HTTP status of each error type, so that in-stream errors (sent after a 200)
// get the same categories as HTTP ones.
const STATUS_BY_TYPE: Record<string, number> = {
  invalid_request_error: 400,
  authentication_error: 401,
  permission_error: 403,
  not_found_error: 404,
  request_too_large: 413,
  rate_limit_error: 429,
  api_error: 500,
  timeout_error: 504,
  overloaded_error: 529,
};

/**
 * Maps an in-stream `error` event (`{type: "error", error: {type, message}}`).
 *
 * @param json The event's parsed data.
 * @returns The error.
 */
export function anthropicStreamError(json: JsonObject): ProviderError {
  const error = isJsonObject(json.error) ? json.error : undefined;
  const code = stringField(error, "type");
  const status = code === undefined ? undefined : STATUS_BY_TYPE[code];
  return new ProviderError(
    status === undefined ? "unknown" : categoryForStatus(status),
    stringField(error, "message") ?? "Stream error",
    { provider: "anthropic", code },
  );
}

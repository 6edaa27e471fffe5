/**
 * Anthropic HTTP failure → {@link ProviderError}. Body: `{type: "error", error: {type, message}}`.
 *
 * @see https://docs.anthropic.com/en/api/errors
 * @module
 */

import type { ProviderError } from "../../common/errors.ts";
import { isJsonObject } from "../../common/json.ts";
import { providerErrorFromHttp, stringField } from "../../common/provider_error.ts";

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
 * const error = anthropic.parseError(429, '{"type":"error","error":{"type":"rate_limit_error","message":"slow down"}}', new Headers({ "retry-after": "12" }));
 * assert.equal(error.category, "rate_limit");
 * assert.equal(error.retryAfterMs, 12000);
 * ```
 */
export function parseAnthropicError(
  status: number,
  body: string,
  headers?: Headers,
): ProviderError {
  return providerErrorFromHttp("anthropic", status, body, headers, (json) => {
    const error = isJsonObject(json.error) ? json.error : undefined;
    return { message: stringField(error, "message"), code: stringField(error, "type") };
  });
}

/**
 * Responses HTTP failures and in-stream errors → {@link ProviderError}, with the categories and
 * retry hints of Chat Completions: the error object is OpenAI's one (`common/openai/errors.ts`).
 * In a stream it is the `error` event itself (`code`, `message`, `param`) or a failed response's
 * `error` (`code`, `message`).
 *
 * @see https://platform.openai.com/docs/guides/error-codes
 * @see https://platform.openai.com/docs/api-reference/responses-streaming/error
 * @module
 */

import type { ProviderError } from "../../common/errors.ts";
import { openAIErrorOf, openAIHttpError } from "../openai-shared/errors.ts";
import type { JsonObject } from "../../common/json_object.ts";
import { PROVIDER } from "./mappers.ts";

/**
 * Maps a Responses API error response to a canonical error.
 *
 * @param status HTTP status.
 * @param body Response body text.
 * @param headers Response headers (`retry-after-ms`, `retry-after`).
 * @returns The error; never throws.
 *
 * @example
 * ```ts
 * import { openaiResponses } from "@rosetta/llm";
 * import assert from "node:assert/strict";
 * const error = openaiResponses.errorFromResponse(
 *   429,
 *   '{"error":{"message":"Rate limit reached","type":"tokens","param":null,"code":"rate_limit_exceeded"}}',
 *   new Headers({ "retry-after-ms": "1400" }),
 * );
 * assert.deepEqual([error.category, error.retryAfterMs], ["rate_limit", 1400]);
 * ```
 */
export function openAIResponsesErrorFromResponse(
  status: number,
  body: string,
  headers?: Headers,
): ProviderError {
  return openAIHttpError(PROVIDER, status, body, headers);
}

/**
 * Maps an error reported without an HTTP status: an `error` event, or a failed response's
 * `error` object.
 *
 * @param error The object holding `code` and `message`.
 * @returns The error, categorized by its code.
 */
export function responsesError(provider: string, error: JsonObject): ProviderError {
  return openAIErrorOf(provider, error);
}

/**
 * Bedrock failures → {@link ProviderError}. Over HTTP the exception's name comes in the
 * `x-amzn-errortype` header (`ThrottlingException:http://internal.amazon.com/…`, the part before
 * the colon), the body is `{"message": …}` (some proxies put the name in the body's `__type`
 * instead); inside a ConverseStream it is an exception frame whose `:exception-type` header names
 * it (`throttlingException`) and whose payload is `{"message": …}`. Each name has its documented
 * status, so both give the same category.
 *
 * @see https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_Converse.html#API_runtime_Converse_Errors
 * @see https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_ConverseStreamOutput.html
 * @module
 */

import { type ErrorCategory, ProviderError } from "../../common/errors.ts";
import { categoryForStatus } from "../../codec/http.ts";
import { providerErrorFromHttp, stringField } from "../../codec/provider_error.ts";
import type { JsonObject } from "../../common/json_object.ts";

// The documented status of each exception, and a category where the status misleads:
// ModelNotReadyException is a 429 that says "the model is loading, retry" (server, not a quota);
// ModelStreamErrorException and ModelErrorException are 424s the docs say to retry.
const EXCEPTIONS: Record<string, [status: number, category?: ErrorCategory]> = {
  ValidationException: [400],
  AccessDeniedException: [403],
  ResourceNotFoundException: [404],
  ModelTimeoutException: [408],
  ModelErrorException: [424, "server"],
  ModelStreamErrorException: [424, "server"],
  ThrottlingException: [429],
  ModelNotReadyException: [429, "server"],
  ServiceQuotaExceededException: [400, "rate_limit"],
  InternalServerException: [500],
  ServiceUnavailableException: [503],
};

/**
 * An exception's name as AWS spells its class: the header's part before `:`, the body's part
 * after `#`, and the stream's camel case (`throttlingException`) capitalized.
 *
 * @param raw The name as found.
 * @returns e.g. `ThrottlingException`, or undefined for an empty name.
 */
export function exceptionName(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const colon = raw.indexOf(":");
  const name = (colon < 0 ? raw : raw.slice(0, colon)).slice(raw.lastIndexOf("#") + 1).trim();
  return name === "" ? undefined : name[0].toUpperCase() + name.slice(1);
}

function categoryOf(code: string | undefined): ErrorCategory | undefined {
  const known = code === undefined ? undefined : EXCEPTIONS[code];
  return known === undefined ? undefined : known[1] ?? categoryForStatus(known[0]);
}

/**
 * Maps a Bedrock error response (status, body, headers) to a canonical error.
 *
 * @param status HTTP status.
 * @param body Response body text.
 * @param headers Response headers (`x-amzn-errortype`, `retry-after`).
 * @returns The error; never throws.
 *
 * @example
 * ```ts
 * import { bedrock } from "@rosetta/llm/bedrock";
 * import assert from "node:assert/strict";
 * const error = bedrock.errorFromResponse(429, '{"message":"Too many requests"}', new Headers({ "x-amzn-errortype": "ThrottlingException:http://internal.amazon.com/coral/com.amazon.bedrock/" }));
 * assert.deepEqual([error.category, error.code, error.message], ["rate_limit", "ThrottlingException", "Too many requests"]);
 * ```
 */
export function bedrockErrorFromResponse(
  status: number,
  body: string,
  headers?: Headers,
): ProviderError {
  if (status === 403) body = redactSessionToken(body);
  const header = exceptionName(headers?.get("x-amzn-errortype") ?? undefined);
  const error = providerErrorFromHttp("bedrock", status, body, headers, (json) => {
    const code = header ?? exceptionName(stringField(json, "__type"));
    const message = stringField(json, "message") ?? stringField(json, "Message");
    return { message, code, category: categoryOf(code) };
  });
  if (error.code !== undefined || header === undefined) return error;
  // A body that is not JSON still has the header's name.
  return new ProviderError(categoryOf(header) ?? error.category, error.message, {
    provider: "bedrock",
    status,
    code: header,
    retryAfterMs: error.retryAfterMs,
  });
}

// A signature error (403) may quote the canonical request, session token included; the client
// scrubs its API key from errors, but a signing call has none to scrub. Only 403s are scanned:
// the scan on every error body read +7–9% in parse: error responses.
const SESSION_TOKEN = /(x-amz-security-token[:=])[^\s'"\\&]+/gi;

function redactSessionToken(text: string): string {
  return text.replace(SESSION_TOKEN, "$1[redacted]");
}

/**
 * Maps an exception frame of a ConverseStream.
 *
 * @param type The `:exception-type` header, e.g. `modelStreamErrorException`.
 * @param payload The frame's parsed payload, `{"message": …}`.
 * @returns The error.
 */
export function bedrockStreamError(type: string | undefined, payload: JsonObject): ProviderError {
  const code = exceptionName(type);
  return new ProviderError(
    categoryOf(code) ?? "unknown",
    stringField(payload, "message") ?? stringField(payload, "Message") ?? "Stream error",
    { provider: "bedrock", code },
  );
}

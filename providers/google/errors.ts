/**
 * Gemini HTTP failure → {@link ProviderError}. Body: `{error: {code, message, status, details}}`,
 * with the retry delay in a `google.rpc.RetryInfo` detail.
 *
 * @see https://ai.google.dev/gemini-api/docs/troubleshooting
 * @module
 */

import { ProviderError } from "../../common/errors.ts";
import { categoryForStatus } from "../../codec/http.ts";
import { isJsonObject } from "../../codec/json.ts";
import {
  type ErrorDetails,
  providerErrorFromHttp,
  stringField,
} from "../../codec/provider_error.ts";
import type { JsonObject } from "../../common/json_object.ts";

/**
 * Reads a protobuf Duration string such as `"34.4s"` as milliseconds.
 *
 * @param value The duration text.
 * @returns Milliseconds, or undefined if it is not a duration.
 */
export function durationToMs(value: unknown): number | undefined {
  if (typeof value !== "string" || !value.endsWith("s")) return undefined;
  const seconds = Number(value.slice(0, -1));
  return Number.isFinite(seconds) && value.length > 1 ? Math.round(seconds * 1000) : undefined;
}

/**
 * Reads Gemini's `error` object (HTTP bodies and in-stream errors share it).
 *
 * @param json A body or stream chunk holding `error`.
 * @returns Message, status code and retry delay.
 */
export function readGoogleError(json: JsonObject): ErrorDetails {
  const error = isJsonObject(json.error) ? json.error : undefined;
  let retryAfterMs: number | undefined;
  const details = error?.details;
  if (Array.isArray(details)) {
    for (const detail of details) {
      if (isJsonObject(detail) && detail.retryDelay !== undefined) {
        retryAfterMs = durationToMs(detail.retryDelay);
      }
    }
  }
  return {
    message: stringField(error, "message"),
    code: stringField(error, "status"),
    retryAfterMs,
  };
}

/**
 * Maps a Gemini error response to a canonical error.
 *
 * @param status HTTP status.
 * @param body Response body text.
 * @param headers Response headers (`retry-after`, used when the body has no RetryInfo).
 * @returns The error; never throws.
 *
 * @example
 * ```ts
 * import { google } from "@rosetta/llm";
 * import assert from "node:assert/strict";
 * const error = google.errorFromResponse(429, JSON.stringify({ error: { code: 429, message: "Quota", status: "RESOURCE_EXHAUSTED",
 *   details: [{ "@type": "type.googleapis.com/google.rpc.RetryInfo", retryDelay: "34.4s" }] } }));
 * assert.equal(error.retryAfterMs, 34400);
 * ```
 */
export function googleErrorFromResponse(
  status: number,
  body: string,
  headers?: Headers,
): ProviderError {
  return providerErrorFromHttp("google", status, body, headers, readGoogleError);
}

/**
 * Maps an `error` object sent inside a stream; its `code` is the HTTP status it stands for.
 *
 * @param json The chunk holding `error`.
 * @returns The error.
 */
export function googleStreamError(json: JsonObject): ProviderError {
  const details = readGoogleError(json);
  const code = (json.error as JsonObject).code;
  return new ProviderError(
    typeof code === "number" ? categoryForStatus(code) : "unknown",
    details.message ?? "Stream error",
    { provider: "google", code: details.code, retryAfterMs: details.retryAfterMs },
  );
}

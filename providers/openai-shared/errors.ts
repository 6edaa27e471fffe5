/**
 * OpenAI's error object, the same for its two dialects: `{message, type, param, code}`, under
 * `error` in an HTTP body or a Chat Completions chunk, and as a failed response's `error` or a
 * Responses `error` event. Categories and retry hints are therefore the same for both.
 *
 * @see https://platform.openai.com/docs/guides/error-codes
 * @module
 */

import { type ErrorCategory, ProviderError } from "../../common/errors.ts";
import { isJsonObject } from "../../codec/json.ts";
import {
  type ErrorDetails,
  providerErrorFromHttp,
  stringField,
} from "../../codec/provider_error.ts";
import type { JsonObject } from "../../common/json_object.ts";

// Codes that mean a policy blocked the request or the answer.
function isPolicyCode(code: string | undefined): boolean {
  switch (code) {
    case "content_filter":
    case "content_policy_violation":
    case "image_content_policy_violation":
    case "bio_policy":
      return true;
  }
  return false;
}

/**
 * Reads an OpenAI error object.
 *
 * @param error The object holding `message`, `type` and `code`, if there is one.
 * @returns Message, code (else type) and, for policy codes, the content_filter category.
 */
function openAIErrorDetails(error: JsonObject | undefined): ErrorDetails {
  const code = stringField(error, "code") ?? stringField(error, "type");
  return {
    message: stringField(error, "message"),
    code,
    category: isPolicyCode(code) ? "content_filter" : undefined,
  };
}

/**
 * Maps an OpenAI HTTP error response to a canonical error.
 *
 * @param provider The dialect that was called.
 * @param status HTTP status.
 * @param body Response body text.
 * @param headers Response headers (`retry-after-ms`, `retry-after`).
 * @returns The error; never throws.
 */
export function openAIHttpError(
  provider: string,
  status: number,
  body: string,
  headers: Headers | undefined,
): ProviderError {
  return providerErrorFromHttp(provider, status, body, headers, readBody);
}

// A module function, not a closure per call: the error path is measured too. Compatible hosts
// may put the error object at the top (Mistral: `{"object": "error", "message": …}`), its message
// a validation report (`{"detail": [{"loc": […], "msg": …}]}`).
function readBody(json: JsonObject): ErrorDetails {
  if (isJsonObject(json.error)) return openAIErrorDetails(json.error);
  if (json.object !== "error") return openAIErrorDetails(undefined);
  const details = openAIErrorDetails(json);
  return isJsonObject(json.message)
    ? { ...details, message: validationMessage(json.message) }
    : details;
}

function validationMessage(report: JsonObject): string | undefined {
  const detail = report.detail;
  if (!Array.isArray(detail)) return undefined;
  return detail.map((item) => {
    if (!isJsonObject(item)) return String(item);
    const where = Array.isArray(item.loc) ? item.loc.join(".") : "";
    return `${where}: ${typeof item.msg === "string" ? item.msg : "invalid"}`;
  }).join("; ");
}

/**
 * Maps an error object that came without an HTTP status (inside a stream, or in a failed
 * response), categorized by its code or type.
 *
 * @param provider The dialect that sent it.
 * @param error The error object.
 * @returns The error.
 */
export function openAIErrorOf(provider: string, error: JsonObject): ProviderError {
  const details = openAIErrorDetails(error);
  return new ProviderError(
    details.category ?? categoryOf(stringField(error, "type"), details.code),
    details.message ?? "Stream error",
    { provider, code: details.code },
  );
}

function categoryOf(type: string | undefined, code: string | undefined): ErrorCategory {
  if (
    code === "rate_limit_exceeded" || code === "insufficient_quota" || type === "tokens" ||
    type === "requests"
  ) {
    return "rate_limit";
  }
  if (type === "server_error" || code === "server_error") return "server";
  if (type === "invalid_request_error") return "invalid_request";
  return "unknown";
}

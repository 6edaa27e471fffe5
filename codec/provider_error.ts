/**
 * The skeleton every provider's `errorFromResponse` shares: read the body as JSON if it is JSON,
 * let the provider pick out message and code, fill the category and retry-after. Never throws:
 * a proxy's HTML page still becomes a {@link ProviderError}.
 *
 * @module
 */

import { type ErrorCategory, ProviderError } from "../common/errors.ts";
import { categoryForStatus, messageFromText, retryAfterFromHeaders } from "./http.ts";
import { isJsonObject } from "./json.ts";
import type { JsonObject } from "../common/json_object.ts";

/** What a provider reads from its own error body. */
export interface ErrorDetails {
  /** The human-readable message. */
  message?: string;
  /** The provider's code or type. */
  code?: string;
  /** A category the body makes more precise than the status does. */
  category?: ErrorCategory;
  /** A retry delay found in the body. */
  retryAfterMs?: number;
}

/**
 * Builds a {@link ProviderError} from an HTTP failure.
 *
 * @param provider The provider.
 * @param status HTTP status.
 * @param body Response body text.
 * @param headers Response headers.
 * @param read Picks message and code out of the provider's error JSON.
 * @returns The error.
 */
export function providerErrorFromHttp(
  provider: string,
  status: number,
  body: string,
  headers: Headers | undefined,
  read: (json: JsonObject) => ErrorDetails,
): ProviderError {
  let details: ErrorDetails = {};
  try {
    const json: unknown = JSON.parse(body);
    if (isJsonObject(json)) details = read(json);
  } catch {
    // Not JSON: the text itself becomes the message below.
  }
  return new ProviderError(
    details.category ?? categoryForStatus(status),
    details.message ?? messageFromText(status, body),
    {
      provider,
      status,
      code: details.code,
      retryAfterMs: details.retryAfterMs ?? retryAfterFromHeaders(headers),
    },
  );
}

/**
 * Reads a string field, or undefined when absent or of another type.
 *
 * @param object Any JSON object.
 * @param key The field.
 * @returns The string or undefined.
 */
export function stringField(object: JsonObject | undefined, key: string): string | undefined {
  const value = object?.[key];
  return typeof value === "string" ? value : undefined;
}

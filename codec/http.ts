/**
 * HTTP facts every provider shares: status → error category, and the retry-after headers.
 *
 * @module
 */

import type { ErrorCategory } from "../common/errors.ts";

/**
 * Maps an HTTP status to a canonical error category.
 *
 * @param status HTTP status code.
 * @returns The category: 401/403 auth, 429 rate_limit, 400/413/422 invalid_request, 404
 * not_found, 408/504 timeout, other 5xx (and Anthropic's 529) server, else unknown.
 */
export function categoryForStatus(status: number): ErrorCategory {
  switch (status) {
    case 400:
    case 413:
    case 422:
      return "invalid_request";
    case 401:
    case 403:
      return "auth";
    case 404:
      return "not_found";
    case 408:
    case 504:
      return "timeout";
    case 429:
      return "rate_limit";
  }
  return status >= 500 && status <= 599 ? "server" : "unknown";
}

/**
 * Reads `retry-after-ms` (milliseconds) or `retry-after` (seconds or an HTTP date).
 *
 * @param headers Response headers, if any.
 * @param now Current time in ms, for HTTP-date values.
 * @returns Milliseconds to wait, or undefined when no usable header is present.
 */
export function retryAfterFromHeaders(
  headers: Headers | undefined,
  now: number = Date.now(),
): number | undefined {
  if (headers === undefined) return undefined;
  const ms = headers.get("retry-after-ms");
  if (ms !== null && ms.trim() !== "" && Number.isFinite(Number(ms))) {
    return Math.max(0, Number(ms));
  }
  const after = headers.get("retry-after");
  if (after === null || after.trim() === "") return undefined;
  const seconds = Number(after);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(after);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * Shortens a non-JSON error body (an HTML page from a proxy, say) to use as a message.
 *
 * @param status HTTP status code.
 * @param body The body text.
 * @returns A one-line message.
 */
export function messageFromText(status: number, body: string): string {
  const text = body.replace(/\s+/g, " ").trim();
  if (text === "") return `HTTP ${status}`;
  return text.length > 200 ? `HTTP ${status}: ${text.slice(0, 200)}…` : `HTTP ${status}: ${text}`;
}

/**
 * When to try a failed request again, and how long to wait first: exponential backoff with full
 * jitter, or exactly what the provider asked for (`retry-after`, `retry-after-ms`, Gemini's
 * `RetryInfo`, already read into {@link ProviderError.retryAfterMs}).
 *
 * @module
 */

import type { ErrorCategory, ProviderError } from "../common/errors.ts";

/** The first backoff's ceiling; each retry doubles it. */
export const BACKOFF_BASE_MS = 500;
/** The largest backoff ceiling. */
export const BACKOFF_MAX_MS = 8_000;
/**
 * The longest wait a provider may ask for and still be retried within the call: past it the
 * error goes to the caller, with its `retryAfterMs`, to schedule the retry itself.
 */
export const RETRY_AFTER_MAX_MS = 60_000;

/**
 * The categories a client retries, and a fallback client moves on after by default: transient
 * failures. A timeout reaches here only before any byte arrived: a stream that started is never
 * retried, and the call's own deadline leaves no time to retry.
 */
export const RETRYABLE: ReadonlySet<ErrorCategory> = new Set([
  "rate_limit",
  "server",
  "timeout",
  "network",
]);

/** Waits `ms`, or rejects with the signal's reason as soon as it aborts. */
export type Sleep = (ms: number, signal: AbortSignal) => Promise<void>;

/** What a retry decision needs besides the error. */
export interface RetryPolicy {
  /** Retries allowed after the first attempt. */
  maxRetries: number;
  /** A number in [0, 1): the jitter. */
  random: () => number;
}

/**
 * The backoff before retry number `retry`: uniform in [0, min(8 s, 500 ms · 2^(retry − 1))).
 *
 * @param retry 1 for the first retry.
 * @param random A number in [0, 1).
 * @returns Milliseconds to wait.
 */
export function backoffMs(retry: number, random: () => number): number {
  return Math.floor(random() * Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** (retry - 1)));
}

/**
 * How long to wait before trying again after `error`, or undefined to give up: when the
 * failure is not transient, the retries are spent, the provider asks for more than
 * {@link RETRY_AFTER_MAX_MS}, or the wait would outlast the call's deadline.
 *
 * @param error The attempt's failure.
 * @param attempt Attempts made so far (1 after the first).
 * @param policy Retry count and jitter.
 * @param remainingMs Time left before the call's deadline.
 * @returns Milliseconds to wait, or undefined.
 */
export function retryDelay(
  error: ProviderError,
  attempt: number,
  policy: RetryPolicy,
  remainingMs: number,
): number | undefined {
  if (attempt > policy.maxRetries || !RETRYABLE.has(error.category)) return undefined;
  const wait = error.retryAfterMs ?? backoffMs(attempt, policy.random);
  return wait > RETRY_AFTER_MAX_MS || wait >= remainingMs ? undefined : wait;
}

/**
 * The default {@link Sleep}: a timer that is cleared when the signal aborts.
 *
 * @param ms Milliseconds.
 * @param signal Cuts the wait short.
 * @returns Settles after the wait, or rejects with the signal's reason.
 */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal.addEventListener("abort", onAbort, { once: true });
  });
}

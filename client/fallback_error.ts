/**
 * What a fallback client reports about the targets that failed: one {@link FallbackAttempt} per
 * target, and the {@link FallbackError} a call rejects with when every target failed.
 *
 * @module
 */

import { type ErrorCategory, type ProviderError, RosettaError } from "../common/errors.ts";

/** A target that failed during a fallback client's call. */
export interface FallbackAttempt {
  /** The target's provider (its registry or host name). */
  provider: string;
  /** The model asked for. */
  model: string;
  /** Why it failed, after its own retries (`error.attempts` counts its requests). */
  error: ProviderError;
}

/**
 * Every target of a fallback client failed with an error it falls back on. `category` is the
 * last target's; `attempts` lists each target's error in order.
 *
 * @example Recognise the error and read each target's failure
 * ```ts
 * import { FallbackError, ProviderError } from "@rosetta/llm";
 * import assert from "node:assert/strict";
 * const error = new FallbackError([
 *   { provider: "anthropic", model: "claude-sonnet-4-5", error: new ProviderError("server", "Overloaded", { status: 529 }) },
 *   { provider: "openai", model: "gpt-4o", error: new ProviderError("rate_limit", "Slow down", { status: 429 }) },
 * ]);
 * assert.ok(FallbackError.isInstance(error) && error.category === "rate_limit");
 * assert.deepEqual(error.attempts.map((attempt) => attempt.error.status), [529, 429]);
 * ```
 */
export class FallbackError extends RosettaError {
  /** The last target's error category, to switch on. */
  readonly category: ErrorCategory;
  /** Each target's failure, in the order they were tried. */
  readonly attempts: FallbackAttempt[];

  /**
   * @param attempts Each target's failure, in order; at least one.
   */
  constructor(attempts: FallbackAttempt[]) {
    const last = attempts[attempts.length - 1].error;
    const each = attempts.map(({ provider, model, error }) =>
      `${provider} ${model} failed with ${error.category}${
        error.status === undefined ? "" : ` (${error.status})`
      }: ${error.message}`
    );
    super(`Cannot complete request with any target: ${each.join("; ")}`, { cause: last });
    this.name = "FallbackError";
    this.category = last.category;
    this.attempts = attempts;
  }

  /** @inheritdoc */
  static override isInstance(value: unknown): value is FallbackError {
    return RosettaError.isInstance(value) && value.name === "FallbackError";
  }
}

/**
 * One fallback client call's walk down its targets: which target is current, what a failure
 * means (move on, or end the call with it), the failed attempts, and the `fallback` event.
 * `complete` and the stream share it, so both decide the same way.
 *
 * @module
 */

import { type ErrorCategory, ProviderError } from "../common/errors.ts";
import type { ChatRequest } from "../common/types.ts";
import type { Client } from "./client.ts";
import { type FallbackAttempt, FallbackError } from "./fallback_error.ts";
import type { FallbackClientEvent } from "./fallback_events.ts";

/** A target ready to call. */
export interface ReadyTarget {
  /** Its own client: key, endpoint, retries, timeouts, concurrency. */
  client: Client;
  /** The model it is asked for. */
  model: string;
}

/** What every call of one fallback client shares. */
export interface FallbackSettings {
  /** In order. */
  targets: ReadyTarget[];
  /** The categories to move on after: the retried ones and the caller's. */
  fallbackOn: ReadonlySet<ErrorCategory>;
  /** The hook, if any. */
  onEvent?: (event: FallbackClientEvent) => void;
  /** The number of the call that failed with each error, from its `done` event. */
  calls: WeakMap<object, number>;
}

/** One call's walk down the targets. */
export class FallbackRun {
  /** The targets that failed so far, in order. */
  readonly attempts: FallbackAttempt[] = [];
  readonly #s: FallbackSettings;
  readonly #signal?: AbortSignal;
  readonly #start = performance.now();
  #index = 0;

  /**
   * @param settings The client's settings.
   * @param signal The caller's abort signal: once it aborts, no target is tried again.
   */
  constructor(settings: FallbackSettings, signal?: AbortSignal) {
    this.#s = settings;
    this.#signal = signal;
  }

  /** The target to call now. */
  get target(): ReadyTarget {
    return this.#s.targets[this.#index];
  }

  /**
   * The request for the current target: the caller's, with the target's model.
   *
   * @param request The caller's request.
   * @returns A shallow copy with `model` replaced.
   */
  request(request: Omit<ChatRequest, "model">): ChatRequest {
    return { ...request, model: this.target.model };
  }

  /**
   * Takes the current target's failure: moves on to the next target and tells the hook, or
   * throws what the call ends with — the error itself (an abort reason, a validation error, a
   * category not to fall back on), or a {@link FallbackError} once no target is left.
   *
   * @param error What the current target's call threw.
   * @throws The call's final error.
   */
  fail(error: unknown): void {
    if (
      this.#signal?.aborted || !ProviderError.isInstance(error) ||
      !this.#s.fallbackOn.has(error.category)
    ) {
      throw error;
    }
    const failed = this.target;
    const provider = failed.client.provider.name;
    this.attempts.push({ provider, model: failed.model, error });
    if (++this.#index === this.#s.targets.length) throw new FallbackError(this.attempts);
    if (this.#s.onEvent === undefined) return;
    const next = this.target;
    try {
      this.#s.onEvent({
        type: "fallback",
        call: this.#s.calls.get(error) ?? 0,
        provider,
        elapsedMs: performance.now() - this.#start,
        target: this.#index - 1,
        model: failed.model,
        error,
        next: { provider: next.client.provider.name, model: next.model },
      });
    } catch {
      // A hook must not break the call it observes.
    }
  }
}

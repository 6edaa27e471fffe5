/**
 * The one way a serializer refuses a request field, beside the errors it throws — and a
 * collecting mode, for `explain`, in which every refusal of one serialization is recorded
 * instead of the first being thrown.
 *
 * @module
 */

import { ValidationError } from "./errors.ts";

// Set only while collectRefusals runs (serialization is synchronous, so no other call sees it).
let collected: ValidationError[] | undefined;

/**
 * Throws the {@link ValidationError} for a request field that cannot be sent; inside
 * {@link collectRefusals}, records it and returns, so that serialization goes on to the next.
 *
 * @param provider The provider the request is being serialized for.
 * @param path The field, e.g. `stopSequences` or `thinking.effort`.
 * @param detail What is wrong with it, read after the path.
 * @throws {ValidationError} Always, outside {@link collectRefusals}.
 */
export function refuse(provider: string, path: string, detail: string): never {
  const error = new ValidationError(`Cannot serialize request for ${provider}: ${path} ${detail}`, {
    provider,
    path,
  });
  if (collected === undefined) throw error;
  collected.push(error);
  return undefined as never;
}

/** What {@link collectRefusals} gives back. */
export interface CollectedRefusals<T> {
  /** What `run` returned, when it returned. */
  value?: T;
  /** Every refusal, in the order met; a ValidationError `run` threw (not through refuse) last. */
  refusals: ValidationError[];
  /** Anything else `run` threw after a refusal: the serializer stumbling on a refused value. */
  thrown?: unknown;
}

/**
 * Runs a serialization recording every refusal instead of throwing the first. Past a refusal the
 * serializer works on a value it would not have accepted, so give it a copy of the request
 * (nothing it caches may outlive the run) and keep its output only when nothing was refused.
 *
 * @param run The serialization, synchronous.
 * @returns Its value and the refusals.
 * @throws What `run` threw when it refused nothing: an error of its own, not a refusal.
 *
 * @example Two refusals from one run
 * ```ts
 * import { collectRefusals, refuse } from "./refuse.ts";
 * import assert from "node:assert/strict";
 * const { refusals } = collectRefusals(() => {
 *   refuse("p", "temperature", "must be at most 1");
 *   refuse("p", "topK", "is not supported");
 * });
 * assert.deepEqual(refusals.map((r) => r.path), ["temperature", "topK"]);
 * ```
 */
export function collectRefusals<T>(run: () => T): CollectedRefusals<T> {
  const outer = collected;
  const refusals: ValidationError[] = [];
  collected = refusals;
  try {
    return { value: run(), refusals };
  } catch (error) {
    if (ValidationError.isInstance(error)) return { refusals: [...refusals, error] };
    if (refusals.length === 0) throw error;
    return { refusals, thrown: error };
  } finally {
    collected = outer;
  }
}

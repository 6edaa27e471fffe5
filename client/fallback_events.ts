/**
 * What a fallback client reports to its `onEvent` hook: every event of its targets' clients,
 * plus a {@link FallbackEvent} each time a call moves on to the next target.
 *
 * @module
 */

import type { ProviderError } from "../common/errors.ts";
import type { ClientEvent, ClientEventBase } from "./events.ts";

/** A target failed and the call moves on to the next one. */
export interface FallbackEvent extends ClientEventBase {
  /** Discriminant. */
  type: "fallback";
  /**
   * The failed target's call: its `request`, `retry` and `done` events carry the same number,
   * and the next target's call has a number of its own.
   */
  call: number;
  /** The failed target's provider. */
  provider: string;
  /** Milliseconds since the fallback client's call began (every target so far included). */
  elapsedMs: number;
  /** The failed target's position in `targets` (0 for the first). */
  target: number;
  /** The model the failed target was asked for. */
  model: string;
  /** Why it failed, after its own retries. */
  error: ProviderError;
  /** The target tried next. */
  next: { provider: string; model: string };
}

/** Every event a fallback client's hook hears, discriminated on `type`. */
export type FallbackClientEvent = ClientEvent | FallbackEvent;

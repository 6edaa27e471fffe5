/**
 * An idle watchdog for a stream: it fires when one wait (for the response headers, or for the
 * next chunk) lasts longer than the limit. Waits are cheap to mark — one clock read — because
 * the single timer is re-armed lazily, only when it fires before the limit has passed.
 *
 * @module
 */

/** Fires `onIdle` once a marked wait lasts `ms`. */
export class IdleTimer {
  readonly #ms: number;
  readonly #onIdle: () => void;
  #timer?: ReturnType<typeof setTimeout>;
  // When the current wait began, or -1 when nothing is awaited (the consumer is busy).
  #since = -1;

  /**
   * @param ms The longest wait.
   * @param onIdle Called once, when a wait exceeds `ms`.
   */
  constructor(ms: number, onIdle: () => void) {
    this.#ms = ms;
    this.#onIdle = onIdle;
  }

  /** A wait begins. */
  wait(): void {
    this.#since = performance.now();
    if (this.#timer === undefined) this.#arm(this.#ms);
  }

  /** The wait ended: something arrived. */
  arrived(): void {
    this.#since = -1;
  }

  /** Stops watching for good. */
  stop(): void {
    this.#since = -1;
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #arm(ms: number): void {
    this.#timer = setTimeout(this.#check, ms);
  }

  #check = (): void => {
    this.#timer = undefined;
    if (this.#since < 0) return;
    const waited = performance.now() - this.#since;
    if (waited >= this.#ms) {
      this.#since = -1;
      this.#onIdle();
    } else {
      this.#arm(this.#ms - waited);
    }
  };
}

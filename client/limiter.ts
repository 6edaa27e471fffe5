/**
 * A concurrency cap: at most `limit` holders at once, the rest wait in a FIFO queue. A waiter
 * whose signal aborts leaves the queue at once and rejects with the signal's reason.
 *
 * @module
 */

interface Waiter {
  resolve: () => void;
  signal: AbortSignal;
  onAbort: () => void;
}

/** A counting semaphore with a FIFO queue. */
export class Limiter {
  readonly #limit: number;
  #active = 0;
  // A Set iterates in insertion order (FIFO) and deletes an aborted waiter in O(1).
  readonly #queue = new Set<Waiter>();

  /** @param limit Holders at once, at least 1. */
  constructor(limit: number) {
    this.#limit = limit;
  }

  /** Holders now. */
  get active(): number {
    return this.#active;
  }

  /** Waiters now. */
  get queued(): number {
    return this.#queue.size;
  }

  /**
   * Takes a slot, waiting for one if all are held.
   *
   * @param signal Aborting it while queued leaves the queue.
   * @returns Settles when the slot is taken; rejects with the signal's reason.
   */
  acquire(signal: AbortSignal): Promise<void> {
    if (signal.aborted) return Promise.reject(signal.reason);
    if (this.#active < this.#limit) {
      this.#active++;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        resolve,
        signal,
        onAbort: () => {
          this.#queue.delete(waiter);
          reject(signal.reason);
        },
      };
      signal.addEventListener("abort", waiter.onAbort, { once: true });
      this.#queue.add(waiter);
    });
  }

  /** Gives a slot back: the longest waiter takes it. */
  release(): void {
    for (const waiter of this.#queue) {
      this.#queue.delete(waiter);
      waiter.signal.removeEventListener("abort", waiter.onAbort);
      waiter.resolve();
      return;
    }
    this.#active--;
  }
}

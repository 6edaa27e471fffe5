/**
 * Allocation figures on Bun from `bun:jsc`: bytes asked of mimalloc — string and buffer storage,
 * and new heap blocks — not JS objects (see `alloc.ts`). Undefined on other runtimes.
 *
 * @module
 */

import { onBun } from "./runtime.ts";

interface JscHeapStats {
  mimalloc?: { malloc_requested: number };
}
interface Jsc {
  heapStats(): JscHeapStats;
}

const jsc: Jsc | undefined = onBun ? await import("bun:" + "jsc") : undefined;

/** Runs per figure; the smallest keeps other threads' allocations (JIT compiles) out. */
const RUNS = 3;

/** Bytes asked of mimalloc by `run()`: mimalloc's cumulative `malloc_requested`. */
async function requestedBy(run: () => Promise<void>): Promise<number> {
  const before = jsc!.heapStats().mimalloc!.malloc_requested;
  await run();
  return jsc!.heapStats().mimalloc!.malloc_requested - before;
}

async function leastRequestedBy(run: () => Promise<void>): Promise<number> {
  let least = Infinity;
  for (let i = 0; i < RUNS; i++) least = Math.min(least, await requestedBy(run));
  return least;
}

/** What reading the counters itself asks of mimalloc, taken off every figure (once known). */
let overhead: number | undefined;

/**
 * Bytes `run` asks of mimalloc, the least of three runs less the counters' own cost; undefined
 * when this is not Bun (or a Bun without mimalloc statistics).
 */
export const bunRequested: ((run: () => Promise<void>) => Promise<number>) | undefined =
  jsc?.heapStats().mimalloc
    ? async (run) => {
      overhead ??= await leastRequestedBy(() => Promise.resolve());
      return Math.max(0, (await leastRequestedBy(run)) - overhead);
    }
    : undefined;

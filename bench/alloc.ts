/**
 * Bytes allocated per operation.
 *
 * Node and Deno: GC accounting — heap after − heap before + what each GC in between freed
 * (`node:v8` GCProfiler). Repeats to ±0.02%.
 *
 * Bun: V8's profiler sees no collections there, and JSC counts JS objects nowhere a script can
 * read between collections (`heapSize` and `objectCount` change only at a collection; heap
 * capacity grows only once the free cells a collection left are used up — one case read 5010 and
 * 6631 B/op in two runs). What Bun can count exactly is what is asked of mimalloc: string and
 * buffer storage, and new heap blocks once the free cells run out (`alloc_bun.ts`). That figure
 * repeats to a few bytes in a warm process and moves with every string a change adds (+200 chars
 * per call read +256 B/op) but not with small objects (+8 per call read +0): on Bun the allocation
 * gate covers strings and buffers only. The leak check needs heap in use after a collection, which
 * swings by megabytes there: it stays off on Bun.
 *
 * @module
 */

import v8 from "node:v8";
import process from "node:process";
import { sink } from "./bench.ts";
import { bunRequested } from "./alloc_bun.ts";
import { onBun } from "./runtime.ts";

type Fn = () => unknown;
interface GcEvent {
  beforeGC: { heapStatistics: { usedHeapSize: number } };
  afterGC: { heapStatistics: { usedHeapSize: number } };
}

const collect: (() => void) | undefined = (globalThis as { gc?: () => void }).gc;

/** Whether this runtime can account allocations (GC accounting; Bun's figure is its own). */
export const canMeasureAllocations: boolean = bunRequested !== undefined ||
  (!onBun && collect !== undefined);

/** Runs a full GC; the harness is started with `--expose-gc` for this. */
export function fullGc(): void {
  collect?.();
}

function heapAfterGc(): number {
  fullGc();
  return process.memoryUsage().heapUsed;
}

async function loop(fn: Fn, calls: number, isAsync: boolean): Promise<void> {
  if (isAsync) {
    for (let i = 0; i < calls; i++) sink(await fn());
  } else {
    for (let i = 0; i < calls; i++) sink(fn());
  }
}

/** What one accounted run saw. */
export interface HeapAccount {
  /** Bytes allocated in all. */
  allocated: number;
  /** Largest heap seen (before any GC, and at the end). */
  peak: number;
}

/**
 * Runs `calls` calls under the GC profiler.
 *
 * @param fn The operation.
 * @param calls How many.
 * @param isAsync Whether to await each call.
 * @returns Allocated bytes and peak heap.
 */
export async function account(fn: Fn, calls: number, isAsync: boolean): Promise<HeapAccount> {
  fullGc();
  const profiler = new v8.GCProfiler();
  const before = process.memoryUsage().heapUsed;
  profiler.start();
  await loop(fn, calls, isAsync);
  const stats = profiler.stop() as { statistics: GcEvent[] } | undefined;
  const after = process.memoryUsage().heapUsed;
  let freed = 0;
  let peak = after;
  for (const event of stats?.statistics ?? []) {
    const used = event.beforeGC.heapStatistics.usedHeapSize;
    freed += used - event.afterGC.heapStatistics.usedHeapSize;
    if (used > peak) peak = used;
  }
  return { allocated: after - before + freed, peak };
}

/**
 * Bytes allocated per call: one accounted run. The caller warms the function first (the harness
 * runs it for `allocationMs` right before), so a warm run here would only cost a full collection
 * and as many calls again per case.
 *
 * @param fn The operation (already warmed up by the timing and by the caller).
 * @param isAsync Whether to await each call.
 * @param calls Calls per accounted run.
 * @returns Bytes per call, or null where the runtime cannot tell.
 */
export async function bytesPerCall(
  fn: Fn,
  isAsync: boolean,
  calls: number,
): Promise<number | null> {
  if (!canMeasureAllocations) return null;
  if (bunRequested) return (await bunRequested(() => loop(fn, calls, isAsync))) / calls;
  return (await account(fn, calls, isAsync)).allocated / calls;
}

/** The leak check of a memory case. */
export interface LeakCheck {
  /** Calls per batch. */
  calls: number;
  /**
   * Heap growth after a full GC over a batch of calls, the smaller of two consecutive batches:
   * a leak grows with every batch, a one-off allocation (JIT, caches) does not. ~0 means no leak.
   */
  retained: number;
  /** Peak heap during the run (bytes). */
  peak: number;
}

/**
 * Runs batches of calls and compares the heap after full GCs.
 *
 * @param fn The operation.
 * @param isAsync Whether to await each call.
 * @param calls Calls per batch.
 * @returns Retained bytes and peak heap, or null where unsupported.
 */
export async function leakCheck(
  fn: Fn,
  isAsync: boolean,
  calls: number,
): Promise<LeakCheck | null> {
  if (!canMeasureAllocations || onBun) return null;
  // No warm-up run: the harness has just timed and accounted the function (JIT, caches settled).
  const start = heapAfterGc();
  const first = await account(fn, calls, isAsync);
  const middle = heapAfterGc();
  const second = await account(fn, calls, isAsync);
  const end = heapAfterGc();
  return {
    calls,
    retained: Math.min(middle - start, end - middle),
    peak: Math.max(first.peak, second.peak),
  };
}

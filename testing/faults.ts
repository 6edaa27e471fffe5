/**
 * A response body that misbehaves on purpose: units (SSE events, or the pieces of a JSON body)
 * sent one per pull, with a stall, a cut connection or a drip of random splits where the reply
 * asks for them. Every timer it sets is cleared when the client goes away.
 *
 * @module
 */

/** When the body misbehaves, counted in units. */
export interface BodyPlan {
  /** Error the body (the server cuts the connection) after this many units. */
  disconnectAfter?: number;
  /** Pause after this many units… */
  stallAfter?: number;
  /** …for this long. */
  stallMs?: number;
  /** Split each unit into random 1–64 byte writes from this seed. */
  dripSeed?: number;
}

// Long enough for every runtime's server to flush what was sent before the cut.
const FLUSH_MS = 5;

function xorshift(seed: number): () => number {
  let state = (seed * 2654435761) >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return state >>> 0;
  };
}

function drip(unit: Uint8Array, next: () => number): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let at = 0; at < unit.length;) {
    const size = 1 + (next() % 64);
    out.push(unit.subarray(at, at + size));
    at += size;
  }
  return out;
}

/**
 * The body stream.
 *
 * @param units What to send, in order.
 * @param plan The faults.
 * @returns A byte stream to answer with.
 */
export function faultyBody(units: Uint8Array[], plan: BodyPlan): ReadableStream<Uint8Array> {
  const random = plan.dripSeed === undefined ? undefined : xorshift(plan.dripSeed);
  let sent = 0;
  let stalled = false;
  let cancelled = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let wake: (() => void) | undefined;
  const pending: Uint8Array[] = [];
  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      wake = resolve;
      timer = setTimeout(resolve, ms);
    });
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (pending.length > 0) {
        // A macrotask between drips, so that each goes out in its own write.
        await wait(0);
        if (!cancelled) controller.enqueue(pending.shift()!);
        return;
      }
      if (sent === plan.stallAfter && !stalled) {
        stalled = true;
        await wait(plan.stallMs ?? 0);
      }
      if (cancelled) return;
      if (sent === plan.disconnectAfter) {
        await wait(FLUSH_MS);
        if (!cancelled) controller.error(new Error("mock server: connection cut"));
        return;
      }
      if (sent === units.length) return controller.close();
      const unit = units[sent++];
      if (random === undefined) return controller.enqueue(unit);
      pending.push(...drip(unit, random));
      controller.enqueue(pending.shift()!);
    },
    cancel() {
      cancelled = true;
      clearTimeout(timer);
      wake?.();
    },
  }, { highWaterMark: 0 });
}

/**
 * Cuts a whole body at the byte offsets where faults happen, so that they fall between units.
 *
 * @param bytes The body.
 * @param plan Offsets in bytes.
 * @returns The units and the same plan counted in units.
 */
export function cutBody(
  bytes: Uint8Array,
  plan: BodyPlan,
): { units: Uint8Array[]; plan: BodyPlan } {
  const offsets = [plan.disconnectAfter, plan.stallAfter]
    .filter((n): n is number => n !== undefined && n > 0 && n < bytes.length)
    .sort((a, b) => a - b);
  const units: Uint8Array[] = [];
  let start = 0;
  for (const offset of offsets) {
    if (offset > start) units.push(bytes.subarray(start, offset));
    start = Math.max(start, offset);
  }
  units.push(bytes.subarray(start));
  // A fault at offset n falls after the units that end at or before n.
  const count = (n: number | undefined) => {
    if (n === undefined) return undefined;
    let ends = 0;
    let end = 0;
    for (const unit of units) {
      end += unit.length;
      if (end <= n) ends++;
    }
    return ends;
  };
  return {
    units,
    plan: {
      ...plan,
      disconnectAfter: count(plan.disconnectAfter),
      stallAfter: count(plan.stallAfter),
    },
  };
}

/**
 * Odd but possible inputs for the contract tests: every field of a JSON body or stream event
 * replaced by a value of another type (or removed), and SSE text taken apart into events and put
 * back together.
 *
 * @module
 */

/** What each field is replaced by, in turn; `undefined` removes it. */
export const ODD_VALUES: readonly unknown[] = [null, undefined, 0, -1, "", "x", true, [], {}, [{}]];

/**
 * Every way of replacing one field (at any depth) of a JSON value by one of {@link ODD_VALUES}.
 *
 * @param value A parsed JSON value; not changed.
 * @returns The mutated copies, each with the path it changed.
 */
export function* mutations(value: unknown): Generator<{ path: string; value: unknown }> {
  for (const path of paths(value, [])) {
    for (const odd of ODD_VALUES) {
      const copy = structuredClone(value);
      set(copy, path, odd);
      yield { path: path.join("."), value: copy };
    }
  }
}

function* paths(value: unknown, at: Array<string | number>): Generator<Array<string | number>> {
  if (typeof value !== "object" || value === null) return;
  for (const [key, child] of Object.entries(value)) {
    const path = [...at, Array.isArray(value) ? Number(key) : key];
    yield path;
    yield* paths(child, path);
  }
}

function set(root: unknown, path: Array<string | number>, value: unknown): void {
  let node = root as Record<string | number, unknown>;
  for (let i = 0; i < path.length - 1; i++) {
    node = node[path[i]] as Record<string | number, unknown>;
  }
  const last = path[path.length - 1];
  if (value === undefined && !Array.isArray(node)) delete node[last];
  else node[last] = value;
}

/** One SSE event as written in a fixture. */
export interface SseEvent {
  /** The `event:` name, if any. */
  event?: string;
  /** The `data:` text. */
  data: string;
}

/**
 * Takes well-formed SSE text apart (one `data:` line per event, as the fixtures are written).
 *
 * @param text The stream.
 * @returns Its events, in order.
 */
export function sseEvents(text: string): SseEvent[] {
  return text.split(/\r?\n\r?\n/).filter((block) => block.trim() !== "").map((block) => {
    const lines = block.split(/\r?\n/);
    const event = lines.find((line) => line.startsWith("event: "))?.slice(7);
    const data = lines.find((line) => line.startsWith("data: "))?.slice(6) ?? "";
    return event === undefined ? { data } : { event, data };
  });
}

/**
 * Writes events back as SSE text.
 *
 * @param events The events.
 * @returns The stream.
 */
export function sseText(events: readonly SseEvent[]): string {
  return events.map((e) =>
    `${e.event === undefined ? "" : `event: ${e.event}\n`}data: ${e.data}\n\n`
  )
    .join("");
}

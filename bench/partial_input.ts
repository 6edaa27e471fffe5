/**
 * The `partial` category's inputs: a structured answer of a given size (a list of findings,
 * as a model writes it: short strings, a sentence with escapes and non-ASCII, tags, a number, a
 * boolean) and its text cut into the ~30-character deltas a stream delivers.
 *
 * @module
 */

const WORDS = [
  "the",
  "cache",
  "request",
  "start-up",
  "config",
  "disk",
  "latency",
  "first byte",
  "service",
  "reads",
  "every",
  "adds",
  "about",
  "removes",
  "once",
  '"quoted"',
  "naïve",
  "line\nbreak",
];

/** The answer sizes measured, in KiB. */
export const PARTIAL_SIZES: readonly number[] = [4, 16, 64, 256];

/** How long a delta is, as a model's token stream delivers JSON (a few tokens each). */
export const DELTA_LENGTH = 30;

/**
 * A structured answer of about `bytes` characters of compact JSON.
 *
 * @param bytes The size wanted.
 * @returns The JSON text.
 */
export function partialAnswer(bytes: number): string {
  const items: unknown[] = [];
  let length = 24;
  for (let i = 0; length < bytes; i++) {
    const summary = Array.from(
      { length: 10 + i % 7 },
      (_, k) => WORDS[(i * 7 + k * 3) % WORDS.length],
    );
    const item = {
      id: i,
      title: `Finding ${i}`,
      summary: summary.join(" "),
      tags: ["perf", i % 2 === 0 ? "cpu" : "io"],
      score: (i * 37 % 100) / 10,
      fixed: i % 3 === 0,
    };
    items.push(item);
    length += JSON.stringify(item).length + 1;
  }
  return JSON.stringify({ findings: items, count: items.length });
}

/**
 * The text in deltas of {@link DELTA_LENGTH}, each a flat string of its own (as a delta parsed
 * out of an SSE event is), not a slice that keeps the whole text alive.
 *
 * @param text The JSON text.
 * @returns The deltas.
 */
export function deltasOf(text: string): string[] {
  const out: string[] = [];
  for (let at = 0; at < text.length; at += DELTA_LENGTH) {
    out.push(JSON.parse(JSON.stringify(text.slice(at, at + DELTA_LENGTH))));
  }
  return out;
}

/**
 * Seeded choices for generated test data (xorshift32): the same seed gives the same data on
 * every runtime.
 *
 * @module
 */

/** One generated response in a provider's two wire forms. */
export interface Rendered {
  /** The whole-body JSON text. */
  body: string;
  /** The stream: SSE text, or AWS event-stream frames (Bedrock). */
  sse: string | Uint8Array;
}

/** A seeded source of choices (xorshift32). */
export class Random {
  #state: number;

  /** @param seed Any integer; the same seed gives the same choices. */
  constructor(seed: number) {
    this.#state = (seed * 2654435761) >>> 0 || 1;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    this.#state ^= this.#state << 13;
    this.#state ^= this.#state >>> 17;
    this.#state ^= this.#state << 5;
    return (this.#state >>> 0) % n;
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.int(1000) < p * 1000;
  }

  /** One of the items. */
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }

  /** A few words, sometimes with non-ASCII characters. */
  text(): string {
    const words = ["the", "forecast", "Paris", "18 °C", "clouds", "naïve", "☀️", "and", "is", "ok"];
    const n = 1 + this.int(8);
    return Array.from({ length: n }, () => this.pick(words)).join(" ");
  }

  /** An id with a prefix. */
  id(prefix: string): string {
    return `${prefix}${this.int(1e9).toString(36)}${this.int(1e9).toString(36)}`;
  }

  /** `text` cut into 1 to 4 non-empty pieces at random places. */
  pieces(text: string): string[] {
    const chars = [...text];
    const cuts = new Set<number>();
    for (let i = this.int(4); i > 0; i--) cuts.add(1 + this.int(Math.max(chars.length - 1, 1)));
    const out: string[] = [];
    let start = 0;
    for (const cut of [...cuts].sort((a, b) => a - b)) {
      if (cut <= start || cut >= chars.length) continue;
      out.push(chars.slice(start, cut).join(""));
      start = cut;
    }
    out.push(chars.slice(start).join(""));
    return out;
  }

  /** A small JSON object of tool arguments. */
  args(): Record<string, unknown> {
    const args: Record<string, unknown> = {};
    for (let i = this.int(3); i > 0; i--) {
      args[this.pick(["location", "unit", "days", "query"])] = this.chance(0.5)
        ? this.text()
        : this.int(100);
    }
    return args;
  }
}

/**
 * Splits JSON text into random fragments, as argument JSON is streamed.
 *
 * @param random The choices.
 * @param value The value to serialize.
 * @returns The fragments; joined, they are `JSON.stringify(value)`.
 */
export function fragments(random: Random, value: unknown): string[] {
  return random.pieces(JSON.stringify(value));
}

/**
 * A string-to-string map for the few entries of one request (tool names, tool call ids).
 *
 * @module
 */

/** What readers of a {@link StringMap} use. */
export interface StringLookup {
  /** The number of keys. */
  readonly size: number;
  /** The value of a key, if it has one. */
  get(key: string): string | undefined;
  /** Whether the key has a value. */
  has(key: string): boolean;
}

/** Past this many keys, a Map: a scan of a short array costs less than hashing into one. */
const LINEAR = 16;

/**
 * A map of strings held as two arrays while it is short and as a Map beyond {@link LINEAR}
 * keys. A request has a few tools and tool calls: making a Map and hashing each key into it
 * cost about three times a scan (on Bun ~150 ns of the ~650 ns that validating the complex
 * bench request takes), and the Map keeps a long conversation linear.
 */
export class StringMap implements StringLookup {
  #keys: string[] = [];
  #values: string[] = [];
  #map: Map<string, string> | undefined;

  /** The number of keys. */
  get size(): number {
    return this.#map === undefined ? this.#keys.length : this.#map.size;
  }

  /**
   * The value of a key.
   *
   * @param key The key.
   * @returns Its value, or undefined.
   */
  get(key: string): string | undefined {
    if (this.#map !== undefined) return this.#map.get(key);
    const i = this.#keys.indexOf(key);
    return i < 0 ? undefined : this.#values[i];
  }

  /**
   * Whether a key has a value.
   *
   * @param key The key.
   * @returns True if it has.
   */
  has(key: string): boolean {
    return this.#map === undefined ? this.#keys.includes(key) : this.#map.has(key);
  }

  /**
   * Sets a key's value, replacing the one it had.
   *
   * @param key The key.
   * @param value The value.
   */
  set(key: string, value: string): void {
    if (this.#map !== undefined) {
      this.#map.set(key, value);
      return;
    }
    const i = this.#keys.indexOf(key);
    if (i >= 0) this.#values[i] = value;
    else if (this.#keys.length < LINEAR) {
      this.#keys.push(key);
      this.#values.push(value);
    } else {
      this.#map = new Map();
      for (let k = 0; k < this.#keys.length; k++) this.#map.set(this.#keys[k], this.#values[k]);
      this.#map.set(key, value);
    }
  }
}

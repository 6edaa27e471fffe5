/**
 * Setting a key read from untrusted text on a plain object.
 *
 * @module
 */

/**
 * Sets an own property, `__proto__` included (as `JSON.parse` does), never the prototype.
 *
 * @param object The object.
 * @param key The key, as read.
 * @param value The value.
 *
 * @example
 * ```ts
 * import { setOwn } from "./set_own.ts";
 * import assert from "node:assert/strict";
 * const headers: Record<string, unknown> = {};
 * setOwn(headers, "__proto__", "event");
 * assert.equal(Object.getPrototypeOf(headers), Object.prototype);
 * assert.deepEqual(Object.keys(headers), ["__proto__"]);
 * ```
 */
export function setOwn(object: Record<string, unknown>, key: string, value: unknown): void {
  if (key === "__proto__") {
    Object.defineProperty(object, key, {
      value,
      writable: true,
      enumerable: true,
      configurable: true,
    });
  } else object[key] = value;
}

/**
 * Reads committed fixtures for tests and benchmarks (Node, Deno and Bun all have `node:fs`).
 *
 * @module
 */

import { readFileSync } from "node:fs";

/**
 * The text of a file under `fixtures/`.
 *
 * @param path Path below `fixtures/`, e.g. `anthropic/text.json`.
 * @returns The file's text.
 */
export function readFixture(path: string): string {
  return readFileSync(new URL(`../../fixtures/${path}`, import.meta.url), "utf8");
}

/**
 * The bytes of a file under `fixtures/` (binary streams such as Bedrock's `.bin`).
 *
 * @param path Path below `fixtures/`, e.g. `bedrock/text.bin`.
 * @returns The file's bytes.
 */
export function readFixtureBytes(path: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(`../../fixtures/${path}`, import.meta.url)));
}

/**
 * A fixture parsed as JSON.
 *
 * @param path Path below `fixtures/`.
 * @returns The parsed value.
 */
export function readJsonFixture<T = unknown>(path: string): T {
  return JSON.parse(readFixture(path)) as T;
}

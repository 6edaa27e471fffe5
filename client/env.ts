/**
 * The API key from the environment, read as the official SDKs read it, on runtimes that have
 * one: `process.env` (Node, Bun, Deno's Node compatibility) and `Deno.env` where the program
 * has permission to read that variable (asked without prompting). Browsers and workers have no
 * environment: there the key must be passed.
 *
 * @module
 */

interface DenoEnv {
  permissions?: {
    querySync?(descriptor: { name: "env"; variable: string }): { state: string };
  };
  env?: { get(name: string): string | undefined };
}

function readVariable(name: string): string | undefined {
  const deno = (globalThis as { Deno?: DenoEnv }).Deno;
  if (deno !== undefined) {
    // Deno prompts or throws on an env read it was not granted: ask first, quietly.
    const state = deno.permissions?.querySync?.({ name: "env", variable: name }).state;
    return state === "granted" ? deno.env?.get(name) : undefined;
  }
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } })
    .process?.env;
  return env?.[name];
}

/**
 * The first non-empty value of the named environment variables.
 *
 * @param names Variable names, in order of precedence (`GOOGLE_API_KEY` before `GEMINI_API_KEY`,
 * as Google's SDK reads them).
 * @returns The value, or undefined when none is set or the runtime exposes no environment.
 *
 * @example
 * ```ts
 * import { readApiKey } from "./env.ts";
 * import assert from "node:assert/strict";
 * assert.equal(readApiKey([]), undefined);
 * ```
 */
export function readApiKey(names: readonly string[]): string | undefined {
  for (const name of names) {
    const value = readVariable(name);
    if (value !== undefined && value !== "") return value;
  }
  return undefined;
}

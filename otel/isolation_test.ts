// @opentelemetry/api is an optional peer dependency: only the otel entry may load it. Follows
// every import (type-only ones are erased, so they do not count) from the root and each entry
// but the otel one, and lists the packages reached.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";

const root = new URL("../", import.meta.url);
const IMPORT = /^\s*(?:import|export)\s+(?!type\s)[^;]*?from\s+["']([^"']+)["']/gms;

function packagesReached(entry: string): Set<string> {
  const packages = new Set<string>();
  const seen = new Set<string>();
  const pending = [entry];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    // Comments hold @example imports, which a user's module makes, not this one.
    const code = readFileSync(new URL(file, root), "utf8").replace(/\/\*[\s\S]*?\*\//g, "");
    for (const [, spec] of code.matchAll(IMPORT)) {
      if (!spec.startsWith(".")) packages.add(spec);
      else pending.push(new URL(spec, new URL(file, root)).pathname.slice(root.pathname.length));
    }
  }
  return packages;
}

const ENTRIES = [
  "mod.ts",
  "providers/anthropic/mod.ts",
  "providers/openai/mod.ts",
  "providers/google/mod.ts",
  "providers/openai-responses/mod.ts",
  "hosts/mod.ts",
  "testing/mod.ts",
];

test("importing the root or a provider entry does not load @opentelemetry/api", () => {
  for (const entry of ENTRIES) {
    const otel = [...packagesReached(entry)].filter((name) => name.startsWith("@opentelemetry/"));
    assert.deepEqual(otel, [], entry);
  }
  // The check can fail: the otel entry itself reaches the package.
  assert.ok(packagesReached("otel/mod.ts").has("@opentelemetry/api"));
});

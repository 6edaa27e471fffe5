// The house's layers, checked on every run: each library folder imports only from the layers
// below it (README "Layout and names"), a dialect never imports another dialect, and no import
// circle exists in library, testing or bench code, type-only imports included.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";

const root = new URL("../../", import.meta.url);
const IMPORT =
  /(?:import|export)\s[^;]*?from\s+["'](\.[^"']+)["']|import\(\s*["'](\.[^"']+)["']\s*\)/gs;

// What each layer may import, lowest first.
const ALLOWED: Record<string, readonly string[]> = {
  common: ["common"],
  codec: ["common", "codec"],
  providers: ["common", "codec", "providers"],
  hosts: ["common", "codec", "providers", "hosts"],
  client: ["common", "codec", "client"],
  tools: ["common", "codec", "tools"],
  otel: ["common", "codec", "client", "otel"],
  "mod.ts": ["common", "codec", "providers", "hosts", "client", "tools"],
  testing: ["common", "codec", "providers", "hosts", "client", "tools", "testing", "mod.ts"],
  bench: [
    "common",
    "codec",
    "providers",
    "hosts",
    "client",
    "otel",
    "tools",
    "testing",
    "bench",
    "mod.ts",
  ],
};

function files(dir: string): string[] {
  return readdirSync(new URL(dir, root)).flatMap((name) => {
    const path = `${dir}${name}`;
    if (name === "node_modules" || name === "results") return [];
    if (statSync(new URL(path, root)).isDirectory()) return files(`${path}/`);
    return name.endsWith(".ts") ? [path] : [];
  });
}

function normalize(path: string): string {
  const out: string[] = [];
  for (const part of path.split("/")) {
    if (part === "..") out.pop();
    else if (part !== ".") out.push(part);
  }
  return out.join("/");
}

/** Every non-test module of the layered folders → the modules it imports. */
function graph(): Map<string, string[]> {
  const all = [
    "mod.ts",
    ...Object.keys(ALLOWED).filter((l) => l !== "mod.ts").flatMap((l) => files(`${l}/`)),
  ].filter((f) => !f.endsWith("_test.ts") && !f.startsWith("bench/peers/"));
  const edges = new Map<string, string[]>();
  for (const file of all) {
    // Comments hold @example imports, which a user's module makes, not this one.
    const text = readFileSync(new URL(file, root), "utf8").replace(/\/\*[\s\S]*?\*\//g, "")
      .replace(/^\s*\/\/.*$/gm, "");
    const dir = file.includes("/") ? file.slice(0, file.lastIndexOf("/") + 1) : "";
    edges.set(file, [...text.matchAll(IMPORT)].map((m) => normalize(dir + (m[1] ?? m[2]))));
  }
  return edges;
}

const layerOf = (file: string) => file === "mod.ts" ? "mod.ts" : file.slice(0, file.indexOf("/"));
// A dialect's folder, or undefined for what sits beside the dialects (registry, shared code).
const dialectOf = (file: string) => {
  const parts = file.split("/");
  return parts[0] === "providers" && parts.length > 2 && !parts[1].endsWith("-shared")
    ? parts[1]
    : undefined;
};

test("library imports run down the layers, and no dialect imports another", () => {
  const wrong: string[] = [];
  for (const [file, targets] of graph()) {
    for (const target of targets) {
      if (!ALLOWED[layerOf(file)].includes(layerOf(target))) wrong.push(`${file} → ${target}`);
      const from = dialectOf(file);
      const to = dialectOf(target);
      if (from !== undefined && to !== undefined && from !== to) wrong.push(`${file} → ${target}`);
    }
  }
  assert.deepEqual(wrong, []);
});

test("no import circle in library, testing or bench code", () => {
  const edges = graph();
  const state = new Map<string, "open" | "done">();
  const circles: string[] = [];
  const visit = (file: string, path: string[]) => {
    if (state.get(file) === "done") return;
    if (state.get(file) === "open") {
      circles.push([...path.slice(path.indexOf(file)), file].join(" → "));
      return;
    }
    state.set(file, "open");
    for (const target of edges.get(file) ?? []) visit(target, [...path, file]);
    state.set(file, "done");
  };
  for (const file of edges.keys()) visit(file, []);
  assert.deepEqual(circles, []);
});

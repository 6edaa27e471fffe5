/**
 * What the import cases load, and how they time it. Each runtime imports what its users get: on
 * Deno the source `.ts` (as published to JSR), on Node and Bun the npm build (`tsc -p
 * tsconfig.build.json`). Both copies are placed at paths of the same length,
 * `bench/results/imports/candidate/` and `…/reference/`: Node's import of the same build took
 * 10–25% longer from a folder named by a 40-character commit id. One sample is one fresh process
 * that imports one entry point and reports the import's duration.
 *
 * @module
 */

import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import process from "node:process";
import { systemInfo } from "./runtime.ts";

const checkout = new URL("../", import.meta.url).pathname;
const results = `${checkout}bench/results/imports/`;
const runtime = systemInfo().runtime;
const SOURCES = ["mod.ts", "common", "providers"];

// Builds a library copy into `out` the way `npm run build` does, with this checkout's settings.
function build(root: string, out: string): void {
  const project = `${out.slice(0, -1)}.tsconfig.json`;
  writeFileSync(
    project,
    JSON.stringify({
      extends: `${checkout}tsconfig.build.json`,
      compilerOptions: { outDir: out, rootDir: root },
      include: SOURCES.map((path) => `${root}${path}`),
      exclude: ["**/*_test.ts"],
    }),
  );
  const tsc = spawnSync(
    process.execPath,
    [`${checkout}node_modules/typescript/bin/tsc`, "-p", project],
    { encoding: "utf8" },
  );
  // tsc emits despite type errors; only a missing entry point stops the case.
  if (!existsSync(`${out}mod.js`)) {
    throw new Error(`Cannot build ${root} for the import cases: ${tsc.stdout}${tsc.stderr}`);
  }
}

/**
 * Places a library copy where the import cases load it from, and names the files of its entry
 * points on this runtime.
 *
 * @param root The library's folder (`libraryRoot`).
 * @param providers Its provider names (the subpaths).
 * @returns Entry name (`root` or a provider) → file path.
 */
export function entryFiles(root: string, providers: string[]): Map<string, string> {
  const out = `${results}${root === checkout ? "candidate" : "reference"}/`;
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  if (runtime === "deno") {
    for (const path of SOURCES) cpSync(`${root}${path}`, `${out}${path}`, { recursive: true });
  } else {
    build(root, out);
  }
  const extension = runtime === "deno" ? "ts" : "js";
  const entries = new Map([["root", `${out}mod.${extension}`]]);
  for (const name of providers) entries.set(name, `${out}providers/${name}/mod.${extension}`);
  return entries;
}

/**
 * An empty module, the floor of the import cases: what importing anything costs.
 *
 * @returns Its path.
 */
export function emptyModule(): string {
  mkdirSync(results, { recursive: true });
  const path = `${results}empty.js`;
  writeFileSync(path, "export {};\n");
  return path;
}

/**
 * Imports a module in a fresh process of this runtime.
 *
 * @param file The module.
 * @returns How long the import took, in ms (start-up excluded).
 */
export function importTime(file: string): number {
  // Evaluated, not a script file: Node would load its type stripper for a .ts one (+40 ms).
  const code = `const t = performance.now(); await import(${
    JSON.stringify(file)
  }); console.log(performance.now() - t);`;
  const args = runtime === "deno"
    ? ["eval", code]
    : runtime === "node"
    ? ["--input-type=module", "-e", code]
    : ["-e", code];
  const child = spawnSync(process.execPath, args, { cwd: checkout, encoding: "utf8" });
  const ms = Number(child.stdout.trim());
  if (child.status !== 0 || !Number.isFinite(ms)) {
    throw new Error(`Cannot import ${file} in a fresh process: ${child.stderr}`);
  }
  return ms;
}

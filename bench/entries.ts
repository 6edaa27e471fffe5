/**
 * What the import cases load, and how they time it. Each runtime imports what its users get: on
 * Deno the source `.ts` by path (as published to JSR); on Node and Bun the npm package by its
 * name and subpaths, its `dist/` built with `scripts/bundle.sh` and its `exports` those
 * of this checkout's `package.json`, installed as `@rosetta/candidate` and `@rosetta/reference`
 * in `bench/results/imports/node_modules/`. Both copies sit at paths of the same length: Node's
 * import of the same build took 10–25% longer from a folder named by a 40-character commit id.
 * One sample is one fresh process that imports one entry point and reports the import's duration.
 *
 * @module
 */

import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import process from "node:process";
import { LIBRARY_PATHS } from "./reference.ts";
import { systemInfo } from "./runtime.ts";

const checkout = new URL("../", import.meta.url).pathname;
const results = `${checkout}bench/results/imports/`;
const runtime = systemInfo().runtime;

// Builds a library copy's JavaScript into `out` the way `npm run build` does.
function build(root: string, out: string): void {
  const bundle = spawnSync("bash", [`${checkout}scripts/bundle.sh`, out, root], {
    encoding: "utf8",
  });
  if (bundle.status !== 0 || !existsSync(`${out}mod.js`)) {
    throw new Error(`Cannot build ${root} for the import cases: ${bundle.stdout}${bundle.stderr}`);
  }
}

// Installs a built copy as a package named `@rosetta/<role>` with this checkout's export map.
function install(root: string, role: string): string {
  const name = `@rosetta/${role}`;
  const folder = `${results}node_modules/${name}/`;
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  build(root, `${folder}dist/`);
  const { exports } = JSON.parse(readFileSync(`${checkout}package.json`, "utf8"));
  writeFileSync(`${folder}package.json`, JSON.stringify({ name, type: "module", exports }));
  return name;
}

/**
 * Places a library copy where the import cases load it from, and names its entry points as this
 * runtime's users import them.
 *
 * @param root The library's folder (`libraryRoot`).
 * @param providers Its provider names (the subpaths).
 * @returns Entry name (`root` or a provider) → what to import.
 */
export function entryPoints(root: string, providers: string[]): Map<string, string> {
  const role = root === checkout ? "candidate" : "reference";
  if (runtime !== "deno") {
    const name = install(root, role);
    return new Map([["root", name], ...providers.map((p) => [p, `${name}/${p}`] as const)]);
  }
  const folder = `${results}${role}/`;
  rmSync(folder, { recursive: true, force: true });
  for (const path of LIBRARY_PATHS) {
    // A reference from before a folder existed simply lacks it.
    if (existsSync(`${root}${path}`)) {
      cpSync(`${root}${path}`, `${folder}${path}`, { recursive: true });
    }
  }
  return new Map([
    ["root", `${folder}mod.ts`],
    ...providers.map((p) => [p, `${folder}providers/${p}/mod.ts`] as const),
  ]);
}

// A fixed module of the library's build's shape: functions, and objects built at load time (as
// schemas are). ~90 KB; the same text on every machine, so its import time measures the machine.
function floorSource(): string {
  const parts: string[] = [];
  for (let i = 0; i < 300; i++) {
    parts.push(
      `export function read${i}(input, options = {}) {`,
      `  if (typeof input !== "object" || input === null) throw new TypeError("read${i}: " + typeof input);`,
      `  const out = { kind: "k${i}", items: [] };`,
      `  for (const [key, value] of Object.entries(input)) {`,
      `    if (key.startsWith("_") && !options.keepPrivate) continue;`,
      `    out.items.push({ key, value: typeof value === "string" ? value.trim() : value });`,
      `  }`,
      `  return out;`,
      `}`,
      `export const shape${i} = Object.freeze({ name: "shape${i}", fields: ["id", "type", "text${i}"], ` +
        `check: (v) => typeof v === "object" && v !== null && "id" in v });`,
    );
  }
  return parts.join("\n") + "\n";
}

/**
 * The floor of the import cases: a one-module package (`@rosetta/floor`, a fixed ~90 KB module)
 * imported the same way, by package name on Node and Bun and by path on Deno. It scales with the
 * machine's file system, parser and loader, so the import targets are multiples of it.
 *
 * @returns What to import.
 */
export function floorModule(): string {
  const folder = `${results}node_modules/@rosetta/floor/`;
  mkdirSync(folder, { recursive: true });
  writeFileSync(`${folder}index.js`, floorSource());
  writeFileSync(
    `${folder}package.json`,
    JSON.stringify({ name: "@rosetta/floor", type: "module", exports: "./index.js" }),
  );
  return runtime === "deno" ? `${folder}index.js` : "@rosetta/floor";
}

/**
 * Imports a module in a fresh process of this runtime, from `bench/results/imports/` (where the
 * packages are installed) on Node and Bun.
 *
 * @param specifier A package name or a file path.
 * @returns How long the import took, in ms (start-up excluded).
 */
export function importTime(specifier: string): number {
  // Evaluated, not a script file: Node would load its type stripper for a .ts one (+40 ms).
  const code = `const t = performance.now(); await import(${
    JSON.stringify(specifier)
  }); console.log(performance.now() - t);`;
  const args = runtime === "deno"
    ? ["eval", code]
    : runtime === "node"
    ? ["--input-type=module", "-e", code]
    : ["-e", code];
  // Deno resolves the copy's bare imports with this checkout's configuration.
  const cwd = runtime === "deno" ? checkout : results;
  const child = spawnSync(process.execPath, args, { cwd, encoding: "utf8" });
  const ms = Number(child.stdout.trim());
  if (child.status !== 0 || !Number.isFinite(ms)) {
    throw new Error(`Cannot import ${specifier} in a fresh process: ${child.stderr}`);
  }
  return ms;
}

/**
 * What a bench file is made of. Each `*.bench.ts` default-exports a {@link Suite}: a function
 * that, given a copy of the library, registers its cases. The harness (`main.ts`) builds every
 * suite twice — once over the code under test, once over the reference commit — so that the
 * same case runs against both versions in one process. Under `deno bench` a suite registers
 * straight away with `Deno.bench`, over this checkout's library.
 *
 * @module
 */

import * as candidate from "../mod.ts";

/** The library a suite measures: this checkout's `mod.ts`, or the reference commit's. */
export type Library = typeof candidate;

/** The benchmark categories; each has its own gate. */
export type Category =
  | "serialization"
  | "parsing"
  | "conversion"
  | "tools"
  | "streaming"
  | "partial"
  | "memory"
  | "http"
  | "load"
  | "import";

/** One measured case: a public-API call and the calibration workload of the same kind. */
export interface BenchCase {
  /** Scenario, e.g. `serialize: complex`; one `Deno.bench` group each. */
  group: string;
  /** The provider (or variant) this case measures. */
  name: string;
  /** Picks the gate. */
  category: Category;
  /** The measured call; its result goes to a sink. Declare it `async` if it returns a promise. */
  fn: () => unknown;
  /** The floor: the JSON or SSE work that cannot be avoided, on the same payload. */
  floor: () => unknown;
  /** What the floor is, for reports. */
  floorName: string;
  /**
   * Units of work per call (stream events), so that times are reported per unit.
   * @default 1
   */
  perCall?: number;
  /**
   * Whether `fn` and `floor` resolve to their own duration in ms, which is then the sample
   * instead of the wall time of the call (an import timed inside a child process, without the
   * process's start-up).
   * @default false
   */
  selfTimed?: boolean;
}

/** Receives a suite's cases. */
export type Register = (benchCase: BenchCase) => void;

/** A bench file's cases over one copy of the library. */
export type Suite = (lib: Library, bench: Register) => void | Promise<void>;

const roots = new WeakMap<Library, string>([[candidate, new URL("../", import.meta.url).pathname]]);

/**
 * Records where a library copy lives, for cases that load it afresh (the import cases).
 *
 * @param lib The library, as imported.
 * @param module The path of its `mod.ts`.
 */
export function placeLibrary(lib: Library, module: string): void {
  roots.set(lib, module.slice(0, module.lastIndexOf("/") + 1));
}

/**
 * The folder a library copy lives in: this checkout, or the reference's extracted commit.
 *
 * @param lib The library.
 * @returns Its folder, with a trailing slash.
 */
export function libraryRoot(lib: Library): string {
  const root = roots.get(lib);
  if (root === undefined) throw new Error("Cannot find a library's folder: it was not placed");
  return root;
}

let sunk = 0;

/**
 * Keeps a result alive so that the engine cannot skip the work that made it.
 *
 * @param value Anything.
 */
export function sink(value: unknown): void {
  if (value === sunk) sunk++;
}

/**
 * A case's id in results and in `baseline.json`.
 *
 * @param benchCase The case.
 * @returns `group / name`.
 */
export function caseId(benchCase: Pick<BenchCase, "group" | "name">): string {
  return `${benchCase.group} / ${benchCase.name}`;
}

let harness = false;

/** Called by the harness before it imports the bench files: suites then only collect. */
export function collectOnly(): void {
  harness = true;
}

/**
 * Collects a suite's cases over one copy of the library.
 *
 * @param suite The suite.
 * @param lib The library.
 * @returns The cases, in registration order.
 */
export async function collect(suite: Suite, lib: Library): Promise<BenchCase[]> {
  const cases: BenchCase[] = [];
  await suite(lib, (c) => cases.push(c));
  return cases;
}

type DenoBench = (options: {
  group: string;
  name: string;
  baseline?: boolean;
  fn: () => void | Promise<void>;
}) => void;

// Deno.bench awaits only functions declared `async` (it checks the function, not the result).
function timed(id: string, fn: () => unknown): () => void | Promise<void> {
  if (fn.constructor.name === "AsyncFunction") return async () => sink(await fn());
  return () => {
    const result = fn();
    if (result instanceof Promise) {
      throw new TypeError(`Cannot time bench case "${id}": it returns a promise; declare fn async`);
    }
    sink(result);
  };
}

function registerWithDeno(denoBench: DenoBench): Register {
  const floored = new Set<string>();
  return (c) => {
    if (!floored.has(c.group)) {
      floored.add(c.group);
      denoBench({
        group: c.group,
        name: `floor: ${c.floorName} (${c.name})`,
        baseline: true,
        fn: timed(caseId(c), c.floor),
      });
    }
    denoBench({ group: c.group, name: c.name, fn: timed(caseId(c), c.fn) });
  };
}

/**
 * Declares a bench file's suite. Under `deno bench` it also registers the cases with
 * `Deno.bench` over this checkout's library, one group per scenario with the floor as baseline.
 *
 * @param build Registers the file's cases over a library.
 * @returns The suite, for the file's default export.
 */
export async function suite(build: Suite): Promise<Suite> {
  const denoBench = (globalThis as { Deno?: { bench?: DenoBench } }).Deno?.bench;
  if (!harness && denoBench !== undefined) await build(candidate, registerWithDeno(denoBench));
  return build;
}

/**
 * The one registration function of every bench file. Under `deno bench` it forwards to
 * `Deno.bench` (one group per scenario, the calibration floor as `baseline`); everywhere it also
 * records the case, so that the portable harness (`bench/main.ts`) can run the same cases on
 * Node, Bun and under `deno run`.
 *
 * @module
 */

/** The six benchmark categories; each has its own gate. */
export type Category =
  | "serialization"
  | "parsing"
  | "conversion"
  | "tools"
  | "streaming"
  | "memory";

/** One measured case: a public-API call and the calibration workload of the same kind. */
export interface BenchCase {
  /** Scenario, e.g. `serialize: complex`; one `Deno.bench` group each. */
  group: string;
  /** The provider (or variant) this case measures. */
  name: string;
  /** Picks the gate. */
  category: Category;
  /** The measured call; its result goes to a sink. */
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
}

/** Every case registered so far, in registration order. */
export const cases: BenchCase[] = [];

let sunk = 0;

/**
 * Keeps a result alive so that the engine cannot skip the work that made it.
 *
 * @param value Anything.
 */
export function sink(value: unknown): void {
  if (value === sunk) sunk++;
}

const floored = new Set<string>();
type DenoBench = (
  options: { group: string; name: string; baseline?: boolean; fn: () => void },
) => void;

/**
 * Registers a case (and, once per group, its floor under `deno bench`).
 *
 * @param benchCase The case.
 */
export function bench(benchCase: BenchCase): void {
  cases.push(benchCase);
  const denoBench = (globalThis as { Deno?: { bench?: DenoBench } }).Deno?.bench;
  if (denoBench === undefined) return;
  const { group, fn, floor } = benchCase;
  if (!floored.has(group)) {
    floored.add(group);
    denoBench({
      group,
      name: `floor: ${benchCase.floorName} (${benchCase.name})`,
      baseline: true,
      fn: () => sink(floor()),
    });
  }
  denoBench({ group, name: benchCase.name, fn: () => sink(fn()) });
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

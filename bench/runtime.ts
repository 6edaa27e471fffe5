/**
 * Which runtime the harness runs on, for results and the baseline.
 *
 * @module
 */

import { readFileSync } from "node:fs";
import os from "node:os";
import process from "node:process";

/** Runtime and machine facts recorded with every result. */
export interface SystemInfo {
  /** `deno`, `node` or `bun`. */
  runtime: "deno" | "node" | "bun";
  /** Runtime version. */
  version: string;
  /** CPU model. */
  cpu: string;
  /** Logical cores. */
  cores: number;
  /** OS and release. */
  os: string;
  /**
   * This machine in this boot (Linux: CPU family, model, stepping and microcode, machine id,
   * boot id): a VM that reboots may land on other hardware. Undefined where unknown.
   */
  machine?: string;
}

function read(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
}

function machineFingerprint(): string | undefined {
  const cpu = read("/proc/cpuinfo");
  const boot = read("/proc/sys/kernel/random/boot_id");
  if (cpu === undefined || boot === undefined) return undefined;
  const fields = ["cpu family", "model", "stepping", "microcode"].map((key) =>
    cpu.match(new RegExp(`^${key}\\s*: (.*)$`, "m"))?.[1] ?? "?"
  );
  return [...fields, read("/etc/machine-id")?.trim() ?? "?", boot.trim()].join(" ");
}

/** Whether this process runs on Bun. */
export const onBun: boolean = (globalThis as { Bun?: unknown }).Bun !== undefined;

/**
 * Describes this process's runtime and machine.
 *
 * @returns The facts.
 */
export function systemInfo(): SystemInfo {
  const g = globalThis as { Deno?: { version: { deno: string } }; Bun?: { version: string } };
  const runtime = g.Deno ? "deno" : onBun ? "bun" : "node";
  const version = g.Deno ? g.Deno.version.deno : g.Bun ? g.Bun.version : process.versions.node;
  return {
    runtime,
    version,
    cpu: os.cpus()[0]?.model ?? "unknown",
    cores: os.cpus().length,
    os: `${os.type()} ${os.release()}`,
    machine: machineFingerprint(),
  };
}

/**
 * Whether two results were measured on the same machine, boot and runtime: only then do ratios
 * to a floor compare (they cancel clock speed, not microarchitecture or JIT decisions).
 *
 * @param a One system.
 * @param b The other.
 * @returns True when every recorded fact matches, the machine fingerprint included.
 */
export function sameMachine(a: SystemInfo, b: SystemInfo): boolean {
  return a.machine !== undefined &&
    (["runtime", "version", "cpu", "cores", "os", "machine"] as const).every((k) => a[k] === b[k]);
}

/**
 * The arguments that run a bench script (the harness, `main.ts`, by default) on a runtime, GC
 * exposed, for `process.execPath`.
 *
 * @param runtime The runtime.
 * @param flags Script flags, e.g. `["--report"]`.
 * @param script A file in `bench/`.
 * @returns The argument list.
 */
export function harnessCommand(
  runtime: SystemInfo["runtime"],
  flags: string[],
  script = "main.ts",
): string[] {
  const main = new URL(script, import.meta.url).pathname;
  if (runtime === "deno") return ["run", "-A", "--v8-flags=--expose-gc", main, ...flags];
  if (runtime === "node") return ["--expose-gc", main, ...flags];
  return [main, ...flags];
}

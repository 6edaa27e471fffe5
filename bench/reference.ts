/**
 * The reference code `compare` measures the checkout against: the library sources of one
 * commit, extracted with `git archive` into `bench/results/reference/<commit>/`. It lives inside
 * the checkout so that its bare imports (`zod`, `eventsource-parser`) resolve to the same
 * `node_modules` as the code under test, on Deno, Node and Bun alike.
 *
 * @module
 */

import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, renameSync, rmSync } from "node:fs";

/** What a library copy is made of: `mod.ts` and the folders it imports from. */
export const LIBRARY_PATHS: readonly string[] = [
  "mod.ts",
  "common",
  "codec",
  "providers",
  "hosts",
  "client",
  "tools",
  "testing",
];
const root = new URL("../", import.meta.url).pathname;

/** A materialised reference. */
export interface Reference {
  /** The full commit id. */
  commit: string;
  /** Its `mod.ts`, to import. */
  module: string;
}

function git(args: string[], input?: Uint8Array) {
  return spawnSync("git", args, { cwd: root, input, maxBuffer: 256 * 1024 * 1024 });
}

/**
 * Extracts a commit's library into the reference folder (once; later calls reuse it).
 *
 * @param revision A commit, tag or branch.
 * @returns The reference, or why there is none (no git, no such commit in this clone).
 */
export function materializeReference(revision: string): Reference | { error: string } {
  const inside = git(["rev-parse", "--is-inside-work-tree"]);
  if (inside.error) return { error: `git is not available (${inside.error.message})` };
  if (inside.status !== 0) return { error: "this is not a git checkout" };
  const resolved = git(["rev-parse", "--verify", "--quiet", `${revision}^{commit}`]);
  const commit = resolved.stdout.toString().trim();
  if (resolved.status !== 0 || commit === "") {
    return { error: `commit ${revision} is not in this clone (fetch more history?)` };
  }
  const dir = `${root}bench/results/reference/${commit}`;
  const module = `${dir}/mod.ts`;
  if (existsSync(module)) return { commit, module };
  const present = git(["ls-tree", "--name-only", commit]).stdout.toString().split("\n");
  const paths = LIBRARY_PATHS.filter((path) => present.includes(path));
  const archive = git(["archive", "--format=tar", commit, ...paths]);
  if (archive.status !== 0) {
    return { error: `git archive ${commit} failed: ${archive.stderr.toString().trim()}` };
  }
  const partial = `${dir}.partial`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  const tar = spawnSync("tar", ["-x", "-C", partial], { input: archive.stdout });
  if (tar.status !== 0) return { error: `cannot unpack ${commit}: ${tar.stderr?.toString()}` };
  renameSync(partial, dir); // whole or not at all: a killed run leaves only `.partial`
  return { commit, module };
}

/**
 * Copies this checkout's library (as it is on disk, changes included) into its own folder, for
 * `compare` to measure. The copy at `../mod.ts` also serves the harness's set-up (fixtures,
 * inputs, decoders built at module top), so its functions reach each case having run other code
 * the reference's never ran: on Bun, `stream: EventStream over a body (16 chunks) / bedrock` read
 * +4.7% and +5.2% (medians of 6 and 8 processes) against an identical reference that way and +1.1%
 * from a copy of its own, and failed one clean self-test run at +5%.
 *
 * @returns Its `mod.ts`, to import.
 */
export function materializeCandidate(): string {
  const dir = `${root}bench/results/candidate`;
  rmSync(dir, { recursive: true, force: true });
  for (const path of LIBRARY_PATHS) {
    if (existsSync(`${root}${path}`)) {
      cpSync(`${root}${path}`, `${dir}/${path}`, { recursive: true });
    }
  }
  return `${dir}/mod.ts`;
}

/**
 * The commit the checkout is at, and whether its library differs from that commit.
 *
 * @returns The commit (undefined without git) and whether library files are changed or added.
 */
export function headCommit(): { commit?: string; dirty: boolean } {
  const head = git(["rev-parse", "HEAD"]);
  if (head.error || head.status !== 0) return { dirty: false };
  const status = git(["status", "--porcelain", "--", ...LIBRARY_PATHS]).stdout.toString();
  return { commit: head.stdout.toString().trim(), dirty: status.trim() !== "" };
}

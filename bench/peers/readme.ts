/**
 * Refreshes the root README's Peers block (between `<!-- peers:begin -->` and
 * `<!-- peers:end -->`) from a run: machine, versions, the tables and the chart.
 *
 * @module
 */

import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { COMMAND, type PeersResult, tables } from "./report.ts";

const BEGIN = "<!-- peers:begin -->";
const END = "<!-- peers:end -->";

/**
 * The README block for a run.
 *
 * @param result The run.
 * @returns Markdown, markers included.
 */
function readmeBlock(result: PeersResult): string {
  const { system } = result;
  return [
    BEGIN,
    `Measured with \`${COMMAND}\` on ${system.runtime} ${system.version}, ${system.cpu} ` +
    `(${system.cores} cores), ${result.date.slice(0, 10)}: ` +
    Object.entries(result.versions).map(([p, v]) => `\`${p}@${v}\``).join(
      ", ",
    ) + ".",
    "",
    ...tables(result.groups),
    "",
    "![rosetta, the AI SDK and the official SDKs side by side](bench/peers/results/chart.svg)",
    END,
  ].join("\n");
}

/**
 * Replaces the README's Peers block.
 *
 * @param path The README.
 * @param result The run.
 * @throws Error when the README has no block to replace.
 */
export function updateReadme(path: URL, result: PeersResult): void {
  const text = readFileSync(path, "utf8");
  const start = text.indexOf(BEGIN);
  const end = text.indexOf(END);
  if (start < 0 || end < start) {
    throw new Error(
      `Cannot update ${path.pathname}: no ${BEGIN} … ${END} block`,
    );
  }
  writeFileSync(path, text.slice(0, start) + readmeBlock(result) + text.slice(end + END.length));
  // The tables as deno fmt aligns them, so that `npm test`'s fmt check stays green.
  const deno = new URL("../../node_modules/.bin/deno", import.meta.url).pathname;
  execFileSync(deno, ["fmt", path.pathname], { stdio: "ignore" });
}

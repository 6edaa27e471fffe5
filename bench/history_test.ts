import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  appendHistory,
  changes,
  type HistoryCase,
  type HistoryEntry,
  readHistory,
  trendChart,
} from "./history.ts";

function run(commit: string, figures: Record<string, number>, band = 0.03): HistoryEntry {
  const cases: HistoryCase[] = Object.entries(figures).map(([id, vsReference]) => ({
    id,
    group: id.slice(0, id.indexOf(" / ")),
    ratio: 1.5 * vsReference,
    vsReference,
    band,
  }));
  return {
    commit,
    dirty: false,
    date: "2026-12-06T09:00:00.000Z",
    runtime: "deno",
    version: "2.9.6",
    machine: "m",
    reference: "r",
    cases,
  };
}

test("appendHistory writes one line per run that readHistory reads back", () => {
  const dir = mkdtempSync(join(tmpdir(), "history-"));
  try {
    const file = join(dir, "sub", "history.jsonl");
    const first = run("a".repeat(40), { "parse: simple / openai": 1.01 });
    const second = run("b".repeat(40), { "parse: simple / openai": 0.99 });
    appendHistory(file, first);
    appendHistory(file, second);
    const text = readFileSync(file, "utf8");
    assert.equal(text.split("\n").length, 3);
    assert.deepEqual(readHistory(text), [first, second]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("readHistory skips blank lines and names a line that is not a run", () => {
  assert.deepEqual(readHistory("\n\n"), []);
  assert.throws(() => readHistory(`${JSON.stringify(run("a", {}))}\n{oops`), /line 2/);
  assert.throws(() => readHistory(`{"runtime": "deno"}`), /line 1: not a compare run/);
});

test("changes flags a case that moved beyond its band from the earlier runs' median, once", () => {
  const id = "parse: simple / openai";
  const other = "parse: simple / google";
  const entries = [
    run("c1", { [id]: 1.0, [other]: 1.0 }),
    run("c2", { [id]: 1.01, [other]: 0.99 }),
    run("c3", { [id]: 1.13, [other]: 1.0 }),
    run("c4", { [id]: 1.01, [other]: 1.01 }),
  ];
  // c3: 1.13 against the median 1.01 of c1, c2 is +11.9%, beyond √(3%² + (3% ÷ √2)²) = 3.7%.
  // c4 is back at that median: no move. The 1% moves of the other case are within the band.
  const found = changes(entries);
  assert.equal(found.length, 1);
  assert.equal(found[0].id, id);
  assert.equal(found[0].run, 2);
  assert.ok(Math.abs(found[0].change - (1.13 / 1.01 - 1)) < 1e-12);
  assert.ok(Math.abs(found[0].band - Math.hypot(0.03, 0.03 / Math.sqrt(2))) < 1e-12);
  // A new reference starts afresh: its figures are not comparable with the old one's.
  const moved = [entries[1], { ...entries[2], reference: "other" }];
  assert.deepEqual(changes(moved), []);
});

test("trendChart draws one panel per group, a commit per run and a ring at a move", () => {
  const id = "serialize: complex / anthropic";
  const entries = [
    run("1111111aaaa", { [id]: 1.0, "parse: simple / openai": 1.0 }),
    run("2222222bbbb", { [id]: 1.0, "parse: simple / openai": 1.01 }),
    { ...run("3333333cccc", { [id]: 1.1, "parse: simple / openai": 1.0 }), inject: `${id}=0.1` },
  ];
  const svg = trendChart(entries, "trend <deno>");
  assert.match(svg, /^<svg /);
  assert.match(svg, /trend &lt;deno>/);
  for (const text of ["serialize: complex", "parse: simple", "1111111", "2222222", "3333333"]) {
    assert.ok(svg.includes(text), text);
  }
  assert.ok(svg.includes("(injected)"));
  assert.equal(svg.match(/<polyline /g)?.length, 2);
  assert.equal(svg.match(/stroke="#d00"/g)?.length, 1);
  assert.deepEqual(trendChart(entries.slice(0, 2), "t").match(/stroke="#d00"/g), null);
});

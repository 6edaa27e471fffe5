import { test } from "node:test";
import assert from "node:assert/strict";
import { randomId, seededIdGenerator } from "./ids.ts";

const ID = /^[A-Za-z0-9_-]{22}$/;

test("randomId gives 22 base64url characters, different each time", () => {
  const ids = new Set(Array.from({ length: 200 }, randomId));
  assert.equal(ids.size, 200);
  for (const id of ids) assert.match(id, ID);
});

test("seededIdGenerator repeats for a seed and differs across seeds", () => {
  const a = seededIdGenerator(42);
  const b = seededIdGenerator(42);
  const first = [a(), a(), a()];
  assert.deepEqual([b(), b(), b()], first);
  assert.equal(new Set(first).size, 3);
  assert.notEqual(seededIdGenerator(43)(), first[0]);
  for (const id of first) assert.match(id, ID);
});

test("seededIdGenerator gives pinned ids for seed 1", () => {
  // Pinned so that fixtures and benchmarks relying on it notice a change of algorithm.
  const next = seededIdGenerator(1);
  assert.deepEqual([next(), next()], ["IQHFT9HQGrIldMs3iq71sQ", "CAiRGTO560_yKaXk2z5XFA"]);
});

test("randomId stays unique and well-formed across prefixes and refills of its random pool", () => {
  // 20,000 ids: 313 prefixes of 64, past one 4 KiB pool (256 prefixes).
  const ids = Array.from({ length: 20_000 }, randomId);
  assert.equal(new Set(ids).size, ids.length);
  for (const id of ids) assert.match(id, ID);
});

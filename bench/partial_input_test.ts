// The partial category's inputs are what its cases claim: answers of the stated size in ~30-character
// deltas that a PartialJsonReader reads back to JSON.parse's value.
import { test } from "node:test";
import assert from "node:assert/strict";
import { PartialJsonReader } from "../mod.ts";
import { DELTA_LENGTH, deltasOf, PARTIAL_SIZES, partialAnswer } from "./partial_input.ts";

for (const kb of PARTIAL_SIZES) {
  test(`bench partial answer of ${kb} KB streams in ${DELTA_LENGTH}-character deltas to its value`, () => {
    const text = partialAnswer(kb * 1024);
    assert.ok(text.length >= kb * 1024 && text.length < kb * 1024 + 400, `${text.length}`);
    const deltas = deltasOf(text);
    assert.equal(deltas.join(""), text);
    assert.ok(deltas.slice(0, -1).every((delta) => delta.length === DELTA_LENGTH));
    const reader = new PartialJsonReader();
    for (const delta of deltas) reader.push(delta);
    assert.deepEqual(reader.end(), JSON.parse(text));
  });
}

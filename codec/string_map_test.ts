import { test } from "node:test";
import assert from "node:assert/strict";
import { StringMap } from "./string_map.ts";

// Past sixteen keys the map changes how it holds them; both ways answer alike.
for (const count of [3, 16, 17, 40]) {
  test(`StringMap answers like a Map with ${count} keys, a repeated key keeping its last value`, () => {
    const map = new StringMap();
    const expected = new Map<string, string>();
    for (let i = 0; i < count; i++) {
      map.set(`call_${i}`, `tool_${i}`);
      expected.set(`call_${i}`, `tool_${i}`);
    }
    map.set("call_0", "again");
    expected.set("call_0", "again");
    assert.equal(map.size, expected.size);
    for (const key of [...expected.keys(), "missing"]) {
      assert.equal(map.get(key), expected.get(key));
      assert.equal(map.has(key), expected.has(key));
    }
  });
}

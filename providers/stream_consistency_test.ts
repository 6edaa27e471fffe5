// Every stream fixture of every provider, fed whole, byte by byte, cut at every line end,
// inside every multi-byte character and at seeded random points, must give the same events
// and the same outcome; a stream with a non-streamed twin must accumulate to exactly it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { seededIdGenerator } from "../common/ids.ts";
import { chunkings, decodeChunks } from "../testing/chunkings.ts";
import { providers } from "./mod.ts";

const fixtures = new URL("../fixtures/", import.meta.url);

for (const provider of Object.values(providers)) {
  const folder = new URL(`${provider.name}/`, fixtures);
  const names = readdirSync(folder).filter((file) => file.endsWith(".sse")).map((file) =>
    file.slice(0, -4)
  );
  const decoder = () => provider.createStreamDecoder({ generateId: seededIdGenerator(7) });

  for (const name of names) {
    const bytes = new Uint8Array(readFileSync(new URL(`${name}.sse`, folder)));

    test(`${provider.name} stream ${name}.sse decodes the same however it is split`, () => {
      const whole = decodeChunks(decoder(), [bytes]);
      assert.ok(whole.events.length > 0);
      for (const { name: cut, chunks } of chunkings(bytes)) {
        assert.deepStrictEqual(decodeChunks(decoder(), chunks), whole, `${name}.sse split ${cut}`);
      }
    });

    const twin = new URL(`${name}.json`, folder);
    if (existsSync(twin)) {
      test(`${provider.name} stream ${name}.sse accumulates to the same response as ${name}.json`, () => {
        const streamed = decodeChunks(decoder(), [bytes]);
        assert.equal(streamed.error, undefined);
        const parsed = provider.parseResponse(readFileSync(twin, "utf8"), {
          generateId: seededIdGenerator(7),
        });
        assert.deepStrictEqual(streamed.response, parsed);
      });
    }
  }
}

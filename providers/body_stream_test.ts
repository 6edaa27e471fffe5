// The property issue 9 asks for: for random responses of every registered provider, rendered
// as a body and as a stream, parseResponse and the stream decoder give deep-equal responses.
import { test } from "node:test";
import assert from "node:assert/strict";
import { seededIdGenerator } from "../common/ids.ts";
import { chunkings, decodeChunks } from "../testing/chunkings.ts";
import { generate } from "../testing/internal/generate.ts";
import { type ProviderName, providers } from "./mod.ts";

const SEEDS = 300;

for (const name of Object.keys(providers) as ProviderName[]) {
  const provider = providers[name];
  const options = () => ({ generateId: seededIdGenerator(11) });

  test(`${name} parseResponse equals the decoded stream for ${SEEDS} generated responses`, () => {
    const kinds = new Set<string>();
    for (let seed = 1; seed <= SEEDS; seed++) {
      const { body, sse } = generate(name, seed);
      const parsed = provider.parseResponse(body, options());
      for (const block of parsed.content) kinds.add(block.type);
      const streamed = decodeChunks(provider.createStreamDecoder(options()), [sse]);
      assert.equal(streamed.error, undefined, `seed ${seed}: ${streamed.error}`);
      assert.deepStrictEqual(streamed.response, parsed, `seed ${seed}`);
    }
    // The generator must keep producing varied content, or the property proves little.
    assert.ok(kinds.size >= 3 && kinds.has("text") && kinds.has("tool_call"), [...kinds].join());
  });

  test(`${name} generated streams decode the same however they are split`, () => {
    for (let seed = 1; seed <= 20; seed++) {
      const stream = generate(name, seed).sse;
      const bytes = typeof stream === "string" ? new TextEncoder().encode(stream) : stream;
      const whole = decodeChunks(provider.createStreamDecoder(options()), [bytes]);
      for (const { name: cut, chunks } of chunkings(bytes, [seed])) {
        const split = decodeChunks(provider.createStreamDecoder(options()), chunks);
        assert.deepStrictEqual(split, whole, `seed ${seed}, ${cut}`);
      }
    }
  });
}

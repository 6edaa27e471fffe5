// The mock server's Bedrock faults through the client over loopback: a frame whose CRC is wrong,
// a body cut inside a frame, an exception frame mid-stream — each a typed error keeping the text
// that arrived before it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createClient } from "../client/client.ts";
import { ProviderError, ResponseParseError } from "../common/errors.ts";
import { bedrock } from "../providers/bedrock/mod.ts";
import { withServer } from "./internal/http_harness.ts";
import { type MockFaults, reply, text } from "./script.ts";

const ask = {
  model: "amazon.nova-lite-v1:0",
  messages: [{ role: "user" as const, content: "Hi" }],
};

// Events: messageStart, three text deltas, contentBlockStop, messageStop, metadata.
async function streamWith(faults: MockFaults) {
  return await withServer(
    { script: { ...reply(text("One two three")), ...faults } },
    async (server) => {
      const client = createClient({
        provider: bedrock,
        apiKey: "brk-test",
        baseUrl: server.baseUrl("bedrock"),
        maxRetries: 0,
      });
      const stream = client.stream(ask);
      let said = "";
      try {
        for await (const event of stream) if (event.type === "text_delta") said += event.text;
        return { said, response: await stream.response() };
      } catch (error) {
        return { said, error };
      }
    },
  );
}

test("mock bedrock stream: a clean stream reads whole, in frames", async () => {
  const { said, response } = await streamWith({});
  assert.equal(said, "One two three");
  assert.deepEqual([response?.finishReason, response?.model], ["stop", ask.model]);
});

test("mock bedrock stream: corruptFrameAt gives an invalid_frame error with the text before it", async () => {
  const { said, error } = await streamWith({ corruptFrameAt: 3 });
  assert.ok(ResponseParseError.isInstance(error));
  assert.equal(error.type, "invalid_frame");
  assert.equal(said, "One two ");
  assert.deepEqual(error.partial?.content, [{ type: "text", text: "One two " }]);
});

test("mock bedrock stream: cutInsideEvent gives truncated_stream with the text before it", async () => {
  const { error } = await streamWith({ cutInsideEvent: 2 });
  assert.ok(ResponseParseError.isInstance(error));
  assert.equal(error.type, "truncated_stream");
  assert.deepEqual(error.partial?.content, [{ type: "text", text: "One " }]);
});

test("mock bedrock stream: streamErrorAt sends an exception frame, a server error", async () => {
  const { said, error } = await streamWith({ streamErrorAt: 4, message: "model crashed" });
  assert.ok(ProviderError.isInstance(error));
  assert.deepEqual([error.category, error.code, error.message], [
    "server",
    "ModelStreamErrorException",
    "model crashed",
  ]);
  assert.equal(said, "One two three");
});

test("mock bedrock error: a scripted 429 is a ThrottlingException, rate_limit", async () => {
  await withServer(
    { script: { ...reply(), status: 429, message: "slow down" } },
    async (server) => {
      const client = createClient({
        provider: bedrock,
        apiKey: "brk-test",
        baseUrl: server.baseUrl("bedrock"),
        maxRetries: 0,
      });
      const error = await client.complete(ask).then(() => undefined, (e) => e);
      assert.ok(ProviderError.isInstance(error));
      assert.deepEqual([error.category, error.code, error.message], [
        "rate_limit",
        "ThrottlingException",
        "slow down",
      ]);
    },
  );
});

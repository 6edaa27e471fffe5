import { test } from "node:test";
import assert from "node:assert/strict";
import type { ChatRequest } from "../../common/types.ts";
import { openai } from "./mod.ts";
import { serializing } from "../../testing/internal/serialize.ts";

const { wire, refused } = serializing(openai);

const hi: ChatRequest = { model: "o3", messages: [{ role: "user", content: "Hi" }] };

test("openai serializeRequest refuses stop on o3, o4-mini and gpt-5", () => {
  for (const model of ["o3", "o4-mini", "gpt-5", "gpt-5.1"]) {
    refused(
      { ...hi, model, stopSequences: ["END"] },
      "stopSequences",
      `cannot be sent: "${model}" does not take stop`,
    );
  }
  assert.deepEqual(wire({ ...hi, model: "o1", stopSequences: ["END"] }).stop, ["END"]);
  assert.deepEqual(wire({ ...hi, model: "gpt-4o", stopSequences: ["END"] }).stop, ["END"]);
  assert.equal(wire({ ...hi, stopSequences: [] }).stop, undefined);
});

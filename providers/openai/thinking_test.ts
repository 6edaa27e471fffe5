import { test } from "node:test";
import assert from "node:assert/strict";
import type { ChatRequest, Warning } from "../../common/types.ts";
import { openai } from "./mod.ts";
import { serializing } from "../../testing/internal/serialize.ts";

const { wire, refused } = serializing(openai);

const hi: ChatRequest = { model: "o3", messages: [{ role: "user", content: "Hi" }] };

test("openai serializeRequest refuses a temperature reasoning models reject", () => {
  for (const model of ["o3", "o4-mini", "gpt-5", "gpt-5-mini"]) {
    refused(
      { ...hi, model, temperature: 0.2 },
      "temperature",
      `must be unset or 1 for "${model}", got 0.2`,
    );
  }
  assert.equal(wire({ ...hi, temperature: 1 }).temperature, 1);
  assert.equal(wire({ ...hi, model: "gpt-4o", temperature: 0.2 }).temperature, 0.2);
});

test("openai serializeRequest takes a temperature on gpt-5.1 and later only without reasoning", () => {
  const model = "gpt-5.2";
  assert.equal(wire({ ...hi, model, temperature: 0.2 }).temperature, 0.2);
  assert.equal(wire({ ...hi, model, thinking: "none", temperature: 0.2 }).temperature, 0.2);
  refused(
    { ...hi, model, thinking: "low", temperature: 0.2 },
    "temperature",
    'must be unset or 1 for "gpt-5.2" when the reasoning effort is "low", got 0.2',
  );
});

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

test("openai serializeRequest sends the lowest effort for none on a reasoning model", () => {
  const effort = (model: string, warnings?: Warning[]) =>
    wire({ ...hi, model, thinking: "none" }, warnings).reasoning_effort;
  const warnings: Warning[] = [];
  assert.equal(effort("gpt-5", warnings), "minimal");
  assert.equal(effort("o3", warnings), "low");
  assert.deepEqual(warnings.map((w) => w.message), [
    '"none" sent as "minimal": gpt-5 cannot turn reasoning off',
    '"none" sent as "low": o3 cannot turn reasoning off',
  ]);
  assert.equal(effort("gpt-5.1"), "none");
  assert.equal(effort("gpt-4o"), undefined);
  assert.equal(effort("my-local-model"), undefined);
});

test("openai serializeRequest maps a level to the nearest effort the model has", () => {
  const warnings: Warning[] = [];
  assert.equal(
    wire({ ...hi, model: "gpt-5-pro", thinking: "low" }, warnings).reasoning_effort,
    "high",
  );
  assert.deepEqual(warnings, [{
    provider: "openai",
    path: "thinking",
    message: '"low" sent as "high": gpt-5-pro has no closer effort',
  }]);
});

test("openai serializeRequest sends an exact effort the model takes and refuses others", () => {
  assert.equal(
    wire({ ...hi, model: "gpt-5", thinking: { effort: "minimal" } }).reasoning_effort,
    "minimal",
  );
  assert.equal(
    wire({ ...hi, model: "gpt-5.2", thinking: { effort: "xhigh" } }).reasoning_effort,
    "xhigh",
  );
  assert.equal(
    wire({ ...hi, model: "my-model", thinking: { effort: "max" } }).reasoning_effort,
    "max",
  );
  refused(
    { ...hi, thinking: { effort: "xhigh" } },
    "thinking.effort",
    '"xhigh" is not an effort "o3" takes (low, medium, high)',
  );
  refused(
    { ...hi, model: "gpt-4o", thinking: { effort: "low" } },
    "thinking.effort",
    '"low" is not an effort "gpt-4o" takes (it takes none)',
  );
  refused(
    { ...hi, thinking: { budgetTokens: 2048 } },
    "thinking.budgetTokens",
    "cannot be sent: OpenAI takes an effort, not a budget",
  );
});

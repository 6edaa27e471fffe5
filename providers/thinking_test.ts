// Thinking on every provider, and the OpenAI model table both OpenAI dialects share (a row per
// dialect: the same models, efforts, refusals and warnings, each in its own wire field).
import { test } from "node:test";
import assert from "node:assert/strict";
import type { ChatRequest, Warning } from "../common/types.ts";
import { serializing, type WireBody } from "../testing/internal/serialize.ts";
import { type ProviderName, providers } from "./mod.ts";

const hi = (model: string): ChatRequest => ({ model, messages: [{ role: "user", content: "Hi" }] });

const UNTHINKING: Array<
  { name: ProviderName; model: string; level: "low" | "high"; needs: string }
> = [
  {
    name: "anthropic",
    model: "claude-3-5-haiku-20241022",
    level: "high",
    needs: "a model with extended thinking",
  },
  { name: "google", model: "gemini-2.0-flash", level: "low", needs: "a thinking model" },
  { name: "openai", model: "gpt-4o", level: "high", needs: "a reasoning model" },
  { name: "openai-responses", model: "gpt-4o", level: "low", needs: "a reasoning model" },
];

for (const { name, model, level, needs } of UNTHINKING) {
  test(`${name} serializeRequest refuses a thinking level for ${model} and sends none as no thinking`, () => {
    const { wire, refused } = serializing(providers[name]);
    refused(
      { ...hi(model), thinking: level },
      "thinking",
      `"${level}" needs ${needs}, got "${model}"`,
    );
    const warnings: Warning[] = [];
    assert.deepEqual(wire({ ...hi(model), thinking: "none" }, warnings), wire(hi(model)));
    assert.deepEqual(warnings, []);
  });
}

const OPENAI: Array<{ name: "openai" | "openai-responses"; effort: (body: WireBody) => unknown }> =
  [
    { name: "openai", effort: (body) => body.reasoning_effort },
    { name: "openai-responses", effort: (body) => body.reasoning?.effort },
  ];

for (const { name, effort } of OPENAI) {
  const { wire, refused } = serializing(providers[name]);

  test(`${name} serializeRequest sends each thinking level as the effort of a reasoning model`, () => {
    for (const level of ["low", "medium", "high"] as const) {
      assert.equal(effort(wire({ ...hi("o4-mini"), thinking: level })), level);
    }
  });

  test(`${name} serializeRequest sends the lowest effort for none on a reasoning model`, () => {
    const none = (model: string, warnings?: Warning[]) =>
      effort(wire({ ...hi(model), thinking: "none" }, warnings));
    const warnings: Warning[] = [];
    assert.equal(none("gpt-5", warnings), "minimal");
    assert.equal(none("o3", warnings), "low");
    assert.deepEqual(warnings, [
      {
        provider: name,
        path: "thinking",
        message: '"none" sent as "minimal": gpt-5 cannot turn reasoning off',
      },
      {
        provider: name,
        path: "thinking",
        message: '"none" sent as "low": o3 cannot turn reasoning off',
      },
    ]);
    assert.equal(none("gpt-5.1"), "none");
    assert.equal(none("gpt-4o"), undefined);
    assert.equal(none("my-local-model"), undefined);
  });

  test(`${name} serializeRequest maps a level to the nearest effort the model has`, () => {
    const warnings: Warning[] = [];
    assert.equal(effort(wire({ ...hi("gpt-5-pro"), thinking: "low" }, warnings)), "high");
    assert.deepEqual(warnings, [{
      provider: name,
      path: "thinking",
      message: '"low" sent as "high": gpt-5-pro has no closer effort',
    }]);
  });

  test(`${name} serializeRequest sends an exact effort the model takes and refuses others`, () => {
    assert.equal(effort(wire({ ...hi("gpt-5"), thinking: { effort: "minimal" } })), "minimal");
    assert.equal(effort(wire({ ...hi("gpt-5.2"), thinking: { effort: "xhigh" } })), "xhigh");
    assert.equal(effort(wire({ ...hi("my-model"), thinking: { effort: "max" } })), "max");
    refused(
      { ...hi("o3"), thinking: { effort: "xhigh" } },
      "thinking.effort",
      '"xhigh" is not an effort "o3" takes (low, medium, high)',
    );
    refused(
      { ...hi("gpt-4o"), thinking: { effort: "low" } },
      "thinking.effort",
      '"low" is not an effort "gpt-4o" takes (it takes none)',
    );
    refused(
      { ...hi("o3"), thinking: { budgetTokens: 2048 } },
      "thinking.budgetTokens",
      "cannot be sent: OpenAI takes an effort, not a budget",
    );
  });

  test(`${name} serializeRequest refuses a temperature or topP reasoning models reject`, () => {
    for (const model of ["o3", "o4-mini", "gpt-5", "gpt-5-mini"]) {
      refused(
        { ...hi(model), temperature: 0.2 },
        "temperature",
        `must be unset or 1 for "${model}", got 0.2`,
      );
    }
    refused({ ...hi("o3"), topP: 0.5 }, "topP", 'must be unset or 1 for "o3", got 0.5');
    assert.deepEqual(
      [wire({ ...hi("o3"), temperature: 1, topP: 1 })].map((b) => [b.temperature, b.top_p]),
      [[1, 1]],
    );
    assert.equal(wire({ ...hi("gpt-4o"), temperature: 0.2 }).temperature, 0.2);
  });

  test(`${name} serializeRequest takes a temperature or topP on gpt-5.1 and later only without reasoning`, () => {
    const model = "gpt-5.2";
    assert.equal(wire({ ...hi(model), temperature: 0.2 }).temperature, 0.2);
    assert.equal(wire({ ...hi(model), thinking: "none", temperature: 0.2 }).temperature, 0.2);
    assert.equal(wire({ ...hi("gpt-5.1"), thinking: "none", topP: 0.5 }).top_p, 0.5);
    refused(
      { ...hi(model), thinking: "low", temperature: 0.2 },
      "temperature",
      'must be unset or 1 for "gpt-5.2" when the reasoning effort is "low", got 0.2',
    );
  });
}

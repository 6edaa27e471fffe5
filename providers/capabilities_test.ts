// Walks every (model family × thinking × sampling option) combination through each serializer and
// checks the outcome against the provider's capability table: either a ValidationError naming a
// field the request set, or a body the table says the model accepts, with every explicit value
// sent unchanged.
import { test } from "node:test";
import assert from "node:assert/strict";
import { ValidationError } from "../common/errors.ts";
import type { Provider } from "../common/provider.ts";
import type { ProviderName } from "./mod.ts";
import type { ChatRequest, Thinking, ThinkingEffort } from "../common/types.ts";
import { anthropic, anthropicModel } from "./anthropic/mod.ts";
import { google, googleModel } from "./google/mod.ts";
import { openai, openAIModel } from "./openai/mod.ts";
import { openaiResponses } from "./openai-responses/mod.ts";

// deno-lint-ignore no-explicit-any
type Body = Record<string, any>;
type Case = { request: ChatRequest; body?: Body; error?: ValidationError };

const EFFORTS: ThinkingEffort[] = ["none", "minimal", "low", "medium", "high", "xhigh", "max"];
const THINKING: Array<Thinking | undefined> = [
  undefined,
  "none",
  "low",
  "medium",
  "high",
  { budgetTokens: 0 },
  { budgetTokens: 2048 },
  ...EFFORTS.map((effort) => ({ effort })),
];
const TEMPERATURE = [undefined, 1, 0.5];
const STOP = [undefined, ["END"], ["a", "b", "c", "d", "e", "f"]];
const MAX = [undefined, 2048, 200000];
const FIELDS = new Set([
  "thinking",
  "thinking.budgetTokens",
  "thinking.effort",
  "temperature",
  "stopSequences",
  "maxOutputTokens",
]);

function* cases(provider: Provider<ProviderName>, model: string): Generator<Case> {
  for (const thinking of THINKING) {
    for (const temperature of TEMPERATURE) {
      for (const stopSequences of STOP) {
        for (const maxOutputTokens of MAX) {
          const request: ChatRequest = {
            model,
            system: "S",
            messages: [{ role: "user", content: "Hi" }],
            thinking,
            temperature,
            stopSequences,
            maxOutputTokens,
          };
          try {
            yield { request, body: JSON.parse(provider.serializeRequest(request)) };
          } catch (error) {
            assert.ok(error instanceof ValidationError, String(error));
            yield { request, error };
          }
        }
      }
    }
  }
}

const label = (c: Case) => JSON.stringify({ ...c.request, messages: undefined, system: undefined });
const plainLevel = (r: ChatRequest) =>
  typeof r.thinking === "string" && r.temperature === undefined && r.stopSequences === undefined &&
  r.maxOutputTokens === undefined;

/** Every refusal names a field the request set; every explicit value is sent unchanged. */
function checkCommon(c: Case, mustRefuse: boolean, canRefuseLevel: boolean): void {
  if (c.error !== undefined) {
    assert.ok(FIELDS.has(c.error.path!), `${label(c)}: refused ${c.error.path}`);
    assert.ok(!plainLevel(c.request) || canRefuseLevel, `${label(c)}: a plain level was refused`);
    return;
  }
  assert.ok(!mustRefuse, `${label(c)}: should have been refused`);
}

const ANTHROPIC = [
  "claude-3-haiku-20240307",
  "claude-3-opus-latest",
  "claude-3-5-haiku-latest",
  "claude-3-5-sonnet-20241022",
  "claude-3-7-sonnet-latest",
  "claude-opus-4-20250514",
  "claude-opus-4-1",
  "claude-sonnet-4-0",
  "claude-sonnet-4-5",
  "claude-haiku-4-5",
  "claude-opus-4-5",
  "claude-opus-4-6",
  "claude-sonnet-4-6",
  "claude-opus-4-7",
  "claude-sonnet-5",
  "claude-opus-5-5",
  "claude-next",
];

test("anthropic serializeRequest obeys the capability table for every combination", () => {
  for (const model of ANTHROPIC) {
    const row = anthropicModel(model);
    for (const c of cases(anthropic, model)) {
      const { temperature, maxOutputTokens, thinking, stopSequences } = c.request;
      const limit = row.maxOutputTokens ?? Infinity;
      checkCommon(
        c,
        (temperature === 0.5 && !row.temperature) || (maxOutputTokens ?? 0) > limit,
        row.thinking === "none" && c.request.thinking !== "none",
      );
      const body = c.body;
      if (body === undefined) continue;
      const at = `${model} ${label(c)}`;
      assert.ok(body.max_tokens <= limit, at);
      if (maxOutputTokens !== undefined) assert.equal(body.max_tokens, maxOutputTokens, at);
      const type = body.thinking?.type;
      if (type === "enabled") {
        assert.ok(row.budgetTokens, at);
        assert.ok(body.thinking.budget_tokens >= 1024, at);
        assert.ok(body.thinking.budget_tokens < body.max_tokens, at);
        if (typeof thinking === "object" && "budgetTokens" in thinking) {
          assert.equal(body.thinking.budget_tokens, thinking.budgetTokens, at);
        }
      }
      if (type === "adaptive") assert.equal(row.thinking, "adaptive", at);
      if (row.thinking === "none") assert.equal(type, undefined, at);
      const effort = body.output_config?.effort;
      if (effort !== undefined) assert.ok(row.efforts?.includes(effort) ?? true, at);
      if (typeof thinking === "object" && "effort" in thinking) {
        assert.equal(effort, thinking.effort, at);
      }
      assert.equal(body.temperature, temperature, at);
      if (temperature === 0.5) {
        assert.ok(row.temperature && type !== "enabled" && type !== "adaptive", at);
      }
      assert.deepEqual(body.stop_sequences, stopSequences, at);
    }
  }
});

const OPENAI = [
  "o1",
  "o3-mini",
  "o3",
  "o4-mini",
  "gpt-5",
  "gpt-5-pro",
  "gpt-5-chat-latest",
  "gpt-5.1",
  "gpt-5.2",
  "gpt-4o",
  "gpt-4.1-mini",
  "my-local-model",
];

// The Responses API serves the same models by the same table; it takes no stop sequences.
const OPENAI_DIALECTS: Array<{
  provider: Provider<ProviderName>;
  title: string;
  effort: (body: Body) => ThinkingEffort | undefined;
  refusesStops: (stops: number, row: ReturnType<typeof openAIModel>) => boolean;
  checkBody: (body: Body, c: Case, row: ReturnType<typeof openAIModel>, at: string) => void;
}> = [
  {
    provider: openai,
    title: "openai serializeRequest obeys the capability table for every combination",
    effort: (body) => body.reasoning_effort,
    refusesStops: (stops, row) => stops > 4 || (stops > 0 && !row.stop),
    checkBody: (body, c, row, at) => {
      assert.deepEqual(body.stop, c.request.stopSequences, at);
      assert.equal(body.messages[0].role, row.reasoning ? "developer" : "system", at);
      assert.equal(body.max_completion_tokens, c.request.maxOutputTokens, at);
    },
  },
  {
    provider: openaiResponses,
    title:
      "openai-responses serializeRequest obeys the OpenAI capability table for every combination",
    effort: (body) => body.reasoning?.effort,
    refusesStops: (stops) => stops > 0,
    checkBody: (body, c, _row, at) => {
      assert.equal(body.instructions, "S", at);
      assert.equal(body.max_output_tokens, c.request.maxOutputTokens, at);
    },
  },
];

for (const dialect of OPENAI_DIALECTS) {
  test(dialect.title, () => {
    for (const model of OPENAI) {
      const row = openAIModel(model);
      for (const c of cases(dialect.provider, model)) {
        const { temperature, stopSequences, thinking } = c.request;
        checkCommon(
          c,
          dialect.refusesStops(stopSequences?.length ?? 0, row) ||
            (temperature === 0.5 && !row.temperature) ||
            (typeof thinking === "object" && "budgetTokens" in thinking),
          row.efforts?.length === 0 && thinking !== "none",
        );
        const body = c.body;
        if (body === undefined) continue;
        const at = `${model} ${label(c)}`;
        const effort = dialect.effort(body);
        if (effort !== undefined) assert.ok(row.efforts?.includes(effort) ?? true, at);
        if (typeof thinking === "object" && "effort" in thinking) {
          assert.equal(effort, thinking.effort, at);
        }
        assert.equal(body.temperature, temperature, at);
        if (temperature === 0.5) {
          assert.ok(
            row.temperature === true ||
              (row.temperature === "without-reasoning" && (effort ?? "none") === "none"),
            at,
          );
        }
        dialect.checkBody(body, c, row, at);
      }
    }
  });
}

const GOOGLE = [
  "gemini-2.5-pro",
  "gemini-2.5-flash-lite",
  "gemini-2.5-flash",
  "gemini-3-pro-preview",
  "gemini-3.1-pro-preview",
  "gemini-3-flash-preview",
  "gemini-2.0-flash",
  "gemini-1.5-pro",
  "gemini-exp-1206",
];

test("google serializeRequest obeys the capability table for every combination", () => {
  for (const model of GOOGLE) {
    const row = googleModel(model);
    for (const c of cases(google, model)) {
      const { thinking, stopSequences } = c.request;
      checkCommon(
        c,
        (stopSequences?.length ?? 0) > 5,
        row.thinking === "none" && thinking !== "none",
      );
      const config = c.body?.generationConfig;
      if (c.body === undefined) continue;
      const at = `${model} ${label(c)}`;
      const sent = config?.thinkingConfig;
      if (row.thinking === "none") assert.equal(sent, undefined, at);
      const level = sent?.thinkingLevel;
      if (level !== undefined) assert.ok(row.levels?.includes(level) ?? true, at);
      const budget = sent?.thinkingBudget;
      assert.ok(level === undefined || budget === undefined, at);
      if (budget !== undefined && row.thinking === "budget" && row.levels !== undefined) {
        const range = row.budget!;
        assert.ok(
          budget === 0 ? range.canDisable : budget >= range.min && budget <= range.max,
          at,
        );
      }
      assert.deepEqual(config?.stopSequences, stopSequences, at);
      assert.equal(config?.temperature, c.request.temperature, at);
      assert.equal(config?.maxOutputTokens, c.request.maxOutputTokens, at);
    }
  }
});

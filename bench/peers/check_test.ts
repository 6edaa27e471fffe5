import { test } from "node:test";
import assert from "node:assert/strict";
import type { ChatRequest } from "../../mod.ts";
import { checkOutcomes, checkRequests } from "./check.ts";
import type { Outcome } from "./peer.ts";

const answer: Outcome = {
  text: "Let me check.",
  reasoning: "Step 0.",
  toolCalls: [{ name: "get_weather", arguments: { location: "Paris" } }],
  usage: { input: 20, output: 12, reasoning: 4, cacheRead: 8 },
};
const named = (library: string, value: Outcome) => ({ library, value });

test("checkOutcomes accepts equal answers", () => {
  assert.deepEqual(checkOutcomes("x", [named("a", answer), named("b", { ...answer })]), []);
});

test("checkOutcomes names the library and field that differ", () => {
  const usage = { ...answer.usage, output: 8 };
  assert.throws(
    () => checkOutcomes("anthropic stream", [named("a", answer), named("b", { ...answer, usage })]),
    /Cannot compare anthropic stream: b gives another usage than a/,
  );
  const toolCalls = [{ name: "get_weather", arguments: { location: "Rome" } }];
  assert.throws(
    () => checkOutcomes("x", [named("a", answer), named("b", { ...answer, toolCalls })]),
    /b gives another toolCalls/,
  );
});

test("checkOutcomes notes a library without reasoning and refuses other reasoning", () => {
  const none = { ...answer, reasoning: "" };
  assert.deepEqual(checkOutcomes("openai whole", [named("a", answer), named("b", none)]), [
    "b gives no reasoning text for openai whole",
  ]);
  const other = { ...answer, reasoning: "Step 1." };
  assert.throws(() => checkOutcomes("x", [named("a", answer), named("b", other)]), /b gives other/);
});

const request: ChatRequest = {
  model: "m",
  system: "Be brief.",
  messages: [
    { role: "user", content: "Weather in Paris?" },
    {
      role: "assistant",
      content: [{ type: "tool_call", id: "c1", name: "get_weather", arguments: {} }],
    },
    { role: "tool", content: [{ type: "tool_result", toolCallId: "c1", content: "18°C" }] },
  ],
};
const tools = [{ name: "get_weather" }];
const body = (parts: string[], wireTools: unknown = tools) =>
  JSON.stringify({ system: "Be brief.", messages: parts, tools: wireTools });

test("checkRequests accepts bodies carrying the whole conversation and the same tools", () => {
  const full = body(["Weather in Paris?", "get_weather", "18°C"]);
  const gemini = JSON.stringify({
    contents: ["Be brief.", "Weather in Paris?", "get_weather", "18°C"],
    tools: [{ functionDeclarations: tools }],
  });
  checkRequests("x", request, [{ library: "a", value: full }, { library: "b", value: gemini }]);
});

test("checkRequests names what a library did not send", () => {
  const full = body(["Weather in Paris?", "get_weather", "18°C"]);
  const short = body(["Weather in Paris?", "get_weather"]);
  assert.throws(
    () =>
      checkRequests("google build", request, [{ library: "a", value: full }, {
        library: "b",
        value: short,
      }]),
    /Cannot compare google build: b did not send 18°C/,
  );
  assert.throws(
    () =>
      checkRequests("x", request, [{ library: "a", value: full }, {
        library: "b",
        value: undefined,
      }]),
    /b sent no body/,
  );
  const fewer = body(["Weather in Paris?", "get_weather", "18°C"], []);
  assert.throws(
    () =>
      checkRequests("x", request, [{ library: "a", value: full }, { library: "b", value: fewer }]),
    /b sent tools/,
  );
});

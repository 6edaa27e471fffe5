import { test } from "node:test";
import assert from "node:assert/strict";
import { ValidationError } from "../common/errors.ts";
import type { ChatRequest } from "../common/types.ts";
import { validateRequest } from "./validate.ts";

const hi: ChatRequest = { model: "m", messages: [{ role: "user", content: "hi" }] };

function refused(request: unknown, path: string, message: string): void {
  assert.throws(() => validateRequest(request as ChatRequest, "openai"), (error: unknown) => {
    assert.ok(error instanceof ValidationError);
    assert.equal(error.provider, "openai");
    assert.equal(error.path, path);
    assert.equal(error.message, `Cannot serialize request for openai: ${message}`);
    return true;
  });
}

test("validateRequest accepts a minimal request and returns no calls", () => {
  assert.equal(validateRequest(hi, "openai").size, 0);
});

test("validateRequest returns every tool call's name by id", () => {
  const names = validateRequest({
    model: "m",
    messages: [
      { role: "user", content: "hi" },
      { role: "assistant", content: [{ type: "tool_call", id: "a", name: "f", arguments: {} }] },
      { role: "tool", content: [{ type: "tool_result", toolCallId: "a", content: "ok" }] },
    ],
  }, "openai");
  assert.equal(names.size, 1);
  assert.equal(names.get("a"), "f");
});

test("validateRequest refuses a request that is not an object", () => {
  refused(null, "request", "request must be an object, got null");
});

test("validateRequest refuses an empty model", () => {
  refused({ ...hi, model: "" }, "model", 'model must be a non-empty string, got ""');
});

test("validateRequest refuses an empty message list", () => {
  refused({ model: "m", messages: [] }, "messages", "messages must be a non-empty array");
});

test("validateRequest refuses an unknown role", () => {
  refused(
    { model: "m", messages: [{ role: "system", content: "x" }] },
    "messages[0].role",
    'messages[0].role must be "user", "assistant" or "tool", got "system"',
  );
});

test("validateRequest refuses a role named like an Object.prototype member", () => {
  refused(
    { model: "m", messages: [{ role: "constructor", content: [{ type: "text", text: "x" }] }] },
    "messages[0].role",
    'messages[0].role must be "user", "assistant" or "tool", got "constructor"',
  );
});

test("validateRequest refuses a block kind the role cannot carry", () => {
  refused(
    {
      model: "m",
      messages: [{
        role: "user",
        content: [{ type: "tool_call", id: "a", name: "f", arguments: {} }],
      }],
    },
    "messages[0].content[0].type",
    'messages[0].content[0].type "tool_call" is not allowed in a user message',
  );
});

test("validateRequest refuses an unknown block kind", () => {
  refused(
    { model: "m", messages: [{ role: "user", content: [{ type: "video", url: "x" }] }] },
    "messages[0].content[0].type",
    'messages[0].content[0].type "video" is not allowed in a user message',
  );
});

test("validateRequest refuses a text block without text", () => {
  refused(
    { model: "m", messages: [{ role: "user", content: [{ type: "text", text: 3 }] }] },
    "messages[0].content[0].text",
    "messages[0].content[0].text must be a string, got 3",
  );
});

test("validateRequest refuses an image with neither url nor data", () => {
  refused(
    {
      model: "m",
      messages: [{ role: "user", content: [{ type: "image", mediaType: "image/png" }] }],
    },
    "messages[0].content[0].data",
    "messages[0].content[0].data must be a string, got nothing",
  );
});

test("validateRequest refuses tool call arguments that are not an object", () => {
  refused(
    {
      model: "m",
      messages: [hi.messages[0], {
        role: "assistant",
        content: [{ type: "tool_call", id: "a", name: "f", arguments: "{}" }],
      }],
    },
    "messages[1].content[0].arguments",
    'messages[1].content[0].arguments must be a JSON object, got "{}"',
  );
});

test("validateRequest refuses a tool result whose call is missing", () => {
  refused(
    {
      model: "m",
      messages: [hi.messages[0], {
        role: "tool",
        content: [{ type: "tool_result", toolCallId: "nope", content: "x" }],
      }],
    },
    "messages[1].content[0].toolCallId",
    'messages[1].content[0].toolCallId "nope" answers no earlier tool_call',
  );
});

test("validateRequest refuses a tool message with string content", () => {
  refused(
    { model: "m", messages: [{ role: "tool", content: "x" }] },
    "messages[0].content",
    "messages[0].content must be a non-empty array of tool_result blocks",
  );
});

test("validateRequest refuses a tool defined twice", () => {
  const tool = { name: "f", parameters: { type: "object" } };
  refused({ ...hi, tools: [tool, tool] }, "tools[1].name", 'tools[1].name "f" is defined twice');
});

test("validateRequest refuses a tool without a parameters schema", () => {
  refused(
    { ...hi, tools: [{ name: "f" }] },
    "tools[0].parameters",
    'tools[0].parameters of "f" must be a JSON Schema of type "object" (wrap a value in z.object), got nothing',
  );
});

test("validateRequest refuses a named tool choice that names no tool", () => {
  refused(
    { ...hi, toolChoice: { name: "g" } },
    "toolChoice.name",
    'toolChoice.name "g" is not among the request\'s tools',
  );
});

test("validateRequest refuses required tool choice without tools", () => {
  refused(
    { ...hi, toolChoice: "required" },
    "toolChoice",
    'toolChoice "required" needs at least one tool',
  );
});

test("validateRequest refuses an unknown thinking level", () => {
  refused(
    { ...hi, thinking: "max" },
    "thinking",
    'thinking must be "none", "low", "medium", "high", {budgetTokens} or {effort}, got "max"',
  );
});

test("validateRequest accepts an exact budget or effort", () => {
  assert.equal(validateRequest({ ...hi, thinking: { budgetTokens: 2048 } }, "openai").size, 0);
  assert.equal(validateRequest({ ...hi, thinking: { effort: "xhigh" } }, "openai").size, 0);
});

test("validateRequest refuses a thinking object with other or several keys", () => {
  const message = "thinking must have exactly one key, budgetTokens or effort";
  refused({ ...hi, thinking: { budget: 5 } }, "thinking", message);
  refused({ ...hi, thinking: { budgetTokens: 5, effort: "low" } }, "thinking", message);
});

test("validateRequest refuses a bad budgetTokens or effort", () => {
  refused(
    { ...hi, thinking: { budgetTokens: -1 } },
    "thinking.budgetTokens",
    "thinking.budgetTokens must be an integer >= 0, got -1",
  );
  refused(
    { ...hi, thinking: { effort: "huge" } },
    "thinking.effort",
    'thinking.effort must be one of none, minimal, low, medium, high, xhigh, max, got "huge"',
  );
});

test("validateRequest refuses a non-integer maxOutputTokens", () => {
  refused(
    { ...hi, maxOutputTokens: 1.5 },
    "maxOutputTokens",
    "maxOutputTokens must be a positive integer, got 1.5",
  );
});

test("validateRequest refuses a negative or NaN temperature", () => {
  refused(
    { ...hi, temperature: -1 },
    "temperature",
    "temperature must be a number from 0 to 2, got -1",
  );
  refused(
    { ...hi, temperature: NaN },
    "temperature",
    "temperature must be a number from 0 to 2, got NaN",
  );
});

test("validateRequest refuses stop sequences that are not strings", () => {
  refused(
    { ...hi, stopSequences: [1] },
    "stopSequences",
    "stopSequences must be an array of strings",
  );
});

const assistant = (block: unknown) => ({
  model: "m",
  messages: [{ role: "user", content: "hi" }, { role: "assistant", content: [block] }],
});

test("validateRequest accepts provider blocks and cited text in an assistant turn", () => {
  const request = {
    model: "m",
    messages: [{ role: "user", content: "hi" }, {
      role: "assistant",
      content: [
        { type: "provider", provider: "google", blockType: "executableCode", data: {} },
        { type: "text", text: "a", citations: [{ provider: "google", url: "u", data: {} }] },
      ],
    }],
  };
  assert.equal(validateRequest(request as ChatRequest, "google").size, 0);
});

test("validateRequest refuses a provider block without its data object", () => {
  refused(
    assistant({ type: "provider", provider: "google", blockType: "executableCode", data: "x" }),
    "messages[1].content[0].data",
    'messages[1].content[0].data must be an object, got "x"',
  );
  refused(
    assistant({ type: "provider", provider: "google", data: {} }),
    "messages[1].content[0].blockType",
    "messages[1].content[0].blockType must be a string, got nothing",
  );
});

test("validateRequest refuses citations that are not a list of provider citations", () => {
  refused(
    assistant({ type: "text", text: "a", citations: {} }),
    "messages[1].content[0].citations",
    "messages[1].content[0].citations must be an array, got an object",
  );
  refused(
    assistant({ type: "text", text: "a", citations: [{ provider: "openai" }] }),
    "messages[1].content[0].citations[0].data",
    "messages[1].content[0].citations[0].data must be an object, got nothing",
  );
});

test("validateRequest names an unknown key a request inherits, as it does an own one", () => {
  const request = Object.assign(Object.create({ extra: 1 }), {
    model: "m",
    messages: [{ role: "user", content: "Hi" }],
  });
  assert.throws(() => validateRequest(request, "openai"), {
    name: "ValidationError",
    path: "extra",
    message: "Cannot serialize request for openai: extra is not a request field",
  });
});

import { test } from "node:test";
import assert from "node:assert/strict";
import type { ChatRequest } from "../common/types.ts";
import { validateRequest } from "./validate.ts";

const hi: ChatRequest = { model: "m", messages: [{ role: "user", content: "Hi" }] };
const tools = [{ name: "f", parameters: { type: "object" } }];

function refused(request: unknown, path: string, detail: string): void {
  assert.throws(() => validateRequest(request as ChatRequest, "openai"), {
    name: "ValidationError",
    path,
    message: `Cannot serialize request for openai: ${path} ${detail}`,
  });
}

test("validateRequest accepts every feature field in range", () => {
  validateRequest({
    ...hi,
    system: "S",
    tools,
    topP: 0.5,
    topK: 40,
    seed: -3,
    presencePenalty: -2,
    frequencyPenalty: 2,
    parallelToolCalls: false,
    userId: "u-1",
    structuredOutput: { name: "out_1", schema: { type: "object" }, strict: true },
    cache: { breakpoints: ["tools", "system", 0], ttl: "1h", key: "k" },
    providerTools: [
      {
        type: "web_search",
        maxUses: 2,
        allowedDomains: ["a.example"],
        userLocation: { city: "Paris" },
      },
      { type: "web_fetch", blockedDomains: [] },
      { type: "code_execution" },
    ],
  }, "openai");
});

test("validateRequest refuses sampling values out of range", () => {
  refused({ ...hi, topP: 1.5 }, "topP", "must be a number from 0 to 1, got 1.5");
  refused({ ...hi, topK: 0 }, "topK", "must be an integer >= 1, got 0");
  refused({ ...hi, seed: 1.5 }, "seed", "must be an integer, got 1.5");
  refused(
    { ...hi, presencePenalty: "1" },
    "presencePenalty",
    'must be a number from -2 to 2, got "1"',
  );
  refused(
    { ...hi, frequencyPenalty: 3 },
    "frequencyPenalty",
    "must be a number from -2 to 2, got 3",
  );
  refused({ ...hi, parallelToolCalls: 1 }, "parallelToolCalls", "must be a boolean, got 1");
  refused({ ...hi, userId: "" }, "userId", 'must be a non-empty string, got ""');
});

test("validateRequest checks the structured output's name, schema and strict", () => {
  const schema = { type: "object" };
  refused({ ...hi, structuredOutput: "json" }, "structuredOutput", 'must be an object, got "json"');
  refused(
    { ...hi, structuredOutput: { name: "a b", schema } },
    "structuredOutput.name",
    'must be 1-64 letters, digits, _ or -, got "a b"',
  );
  refused(
    { ...hi, tools, structuredOutput: { name: "f", schema } },
    "structuredOutput.name",
    '"f" is also the name of a tool',
  );
  refused(
    { ...hi, structuredOutput: { name: "o", schema: [] } },
    "structuredOutput.schema",
    'of "o" must be a JSON Schema of type "object" (wrap a value in z.object), got an array',
  );
  refused(
    { ...hi, structuredOutput: { name: "o", schema, strict: "yes" } },
    "structuredOutput.strict",
    'must be a boolean, got "yes"',
  );
});

test("validateRequest checks cache breakpoints against the request", () => {
  refused({ ...hi, cache: { ttl: "1d" } }, "cache.ttl", 'must be "5m" or "1h", got "1d"');
  refused({ ...hi, cache: { key: 3 } }, "cache.key", "must be a non-empty string, got 3");
  refused(
    { ...hi, cache: { breakpoints: [0, 0, 0, 0, 0] } },
    "cache.breakpoints",
    "must be an array of at most 4 breakpoints",
  );
  refused(
    { ...hi, cache: { breakpoints: [0, 0] } },
    "cache.breakpoints[1]",
    "0 is listed twice",
  );
  refused(
    { ...hi, cache: { breakpoints: ["tools"] } },
    "cache.breakpoints[0]",
    '"tools" needs tools in the request',
  );
  refused(
    { ...hi, cache: { breakpoints: ["system"] } },
    "cache.breakpoints[0]",
    '"system" needs a system prompt',
  );
  refused(
    { ...hi, cache: { breakpoints: [1] } },
    "cache.breakpoints[0]",
    "1 is past the last message (0)",
  );
  refused(
    { ...hi, cache: { breakpoints: [-1] } },
    "cache.breakpoints[0]",
    'must be "tools", "system" or a message index, got -1',
  );
  validateRequest({
    ...hi,
    providerTools: [{ type: "code_execution" }],
    cache: { breakpoints: ["tools"] },
  }, "x");
});

test("validateRequest checks provider tools", () => {
  refused({ ...hi, providerTools: {} }, "providerTools", "must be an array, got an object");
  refused(
    { ...hi, providerTools: [{ type: "maps" }] },
    "providerTools[0].type",
    'must be "web_search", "web_fetch" or "code_execution", got "maps"',
  );
  refused(
    { ...hi, providerTools: [{ type: "web_search" }, { type: "web_search" }] },
    "providerTools[1].type",
    '"web_search" is listed twice',
  );
  refused(
    { ...hi, providerTools: [{ type: "web_fetch", maxUses: 0 }] },
    "providerTools[0].maxUses",
    "must be an integer >= 1, got 0",
  );
  refused(
    { ...hi, providerTools: [{ type: "web_fetch", allowedDomains: "a.example" }] },
    "providerTools[0].allowedDomains",
    "must be an array of strings",
  );
  refused(
    { ...hi, providerTools: [{ type: "web_search", userLocation: { city: 1 } }] },
    "providerTools[0].userLocation.city",
    "must be a non-empty string, got 1",
  );
});

test("validateRequest checks documents in user turns and refuses them in tool results", () => {
  const doc = (block: Record<string, unknown>) => ({
    ...hi,
    messages: [{ role: "user", content: [{ type: "document", ...block }] }],
  });
  validateRequest(
    doc({ data: "JVBERg==", mediaType: "application/pdf", title: "a.pdf" }) as ChatRequest,
    "x",
  );
  validateRequest(doc({ url: "https://a.example/a.pdf" }) as ChatRequest, "x");
  validateRequest(doc({ fileId: "file_1", mediaType: "application/pdf" }) as ChatRequest, "x");
  const at = "messages[0].content[0]";
  refused(doc({}), at, "must have exactly one of data, url or fileId");
  refused(
    doc({ data: "x", url: "y", mediaType: "a" }),
    at,
    "must have exactly one of data, url or fileId",
  );
  refused(doc({ data: "JVBERg==" }), `${at}.mediaType`, "must be a non-empty string, got nothing");
  refused(doc({ fileId: 7 }), `${at}.fileId`, "must be a non-empty string, got 7");
  refused(doc({ url: "u", title: "" }), `${at}.title`, 'must be a non-empty string, got ""');
  refused(
    {
      ...hi,
      messages: [
        { role: "assistant", content: [{ type: "tool_call", id: "c", name: "f", arguments: {} }] },
        {
          role: "tool",
          content: [{
            type: "tool_result",
            toolCallId: "c",
            content: [{ type: "document", url: "u" }],
          }],
        },
      ],
    },
    "messages[1].content[0].content[0]",
    "must be a text or image block",
  );
});

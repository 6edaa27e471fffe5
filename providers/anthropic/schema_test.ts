import { test } from "node:test";
import assert from "node:assert/strict";
import { ValidationError } from "../../common/errors.ts";
import { anthropic } from "./mod.ts";
import type { ChatRequest } from "../../common/types.ts";
import type { JsonObject } from "../../common/json_object.ts";

const withSchema = (schema: JsonObject): ChatRequest => ({
  model: "claude-sonnet-4-5",
  messages: [{ role: "user", content: "x" }],
  structuredOutput: { name: "o", schema },
});

for (const key of ["anyOf", "oneOf", "allOf"]) {
  test(`anthropic serializeRequest refuses a structured output whose ${key} is not an array`, () => {
    assert.throws(
      () => anthropic.serializeRequest(withSchema({ type: "object", [key]: { a: 1 } })),
      (e: unknown) =>
        e instanceof ValidationError &&
        e.path === `structuredOutput.schema.${key}` &&
        e.message ===
          `Cannot serialize request for anthropic: structuredOutput.schema.${key} must be an array`,
    );
  });
}

for (const key of ["$defs", "definitions"]) {
  test(`anthropic serializeRequest refuses a structured output whose ${key} is not an object`, () => {
    assert.throws(
      () =>
        anthropic.serializeRequest(
          withSchema({ type: "object", properties: { a: { [key]: "abc" } } }),
        ),
      (e: unknown) =>
        e instanceof ValidationError &&
        e.path === `structuredOutput.schema.properties.a.${key}` &&
        e.message ===
          `Cannot serialize request for anthropic: structuredOutput.schema.properties.a.${key} must be an object of schemas`,
    );
  });
}

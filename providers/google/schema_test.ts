import { test } from "node:test";
import assert from "node:assert/strict";
import type { JsonObject } from "../../common/json_object.ts";
import { toGeminiSchema } from "./schema.ts";

const convert = (schema: JsonObject) => toGeminiSchema(schema, "tools[0].parameters");

test("toGeminiSchema drops $schema and additionalProperties false silently", () => {
  const result = convert({
    $schema: "x",
    type: "object",
    properties: { a: { type: "string" } },
    additionalProperties: false,
  });
  assert.deepEqual(result, {
    schema: { type: "object", properties: { a: { type: "string" } } },
    notes: [],
  });
});

test("toGeminiSchema turns a null in a type list or anyOf into nullable", () => {
  assert.deepEqual(convert({ type: ["integer", "null"] }).schema, {
    type: "integer",
    nullable: true,
  });
  assert.deepEqual(convert({ anyOf: [{ type: "string" }, { type: "null" }] }).schema, {
    nullable: true,
    type: "string",
  });
  assert.deepEqual(convert({ type: ["string", "number"] }).schema, {
    anyOf: [{ type: "string" }, { type: "number" }],
  });
});

test("toGeminiSchema inlines local $ref definitions", () => {
  const schema = {
    type: "object",
    properties: {
      home: { $ref: "#/$defs/place" },
      work: { $ref: "#/$defs/place", description: "Office" },
    },
    $defs: { place: { type: "object", properties: { city: { type: "string" } } } },
  };
  assert.deepEqual(convert(schema).schema, {
    type: "object",
    properties: {
      home: { type: "object", properties: { city: { type: "string" } } },
      work: { type: "object", properties: { city: { type: "string" } }, description: "Office" },
    },
  });
});

test("toGeminiSchema turns a string const into a one-value enum", () => {
  assert.deepEqual(convert({ type: "string", const: "x" }).schema, { type: "string", enum: ["x"] });
});

test("toGeminiSchema notes weakened constraints with their path", () => {
  const result = convert({
    type: "object",
    properties: {
      n: { type: "number", exclusiveMinimum: 0 },
      u: { oneOf: [{ type: "string" }, { type: "integer" }] },
    },
  });
  assert.deepEqual(result.schema.properties, {
    n: { type: "number", minimum: 0 },
    u: { anyOf: [{ type: "string" }, { type: "integer" }] },
  });
  assert.deepEqual(result.notes.map((n) => n.path), [
    ".properties.n.exclusiveMinimum",
    ".properties.u.oneOf",
  ]);
});

test("toGeminiSchema refuses keywords Gemini cannot express, naming the path", () => {
  assert.throws(
    () => convert({ type: "object", properties: { a: { allOf: [{ type: "string" }] } } }),
    {
      name: "ValidationError",
      path: "tools[0].parameters.properties.a.allOf",
      message:
        "Cannot serialize request for google: tools[0].parameters.properties.a.allOf is not supported by Gemini's schema dialect",
    },
  );
  assert.throws(() => convert({ $ref: "#/nowhere" }), { path: "tools[0].parameters.$ref" });
});

test("toGeminiSchema refuses a recursive schema instead of looping", () => {
  const schema = { type: "object", properties: { child: { $ref: "#" } } };
  assert.throws(() => convert(schema), { name: "ValidationError", message: /nests too deep/ });
});

test("toGeminiSchema converts a schema object once", () => {
  const schema = { type: "object", properties: { a: { type: "string" } } };
  assert.equal(convert(schema), convert(schema));
});

test("toGeminiSchema refuses properties and items that are not schemas", () => {
  assert.throws(() => convert({ type: "object", properties: [] }), {
    path: "tools[0].parameters.properties",
    message:
      "Cannot serialize request for google: tools[0].parameters.properties must be an object of schemas",
  });
  assert.throws(() => convert({ type: "array", items: [{ type: "string" }] }), {
    path: "tools[0].parameters.items",
  });
});

// Strict structured output on OpenAI's two dialects: strict mode answers 400 unless every object
// is closed and every property required (platform.openai.com/docs/guides/structured-outputs,
// "Supported schemas"). Chat sends the schema as response_format.json_schema.schema, Responses as
// text.format.schema.
import { test } from "node:test";
import assert from "node:assert/strict";
import { z } from "zod";
import { defineOutput } from "../tools/output.ts";
import type { ChatRequest, StructuredOutput } from "../mod.ts";
import { serializing, type WireBody } from "../testing/internal/serialize.ts";
import { providers } from "./mod.ts";

const DIALECTS = [
  { provider: providers.openai, sent: (body: WireBody) => body.response_format.json_schema },
  { provider: providers["openai-responses"], sent: (body: WireBody) => body.text.format },
];

const request = (structuredOutput: StructuredOutput): ChatRequest => ({
  model: "gpt-4o",
  messages: [{ role: "user", content: "Plan a trip" }],
  structuredOutput,
});

// Objects at every depth a schema nests them: properties, items, anyOf and $defs.
const trip = {
  type: "object",
  properties: {
    city: { type: "string" },
    stops: {
      type: "array",
      items: { type: "object", properties: { name: { type: "string" } }, required: ["name"] },
    },
    budget: {
      anyOf: [
        { type: "object", properties: { amount: { type: "number" } }, required: ["amount"] },
        { type: "null" },
      ],
    },
    hotel: { $ref: "#/$defs/hotel" },
  },
  required: ["city", "stops", "budget", "hotel"],
  $defs: {
    hotel: { type: "object", properties: { stars: { type: "integer" } }, required: ["stars"] },
  },
};

for (const { provider, sent } of DIALECTS) {
  const { wire, refused } = serializing(provider);
  const p = provider.name;

  test(`${p} serializeRequest closes every object of a strict schema`, () => {
    const before = JSON.stringify(trip);
    const format = sent(wire(request({ name: "trip", schema: trip, strict: true })));
    assert.equal(format.strict, true);
    const schema = format.schema;
    assert.equal(schema.additionalProperties, false);
    assert.equal(schema.properties.stops.items.additionalProperties, false);
    assert.equal(schema.properties.budget.anyOf[0].additionalProperties, false);
    assert.equal(schema.$defs.hotel.additionalProperties, false);
    assert.deepEqual(schema.properties.budget.anyOf[1], { type: "null" });
    assert.equal(JSON.stringify(trip), before, "the caller's schema is not written to");
  });

  test(`${p} serializeRequest sends a schema unchanged when strict is not true`, () => {
    for (const strict of [undefined, false]) {
      const format = sent(wire(request({ name: "trip", schema: trip, strict })));
      assert.deepEqual(format.schema, trip);
    }
  });

  test(`${p} serializeRequest refuses an optional property under strict, naming it`, () => {
    const schema = {
      type: "object",
      properties: { city: { type: "string" }, note: { type: "string" } },
      required: ["city"],
    };
    refused(
      request({ name: "trip", schema, strict: true }),
      "structuredOutput.schema.properties.note",
      "is optional: strict mode needs every property required (make it nullable instead, e.g. z.string().nullable(), or set strict: false)",
    );
    const nested = {
      type: "object",
      properties: { stops: { type: "array", items: schema } },
      required: ["stops"],
    };
    refused(
      request({ name: "trip", schema: nested, strict: true }),
      "structuredOutput.schema.properties.stops.items.properties.note",
      "is optional: strict mode needs every property required (make it nullable instead, e.g. z.string().nullable(), or set strict: false)",
    );
  });

  test(`${p} serializeRequest refuses an open object under strict`, () => {
    refused(
      request({
        name: "trip",
        schema: {
          type: "object",
          properties: { a: { type: "string" } },
          required: ["a"],
          additionalProperties: true,
        },
        strict: true,
      }),
      "structuredOutput.schema.additionalProperties",
      "must be false in strict mode (every object closed), or set strict: false",
    );
    refused(
      request({
        name: "map",
        schema: { type: "object", properties: { m: { type: "object" } }, required: ["m"] },
        strict: true,
      }),
      "structuredOutput.schema.properties.m",
      "is an object without properties: strict mode needs every object's properties listed (or set strict: false)",
    );
  });

  test(`${p} serializeRequest sends a zod output with nullable fields under strict`, () => {
    const output = defineOutput({
      name: "trip",
      output: z.object({ city: z.string(), note: z.string().nullable() }),
      strict: true,
    });
    const schema = sent(wire(request(output))).schema;
    assert.deepEqual(schema.required, ["city", "note"]);
    assert.equal(schema.additionalProperties, false);
  });
}

test("strict schemas: a nullable object without properties is refused, tuple items are closed", () => {
  const { refused, wire } = serializing(providers.openai);
  refused(
    request({
      name: "m",
      schema: { type: "object", properties: { m: { type: ["object", "null"] } }, required: ["m"] },
      strict: true,
    }),
    "structuredOutput.schema.properties.m",
    "is an object without properties: strict mode needs every object's properties listed (or set strict: false)",
  );
  const tuple = {
    type: "object",
    properties: {
      pair: {
        type: "array",
        items: [{ type: "object", properties: { a: { type: "string" } }, required: ["a"] }],
      },
    },
    required: ["pair"],
  };
  const sent =
    wire(request({ name: "t", schema: tuple, strict: true })).response_format.json_schema.schema;
  assert.equal(sent.properties.pair.items[0].additionalProperties, false);
});

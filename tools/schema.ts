/**
 * A zod schema → the JSON Schema a provider takes for a tool's arguments or a structured answer,
 * with every way that can go wrong turned into a {@link ValidationError} naming the tool: a
 * schema that is not zod 4's (zod 3 and plain JSON Schema have no `toJSONSchema`), a type JSON
 * Schema cannot express (`z.date()`, `z.bigint()`), or a schema that is not an object.
 *
 * @module
 */

import { ValidationError } from "../common/errors.ts";
import type { JsonObject } from "../common/json_object.ts";
import { describeValue } from "../codec/describe.ts";
import { notObjectSchema } from "../codec/validate_features.ts";

/**
 * The JSON Schema of a zod 4 object schema, without its `$schema` key.
 *
 * @param what What is being defined, for the message: `tool` or `output`.
 * @param name The tool's or output's name.
 * @param field The option holding the schema: `input` or `output`.
 * @param schema The schema given.
 * @returns The JSON Schema, `type: "object"`.
 * @throws {ValidationError} With `path` the option's name and the zod error as `cause`.
 *
 * @example A schema that is not an object is refused, naming the tool
 * ```ts
 * import { defineTool } from "@rosetta/llm";
 * import { z } from "zod";
 * import assert from "node:assert/strict";
 * assert.throws(() => defineTool({ name: "echo", input: z.string() }), {
 *   name: "ValidationError",
 *   path: "input",
 * });
 * ```
 */
export function objectJsonSchema(
  what: "tool" | "output",
  name: string,
  field: "input" | "output",
  schema: unknown,
): JsonObject {
  const fail = (detail: string, cause?: unknown): never => {
    throw new ValidationError(`Cannot define ${what} ${JSON.stringify(name)}: ${field} ${detail}`, {
      path: field,
      cause,
    });
  };
  if (typeof name !== "string" || name === "") {
    throw new ValidationError(
      `Cannot define ${what}: name must be a non-empty string, got ${describeValue(name)}`,
      { path: "name" },
    );
  }
  type Convert = (this: unknown, options: { io: "input" }) => unknown;
  const convert = (schema as { toJSONSchema?: Convert } | undefined)?.toJSONSchema;
  if (typeof convert !== "function") {
    const zod3 = typeof schema === "object" && schema !== null && "_def" in schema;
    fail(
      zod3
        ? "is a zod 3 schema: rosetta needs zod 4 (npm i zod@4)"
        : `must be a zod 4 schema, got ${describeValue(schema)} (for plain JSON Schema, ` +
          "give the tool as { name, description, parameters })",
    );
  }
  let json: JsonObject;
  try {
    // `io: "input"` describes what the model must send (defaults make fields optional).
    json = convert!.call(schema, { io: "input" }) as JsonObject;
  } catch (error) {
    return fail(
      `cannot be sent as JSON Schema: ${(error as Error)?.message ?? String(error)}`,
      error,
    );
  }
  const { $schema: _, ...rest } = json;
  if (rest.type !== "object") fail(notObjectSchema(name, rest).replace(/^of "[^"]*" /, ""));
  return rest;
}

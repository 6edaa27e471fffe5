/**
 * JSON Schema → the OpenAPI 3.0 subset Gemini takes for function parameters. Unsupported
 * keywords are translated where the meaning survives, reported as warnings where it weakens,
 * and refused with the path where it cannot be expressed. Results are cached per schema object.
 *
 * @see https://ai.google.dev/api/caching#Schema
 * @module
 */

import { ValidationError } from "../../common/errors.ts";
import { isJsonObject } from "../../codec/json.ts";
import { type ConvertedSchema, SchemaCache, type SchemaNote } from "../../codec/schema_notes.ts";
import type { JsonObject } from "../../common/json_object.ts";

const KEPT = new Set([
  "format",
  "title",
  "description",
  "nullable",
  "enum",
  "maxItems",
  "minItems",
  "minProperties",
  "maxProperties",
  "minLength",
  "maxLength",
  "pattern",
  "example",
  "default",
  "minimum",
  "maximum",
  "propertyOrdering",
  "required",
]);
// Annotations with no effect on what the model may generate: dropped without a word.
const IGNORED = new Set([
  "$schema",
  "$id",
  "$comment",
  "$defs",
  "definitions",
  "examples",
  "deprecated",
  "readOnly",
  "writeOnly",
]);

const cache = new SchemaCache((schema, at, notes) =>
  convert(schema, "", { root: schema, at, notes }, 0)
);

/** One conversion: the root (for `$ref`), the request path, the notes so far. */
interface Walk {
  root: JsonObject;
  at: string;
  notes: SchemaNote[];
}

/** Converts one keyword of `node` into `out`; `path` is the node's path below the root. */
type Keyword = (
  key: string,
  value: unknown,
  out: JsonObject,
  path: string,
  walk: Walk,
  depth: number,
) => void;

/**
 * The conversion {@link toGeminiSchema} made of a schema object before, if any: a lookup that
 * needs no path, for callers that build the path only when they must convert.
 *
 * @param schema The JSON Schema.
 * @returns Its converted schema and notes, or undefined.
 */
export function convertedGeminiSchema(schema: JsonObject): ConvertedSchema | undefined {
  return cache.get(schema);
}

/**
 * Converts a tool's JSON Schema to Gemini's dialect, once per schema object.
 *
 * @param schema The JSON Schema (treated as immutable once passed here).
 * @param at Path of the schema in the request, for errors.
 * @returns The converted schema and notes.
 * @throws {ValidationError} For `$ref` cycles, `allOf`, `not` and other inexpressible keywords.
 */
export function toGeminiSchema(schema: JsonObject, at: string): ConvertedSchema {
  return cache.convert(schema, at);
}

function fail(walk: Walk, path: string, key: string, why: string): never {
  throw new ValidationError(
    `Cannot serialize request for google: ${walk.at}${path}.${key} ${why}`,
    {
      provider: "google",
      path: `${walk.at}${path}.${key}`,
    },
  );
}

function convert(node: JsonObject, path: string, walk: Walk, depth: number): JsonObject {
  if (depth > 32) {
    fail(walk, path, "$ref", "nests too deep (a recursive schema cannot be inlined for Gemini)");
  }
  if (typeof node.$ref === "string") {
    const target = resolve(walk.root, node.$ref);
    if (target === undefined) {
      fail(walk, path, "$ref", `${JSON.stringify(node.$ref)} points nowhere in the schema`);
    }
    const { $ref: _, ...rest } = node;
    return convert({ ...target, ...rest }, path, walk, depth + 1);
  }
  const out: JsonObject = {};
  // The type goes first, as Gemini's own schemas put it.
  if (node.type !== undefined) convertType(node.type, out);
  for (const key in node) {
    if (key === "type") continue;
    const value = node[key];
    if (KEPT.has(key)) out[key] = value;
    else if (Object.hasOwn(KEYWORDS, key)) KEYWORDS[key](key, value, out, path, walk, depth);
    else if (!IGNORED.has(key)) {
      fail(walk, path, key, "is not supported by Gemini's schema dialect");
    }
  }
  return out;
}

// ["string", "null"] is OpenAPI's nullable string; several types become anyOf.
function convertType(type: unknown, out: JsonObject): void {
  if (!Array.isArray(type)) {
    out.type = type;
    return;
  }
  const types = type.filter((t) => t !== "null");
  if (types.length === 1) out.type = types[0];
  else out.anyOf = types.map((t) => ({ type: t }));
  if (types.length < type.length) out.nullable = true;
}

const properties: Keyword = (key, value, out, path, walk, depth) => {
  if (!isJsonObject(value)) return fail(walk, path, key, "must be an object of schemas");
  const converted: JsonObject = {};
  for (const name in value) {
    const property = value[name];
    if (!isJsonObject(property)) fail(walk, path, `properties.${name}`, "must be a schema object");
    converted[name] = convert(property, `${path}.properties.${name}`, walk, depth + 1);
  }
  out.properties = converted;
};

const items: Keyword = (key, value, out, path, walk, depth) => {
  if (!isJsonObject(value)) return fail(walk, path, key, "must be a schema object");
  out.items = convert(value, `${path}.items`, walk, depth + 1);
};

// anyOf as is; oneOf weakened to anyOf. A null option becomes nullable.
const union: Keyword = (key, value, out, path, walk, depth) => {
  if (!Array.isArray(value)) return fail(walk, path, key, "must be an array");
  if (key === "oneOf") {
    walk.notes.push({
      path: `${path}.oneOf`,
      message: "sent as anyOf: Gemini cannot require exactly one match",
    });
  }
  const options = value.filter((option) => !(isJsonObject(option) && option.type === "null"));
  if (options.length < value.length) out.nullable = true;
  const converted = options.map((option, i) => {
    if (!isJsonObject(option)) fail(walk, path, `${key}[${i}]`, "must be a schema object");
    return convert(option, `${path}.${key}[${i}]`, walk, depth + 1);
  });
  if (converted.length === 1) Object.assign(out, converted[0]);
  else out.anyOf = converted;
};

const constant: Keyword = (key, value, out, path, walk) => {
  if (typeof value !== "string") {
    fail(walk, path, key, "must be a string for Gemini (its enum takes strings)");
  }
  out.enum = [value];
};

const exclusiveBound: Keyword = (key, value, out, path, walk) => {
  if (typeof value !== "number") fail(walk, path, key, "must be a number");
  out[key === "exclusiveMinimum" ? "minimum" : "maximum"] = value;
  walk.notes.push({
    path: `${path}.${key}`,
    message: "sent as an inclusive bound: Gemini has no exclusive bounds",
  });
};

// false is Gemini's own behaviour (only declared properties); anything else is lost.
const additionalProperties: Keyword = (key, value, _out, path, walk) => {
  if (value !== false) {
    walk.notes.push({
      path: `${path}.${key}`,
      message: "dropped: Gemini takes only declared properties",
    });
  }
};

// Keywords translated rather than kept as they are, each by its own piece.
const KEYWORDS: Record<string, Keyword> = {
  properties,
  items,
  anyOf: union,
  oneOf: union,
  const: constant,
  exclusiveMinimum: exclusiveBound,
  exclusiveMaximum: exclusiveBound,
  additionalProperties,
};

function resolve(root: JsonObject, ref: string): JsonObject | undefined {
  if (!ref.startsWith("#")) return undefined;
  let node: unknown = root;
  for (const part of ref.slice(1).split("/")) {
    if (part === "") continue;
    if (!isJsonObject(node)) return undefined;
    node = node[part.replaceAll("~1", "/").replaceAll("~0", "~")];
  }
  return isJsonObject(node) ? node : undefined;
}

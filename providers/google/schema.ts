/**
 * JSON Schema → the OpenAPI 3.0 subset Gemini takes for function parameters. Unsupported
 * keywords are translated where the meaning survives, reported as warnings where it weakens,
 * and refused with the path where it cannot be expressed. Results are cached per schema object.
 *
 * @see https://ai.google.dev/api/caching#Schema
 * @module
 */

import { ValidationError } from "../../common/errors.ts";
import { isJsonObject } from "../../common/json.ts";
import type { JsonObject } from "../../common/types.ts";

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

/** A conversion note, relative to the schema root. */
export interface SchemaNote {
  /** Path below the schema root, e.g. `.properties.when.exclusiveMinimum`. */
  path: string;
  /** What changed. */
  message: string;
}

/** A converted schema and what the conversion weakened. */
export interface GeminiSchema {
  /** The schema in Gemini's dialect. */
  schema: JsonObject;
  /** Constraints that were relaxed or dropped. */
  notes: SchemaNote[];
}

const cache = new WeakMap<JsonObject, GeminiSchema>();

/**
 * Converts a tool's JSON Schema to Gemini's dialect, once per schema object.
 *
 * @param schema The JSON Schema (treated as immutable once passed here).
 * @param at Path of the schema in the request, for errors.
 * @returns The converted schema and notes.
 * @throws {ValidationError} For `$ref` cycles, `allOf`, `not` and other inexpressible keywords.
 */
export function toGeminiSchema(schema: JsonObject, at: string): GeminiSchema {
  let done = cache.get(schema);
  if (done === undefined) {
    const notes: SchemaNote[] = [];
    done = { schema: convert(schema, schema, "", at, notes, 0), notes };
    cache.set(schema, done);
  }
  return done;
}

function convert(
  node: JsonObject,
  root: JsonObject,
  path: string,
  at: string,
  notes: SchemaNote[],
  depth: number,
): JsonObject {
  const fail: (key: string, why: string) => never = (key, why) => {
    throw new ValidationError(`Cannot serialize request for google: ${at}${path}.${key} ${why}`, {
      provider: "google",
      path: `${at}${path}.${key}`,
    });
  };
  if (depth > 32) fail("$ref", "nests too deep (a recursive schema cannot be inlined for Gemini)");
  if (typeof node.$ref === "string") {
    const target = resolve(root, node.$ref);
    if (target === undefined) {
      fail("$ref", `${JSON.stringify(node.$ref)} points nowhere in the schema`);
    }
    const { $ref: _, ...rest } = node;
    return convert({ ...target, ...rest }, root, path, at, notes, depth + 1);
  }
  const out: JsonObject = {};
  const type = node.type;
  if (Array.isArray(type)) {
    // ["string", "null"] is OpenAPI's nullable string; several types become anyOf.
    const types = type.filter((t) => t !== "null");
    if (types.length === 1) out.type = types[0];
    else out.anyOf = types.map((t) => ({ type: t }));
    if (types.length < type.length) out.nullable = true;
  } else if (type !== undefined) {
    out.type = type;
  }
  for (const key in node) {
    const value = node[key];
    if (KEPT.has(key)) out[key] = value;
    else if (key === "type") continue;
    else if (key === "properties" && isJsonObject(value)) {
      const properties: JsonObject = {};
      for (const name in value) {
        const property = value[name];
        if (!isJsonObject(property)) fail(`properties.${name}`, "must be a schema object");
        properties[name] = convert(
          property,
          root,
          `${path}.properties.${name}`,
          at,
          notes,
          depth + 1,
        );
      }
      out.properties = properties;
    } else if (key === "items" && isJsonObject(value)) {
      out.items = convert(value, root, `${path}.items`, at, notes, depth + 1);
    } else if (key === "anyOf" || key === "oneOf") {
      if (!Array.isArray(value)) fail(key, "must be an array");
      if (key === "oneOf") {
        notes.push({
          path: `${path}.oneOf`,
          message: "sent as anyOf: Gemini cannot require exactly one match",
        });
      }
      const options = value.filter((option) => !(isJsonObject(option) && option.type === "null"));
      if (options.length < value.length) out.nullable = true;
      const converted = options.map((option, i) => {
        if (!isJsonObject(option)) fail(`${key}[${i}]`, "must be a schema object");
        return convert(option, root, `${path}.${key}[${i}]`, at, notes, depth + 1);
      });
      if (converted.length === 1) Object.assign(out, converted[0]);
      else out.anyOf = converted;
    } else if (key === "const") {
      if (typeof value !== "string") {
        fail(key, "must be a string for Gemini (its enum takes strings)");
      }
      out.enum = [value];
    } else if (key === "exclusiveMinimum" || key === "exclusiveMaximum") {
      if (typeof value !== "number") fail(key, "must be a number");
      out[key === "exclusiveMinimum" ? "minimum" : "maximum"] = value;
      notes.push({
        path: `${path}.${key}`,
        message: "sent as an inclusive bound: Gemini has no exclusive bounds",
      });
    } else if (key === "additionalProperties") {
      // false is Gemini's own behaviour (only declared properties); anything else is lost.
      if (value !== false) {
        notes.push({
          path: `${path}.${key}`,
          message: "dropped: Gemini takes only declared properties",
        });
      }
    } else if (IGNORED.has(key)) continue;
    else fail(key, "is not supported by Gemini's schema dialect");
  }
  return out;
}

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

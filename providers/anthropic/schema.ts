/**
 * JSON Schema → the subset Anthropic's structured outputs enforce. Every object gets
 * `additionalProperties: false` (the API requires it); constraints the grammar cannot enforce
 * (`minimum`, `maxLength`, `pattern`, …) move into the description, as the official SDKs do,
 * each with a note; {@link parseOutput} still checks them. Results are cached per schema object.
 *
 * @see https://platform.claude.com/docs/en/build-with-claude/structured-outputs#json-schema-limitations
 * @module
 */

import { isJsonObject } from "../../codec/json.ts";
import { type ConvertedSchema, SchemaCache, type SchemaNote } from "../../codec/schema_notes.ts";
import type { JsonObject } from "../../common/json_object.ts";
import { refuse } from "../../common/refuse.ts";

const FORMATS = new Set([
  "date-time",
  "time",
  "date",
  "duration",
  "email",
  "hostname",
  "uri",
  "ipv4",
  "ipv6",
  "uuid",
]);
const KEPT = new Set(["type", "description", "title", "enum", "const", "required", "$ref"]);
const IGNORED = new Set(["$schema", "$id", "$comment", "examples", "deprecated"]);

const cache = new SchemaCache((schema, at, notes) => convert(schema, "", at, notes));

/**
 * Converts a structured output's JSON Schema to Anthropic's subset, once per schema object.
 *
 * @param schema The JSON Schema (treated as immutable once passed here).
 * @param at Path of the schema in the request, for errors.
 * @returns The converted schema and notes.
 * @throws {ValidationError} When a union is not an array or `$defs` not an object.
 */
export function toAnthropicSchema(schema: JsonObject, at: string): ConvertedSchema {
  return cache.convert(schema, at);
}

function convert(node: JsonObject, path: string, at: string, notes: SchemaNote[]): JsonObject {
  const out: JsonObject = {};
  const moved: string[] = [];
  for (const key in node) {
    const value = node[key];
    if (KEPT.has(key)) out[key] = value;
    else if (key === "properties" && isJsonObject(value)) {
      const properties: JsonObject = {};
      for (const name in value) {
        properties[name] = sub(value[name], `${path}.properties.${name}`, at, notes);
      }
      out.properties = properties;
    } else if (key === "items") out.items = sub(value, `${path}.items`, at, notes);
    else if (key === "$defs" || key === "definitions") {
      if (!isJsonObject(value)) {
        refuse("anthropic", `${at}${path}.${key}`, "must be an object of schemas");
      }
      const defs: JsonObject = {};
      for (const name in value) defs[name] = sub(value[name], `${path}.${key}.${name}`, at, notes);
      out[key] = defs;
    } else if (key === "anyOf" || key === "oneOf" || key === "allOf") {
      if (!Array.isArray(value)) refuse("anthropic", `${at}${path}.${key}`, "must be an array");
      if (key === "oneOf") {
        notes.push({ path: `${path}.oneOf`, message: "sent as anyOf: Anthropic has no oneOf" });
      }
      out[key === "oneOf" ? "anyOf" : key] = value.map((option, i) =>
        sub(option, `${path}.${key}[${i}]`, at, notes)
      );
    } else if (key === "additionalProperties") {
      if (value !== false) {
        notes.push({
          path: `${path}.additionalProperties`,
          message: "dropped: Anthropic structured outputs take only declared properties",
        });
      }
    } else if (
      (key === "format" && FORMATS.has(value as string)) ||
      (key === "minItems" && (value === 0 || value === 1))
    ) {
      out[key] = value;
    } else if (!IGNORED.has(key)) {
      moved.push(`${key}: ${JSON.stringify(value)}`);
      notes.push({
        path: `${path}.${key}`,
        message: "moved to the description: Anthropic structured outputs cannot enforce it",
      });
    }
  }
  if (out.type === "object" || out.properties !== undefined) out.additionalProperties = false;
  if (moved.length > 0) {
    const described = typeof out.description === "string" ? `${out.description}\n\n` : "";
    out.description = `${described}{${moved.join(", ")}}`;
  }
  return out;
}

function sub(value: unknown, path: string, at: string, notes: SchemaNote[]): unknown {
  return isJsonObject(value) ? convert(value, path, at, notes) : value;
}

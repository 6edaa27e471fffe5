/**
 * JSON Schema → what OpenAI's strict structured outputs accept (Chat `response_format.json_schema`
 * and Responses `text.format` with `strict: true`). Strict mode compiles the schema into a decoding
 * grammar and answers 400 unless every object is closed (`additionalProperties: false`) and every
 * property is listed in `required`. Objects are closed here; an optional property or an open
 * object is refused with its path, since making it nullable would change the answer's shape
 * (`null` where the caller's schema, and `parseOutput`, expect the key to be absent).
 *
 * @see https://platform.openai.com/docs/guides/structured-outputs#supported-schemas
 * @module
 */

import { isJsonObject } from "../../codec/json.ts";
import type { JsonObject } from "../../common/json_object.ts";
import { refuse } from "../../common/refuse.ts";

// Keywords whose values are one schema, or a list or map of schemas, to close as well.
const ONE = ["items", "additionalItems", "not"] as const;
const LIST = ["anyOf", "oneOf", "allOf", "prefixItems"] as const;
const MAP = ["$defs", "definitions"] as const;

// Closed schemas per caller schema object: what a conversion gives does not depend on the dialect
// (only a refusal names it, and refusals are not kept).
const closedSchemas = new WeakMap<JsonObject, JsonObject>();

/**
 * The schema to send under `strict: true`, converted once per schema object.
 *
 * @param provider The dialect or host serializing, named in refusals.
 * @param schema The caller's JSON Schema (treated as immutable once passed here).
 * @param at Its path in the request, e.g. `structuredOutput.schema`.
 * @returns The closed schema.
 * @throws {ValidationError} For an optional property or an object left open.
 */
export function strictSchema(provider: string, schema: JsonObject, at: string): JsonObject {
  let closed = closedSchemas.get(schema);
  if (closed === undefined) {
    closed = close(provider, schema, at, "");
    closedSchemas.set(schema, closed);
  }
  return closed;
}

function close(provider: string, node: JsonObject, at: string, path: string): JsonObject {
  const out: JsonObject = { ...node };
  for (const key of ONE) {
    if (isJsonObject(node[key])) out[key] = close(provider, node[key], at, `${path}.${key}`);
  }
  for (const key of LIST) {
    const list = node[key];
    if (Array.isArray(list)) {
      out[key] = list.map((item, i) =>
        isJsonObject(item) ? close(provider, item, at, `${path}.${key}[${i}]`) : item
      );
    }
  }
  for (const key of MAP) {
    const map = node[key];
    if (isJsonObject(map)) {
      const closed: JsonObject = {};
      for (const name in map) {
        const sub = map[name];
        closed[name] = isJsonObject(sub) ? close(provider, sub, at, `${path}.${key}.${name}`) : sub;
      }
      out[key] = closed;
    }
  }
  const items = node.items;
  if (Array.isArray(items)) {
    // The older tuple form: each position is a schema of its own.
    out.items = items.map((item, i) =>
      isJsonObject(item) ? close(provider, item, at, `${path}.items[${i}]`) : item
    );
  }
  const objectType = node.type === "object" ||
    (Array.isArray(node.type) && node.type.includes("object"));
  if (isJsonObject(node.properties)) closeObject(provider, node, out, at, path);
  else if (objectType && node.additionalProperties !== false) {
    refuse(
      provider,
      at + path,
      "is an object without properties: strict mode needs every object's properties listed (or set strict: false)",
    );
  }
  return out;
}

function closeObject(
  provider: string,
  node: JsonObject,
  out: JsonObject,
  at: string,
  path: string,
): void {
  const properties = node.properties as JsonObject;
  if (node.additionalProperties !== undefined && node.additionalProperties !== false) {
    refuse(
      provider,
      `${at}${path}.additionalProperties`,
      "must be false in strict mode (every object closed), or set strict: false",
    );
  }
  const required = Array.isArray(node.required) ? node.required : [];
  const closed: JsonObject = {};
  for (const name in properties) {
    if (!required.includes(name)) {
      refuse(
        provider,
        `${at}${path}.properties.${name}`,
        "is optional: strict mode needs every property required (make it nullable instead, e.g. z.string().nullable(), or set strict: false)",
      );
    }
    const sub = properties[name];
    closed[name] = isJsonObject(sub) ? close(provider, sub, at, `${path}.properties.${name}`) : sub;
  }
  out.properties = closed;
  out.additionalProperties = false;
}

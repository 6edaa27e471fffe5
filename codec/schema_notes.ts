/**
 * JSON Schema conversions to a provider's dialect: what each weakened (notes, reported as
 * warnings under the schema's request path) and a cache, so a schema object reused across
 * requests is converted once.
 *
 * @module
 */

import { warn } from "./replay.ts";
import type { Warning } from "../common/types.ts";
import type { JsonObject } from "../common/json_object.ts";

/** A conversion note, relative to the schema root. */
export interface SchemaNote {
  /** Path below the schema root, e.g. `.properties.age.minimum`. */
  path: string;
  /** What changed. */
  message: string;
}

/** A converted schema and what the conversion weakened. */
export interface ConvertedSchema {
  /** The schema in the provider's dialect. */
  schema: JsonObject;
  /** Constraints that were relaxed, moved or dropped. */
  notes: SchemaNote[];
}

/** Converts a schema, pushing notes; `at` is its path in the request, for errors. */
export type SchemaConversion = (schema: JsonObject, at: string, notes: SchemaNote[]) => JsonObject;

/** One conversion's results per schema object (schemas are treated as immutable once passed). */
export class SchemaCache {
  #done = new WeakMap<JsonObject, ConvertedSchema>();
  #convert: SchemaConversion;

  /**
   * @param convert The conversion to cache.
   */
  constructor(convert: SchemaConversion) {
    this.#convert = convert;
  }

  /**
   * The conversion made of a schema before, if any: a lookup that needs no path.
   *
   * @param schema The JSON Schema.
   * @returns Its converted schema and notes, or undefined.
   */
  get(schema: JsonObject): ConvertedSchema | undefined {
    return this.#done.get(schema);
  }

  /**
   * Converts a schema, once per schema object.
   *
   * @param schema The JSON Schema.
   * @param at Its path in the request, for errors.
   * @returns The converted schema and notes.
   */
  convert(schema: JsonObject, at: string): ConvertedSchema {
    let done = this.#done.get(schema);
    if (done === undefined) {
      const notes: SchemaNote[] = [];
      done = { schema: this.#convert(schema, at, notes), notes };
      this.#done.set(schema, done);
    }
    return done;
  }
}

/**
 * Reports each note of a conversion as a warning under the schema's request path.
 *
 * @param warnings The caller's list, or undefined.
 * @param provider The provider being serialized for.
 * @param at The schema's path in the request, e.g. `structuredOutput.schema`.
 * @param notes The conversion's notes.
 */
export function warnNotes(
  warnings: Warning[] | undefined,
  provider: string,
  at: string,
  notes: readonly SchemaNote[],
): void {
  for (const note of notes) warn(warnings, provider, at + note.path, note.message);
}

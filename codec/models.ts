/**
 * Per-model capability tables: each provider lists its model families as data (an id pattern and
 * a row), and a lookup returns the first family whose pattern matches, or the permissive default
 * for ids it does not know. Lookups are cached by id, so the scan runs once per model, not once
 * per request.
 *
 * @module
 */

/** One family: the id pattern and what the provider documents for it. */
export type ModelFamily<Row> = readonly [pattern: RegExp, row: Row];

// Model ids are few in practice; the bound only stops a caller that invents ids from growing it.
const CACHE_LIMIT = 256;

/**
 * Builds the lookup for a provider's table.
 *
 * @param families Checked in order; put a longer id before its prefix (`flash-lite` before `flash`).
 * @param fallback The row for an id no family matches: permissive, so new models are not refused.
 * @param prefix Stripped from an id before matching (Gemini's `models/`).
 * @returns model id → row.
 */
export function modelTable<Row>(
  families: ReadonlyArray<ModelFamily<Row>>,
  fallback: Row,
  prefix?: string,
): (model: string) => Row {
  const cache = new Map<string, Row>();
  // Most programs use one model: remembering the last answer skips even the map on the hot path.
  let lastModel = "";
  let lastRow = fallback;
  return (model) => {
    if (model === lastModel) return lastRow;
    let row = cache.get(model);
    if (row === undefined) {
      const id = prefix !== undefined && model.startsWith(prefix)
        ? model.slice(prefix.length)
        : model;
      row = fallback;
      for (const [pattern, candidate] of families) {
        if (pattern.test(id)) {
          row = candidate;
          break;
        }
      }
      if (cache.size >= CACHE_LIMIT) cache.clear();
      cache.set(model, row);
    }
    lastModel = model;
    lastRow = row;
    return row;
  };
}

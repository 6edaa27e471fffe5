/**
 * The one JSON type the canonical model needs below `types.ts`, in a file of its own so that
 * `features.ts` and `types.ts` do not import each other.
 *
 * @module
 */

/** A JSON object: what tool arguments always are. */
export type JsonObject = { [key: string]: unknown };

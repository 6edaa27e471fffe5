/**
 * Which optional fields a request has, found in one pass over its keys. Request objects come in
 * many shapes (each set of fields is one), so reading a field a request lacks is a megamorphic
 * lookup of a few nanoseconds, and a request has a dozen fields it can lack; a pass over the few
 * keys it has costs less. That pass sees own enumerable properties, as object literals, spreads
 * and `JSON.parse` make them. An object whose required `messages` is not one (a class instance
 * with getters, say) counts as having every field, so that nothing it carries goes out
 * unchecked; asking every request for its prototype instead cost V8 ~10 ns (serialize: simple
 * read 5–10% slower side by side). An object with its own `messages` but other fields behind
 * getters is still read as plain data. The same pass flags a key that is no request field
 * ({@link UNKNOWN}); which key it was is looked for again only then, to name it.
 *
 * @module
 */

import type { ChatRequest } from "../common/types.ts";

/** `system` is present. */
export const SYSTEM = 1;
/** `tools` is present. */
export const TOOLS = 2;
/** `toolChoice` is present. */
export const TOOL_CHOICE = 4;
/** `thinking` is present. */
export const THINKING = 8;
/** `maxOutputTokens` is present. */
export const MAX_OUTPUT_TOKENS = 16;
/** `temperature` is present. */
export const TEMPERATURE = 32;
/** `stopSequences` is present. */
export const STOP_SEQUENCES = 64;
/** A feature field is present: sampling beyond temperature, `parallelToolCalls`, `userId`,
 * `structuredOutput`, `cache`, `providerTools` or `providerOptions`. */
export const FEATURES = 128;
const ALL_FIELDS = 255;
// Marks the required `messages`, seen in the same pass; never among the bits returned.
const MESSAGES = 256;
/** A key that is no field of {@link ChatRequest} (a typo, another SDK's name): refused. */
export const UNKNOWN = 512;

/** Every top-level field of {@link ChatRequest}, for naming the nearest one to an unknown key. */
export const REQUEST_KEYS: readonly string[] = [
  "model",
  "messages",
  "system",
  "tools",
  "toolChoice",
  "thinking",
  "maxOutputTokens",
  "temperature",
  "stopSequences",
  "topP",
  "topK",
  "seed",
  "presencePenalty",
  "frequencyPenalty",
  "parallelToolCalls",
  "userId",
  "structuredOutput",
  "cache",
  "providerTools",
  "providerOptions",
];

// A switch rather than a Map: hashing each key costs about three times as much (30–40 ns a
// request on Deno, Node and Bun against 10–12).
function bit(key: string): number {
  switch (key) {
    case "messages":
      return MESSAGES;
    case "model":
      return 0;
    case "system":
      return SYSTEM;
    case "tools":
      return TOOLS;
    case "toolChoice":
      return TOOL_CHOICE;
    case "thinking":
      return THINKING;
    case "maxOutputTokens":
      return MAX_OUTPUT_TOKENS;
    case "temperature":
      return TEMPERATURE;
    case "stopSequences":
      return STOP_SEQUENCES;
    case "topP":
    case "topK":
    case "seed":
    case "presencePenalty":
    case "frequencyPenalty":
    case "parallelToolCalls":
    case "userId":
    case "structuredOutput":
    case "cache":
    case "providerTools":
    case "providerOptions":
      return FEATURES;
    default:
      return UNKNOWN;
  }
}

/**
 * The optional fields a request has (even when set to undefined), as bits.
 *
 * @param request The request.
 * @returns The bits of {@link SYSTEM} … {@link FEATURES} for the fields present, and
 * {@link UNKNOWN} when a key is no request field.
 */
export function requestFields(request: ChatRequest): number {
  let fields = 0;
  for (const key in request) fields |= bit(key);
  // `messages` is required: a request that does not have it as an own enumerable property is
  // not plain data (a class instance with getters, say), or not a request at all.
  return (fields & MESSAGES) === 0 ? ALL_FIELDS : fields & ~MESSAGES;
}

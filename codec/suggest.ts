/**
 * "Did you mean …?" for a misspelt or foreign name: another SDK's spelling first (`max_tokens`,
 * `maxTokens`, `stop`), then the closest name by edit distance. Runs only on the error path.
 *
 * @module
 */

// Names other SDKs use for a ChatRequest field (compared without case and `_`).
const ALIASES: Readonly<Record<string, string>> = {
  maxtokens: "maxOutputTokens",
  maxcompletiontokens: "maxOutputTokens",
  maxoutputtokens: "maxOutputTokens",
  stop: "stopSequences",
  stopsequences: "stopSequences",
  toolchoice: "toolChoice",
  functions: "tools",
  systemprompt: "system",
  instructions: "system",
  systeminstruction: "system",
  responseformat: "structuredOutput",
  reasoning: "thinking",
  reasoningeffort: "thinking",
  user: "userId",
  gemini: "google",
  claude: "anthropic",
  responses: "openai-responses",
  openairesponses: "openai-responses",
  chatgpt: "openai",
  gpt: "openai",
};

function fold(name: string): string {
  return name.toLowerCase().replace(/[_\-\s]/g, "");
}

function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(
        previous[j] + 1,
        row[j - 1] + 1,
        previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = row;
  }
  return previous[b.length];
}

/**
 * The known name a mistaken one most likely meant: a known alias, else the nearest name within
 * an edit distance of a third of its length (at least 2).
 *
 * @param name The name given.
 * @param known The names that exist.
 * @returns The suggestion, or undefined when nothing is close.
 *
 * @example Another SDK's field name
 * ```ts
 * import { suggestName } from "./suggest.ts";
 * import assert from "node:assert/strict";
 * assert.equal(suggestName("maxTokens", ["maxOutputTokens", "model"]), "maxOutputTokens");
 * assert.equal(suggestName("temprature", ["temperature", "topP"]), "temperature");
 * ```
 */
export function suggestName(name: string, known: readonly string[]): string | undefined {
  const folded = fold(name);
  const alias = Object.hasOwn(ALIASES, folded) ? ALIASES[folded] : undefined;
  if (alias !== undefined && known.includes(alias)) return alias;
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(name.length / 3)) + 1;
  for (const candidate of known) {
    const d = distance(folded, fold(candidate));
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best;
}

/**
 * The `; did you mean "x"?` tail of a message, or nothing.
 *
 * @param name The name given.
 * @param known The names that exist.
 * @returns The tail, or an empty string when nothing is close.
 *
 * @example
 * ```ts
 * import { didYouMean } from "./suggest.ts";
 * import assert from "node:assert/strict";
 * assert.equal(didYouMean("gemini", ["anthropic", "google"]), '; did you mean "google"?');
 * assert.equal(didYouMean("zzz", ["anthropic", "google"]), "");
 * ```
 */
export function didYouMean(name: string, known: readonly string[]): string {
  const suggestion = suggestName(name, known);
  return suggestion === undefined ? "" : `; did you mean ${JSON.stringify(suggestion)}?`;
}

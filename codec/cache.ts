/**
 * Prompt-caching breakpoints, read once per request for the providers that mark them on blocks.
 *
 * @module
 */

import type { PromptCache } from "../common/features.ts";

/**
 * The indices of the messages a cached prefix ends at.
 *
 * @param cache The request's cache settings.
 * @returns The message indices, or undefined when no breakpoint is on a message.
 */
export function breakpointMessages(cache: PromptCache): Set<number> | undefined {
  const points = cache.breakpoints;
  if (points === undefined) return undefined;
  let messages: Set<number> | undefined;
  for (const point of points) {
    if (typeof point === "number") (messages ??= new Set()).add(point);
  }
  return messages;
}

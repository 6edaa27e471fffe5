/**
 * Usage for responses and streams that report none.
 *
 * @module
 */

import type { Usage } from "../common/types.ts";

/**
 * A fresh all-zero usage.
 *
 * @returns Zero for every count.
 */
export function emptyUsage(): Usage {
  return {
    inputTokens: 0,
    outputTokens: 0,
    thinkingTokens: 0,
    cacheReadTokens: 0,
    cacheWriteTokens: 0,
    totalTokens: 0,
  };
}

/**
 * What one read of Responses output keeps between events, in a file of its own so that the item
 * reader (`reader.ts`) and the part reader (`parts.ts`) share it without importing each other.
 *
 * @module
 */

import type { ResponseAccumulator } from "../../codec/accumulator.ts";

/** What a read keeps between events. */
export interface ResponsesReader {
  /** Where the response is built. */
  acc: ResponseAccumulator;
  /** Whether a message part was a refusal: a completed response then stopped for its content. */
  refused: boolean;
}

/**
 * A fresh read over an accumulator.
 *
 * @param acc Where the response is built.
 * @returns The read.
 */
export function responsesReader(acc: ResponseAccumulator): ResponsesReader {
  return { acc, refused: false };
}

/**
 * What only some responses need, kept off the `ResponseAccumulator`'s hot path: its rare
 * state (a key index past the scan window, further choices, errors met while reading), text or
 * thinking started again in a stream, and the error `finalize` throws. Of the fixtures' bodies
 * and streams, only those with choices, errors or a cut reach this code.
 *
 * The accumulator's hot methods stay small and leave what is rare to methods of their own or to
 * this module: V8 inlines a call only while the caller's inlined bytecode stays under a budget,
 * and each call it does not inline cost a body parse 4–7% (measured by lifting the budget).
 *
 * @module
 */

import { type ProviderError, ResponseParseError } from "../common/errors.ts";
import { type BlockKey, keyIndex, type Slot } from "./blocks.ts";
import type { EventBuffer } from "./sink.ts";
import type { ChatResponse, TextBlock, ThinkingBlock } from "../common/types.ts";

/** An error met while reading a response: recorded as an event, the first thrown at the end. */
export type ReadError = ProviderError | ResponseParseError;

/**
 * An accumulator's rare state, made on first need so that a plain body's accumulator stays
 * small. `A` is the accumulator's type (this module sits below it and does not import it).
 */
export interface Rare<A> {
  /** Blocks by key, once there are more than `SCAN`. */
  keys?: Map<BlockKey, Slot>;
  /** The accumulator of the first choice, for another choice's accumulator. */
  root?: A;
  /** Accumulators of further choices, by index. */
  choices?: Map<number, A>;
  /** Errors recorded so far, the first one thrown at the end. */
  errors?: ReadError[];
}

/**
 * Indexes a block by its key, once a response has more blocks than a scan should cover.
 *
 * @param rare The accumulator's rare state.
 * @param slot The block just opened.
 */
export function indexBlock(rare: Rare<unknown>, slot: Slot): void {
  if (rare.keys !== undefined) rare.keys.set(slot.key, slot);
  else rare.keys = keyIndex(slot);
}

/**
 * Records an error: a further choice's goes to the first choice's accumulator; the first
 * choice's is kept and sent as an event.
 *
 * @param rare The accumulator's rare state.
 * @param error The error.
 * @param sink Where the accumulator's events go, if anywhere.
 */
export function recordError<A extends { fail(error: ReadError): void }>(
  rare: Rare<A>,
  error: ReadError,
  sink: EventBuffer | undefined,
): void {
  if (rare.root !== undefined) return rare.root.fail(error);
  (rare.errors ??= []).push(error);
  sink?.error(error);
}

/** The accumulator's methods that text or thinking started again writes through. */
export interface TextWriter {
  /** Opens a text or thinking block, if none is open at `key`. */
  open(key: BlockKey, type: "text" | "thinking"): void;
  /** Appends answer text. */
  text(key: BlockKey, text: string): void;
  /** Appends reasoning text. */
  thinking(key: BlockKey, text: string): void;
  /** Sets a block's signature. */
  signature(key: BlockKey, signature: string): void;
}

/**
 * Text or thinking started again in a stream under a key already open: its text and signature
 * go to the open block, as their deltas would (a block of another kind there is an error).
 *
 * @param acc The accumulator.
 * @param key The provider's key.
 * @param block The block that arrived.
 */
export function extend(acc: TextWriter, key: BlockKey, block: TextBlock | ThinkingBlock): void {
  if (block.text === "") acc.open(key, block.type);
  else if (block.type === "text") acc.text(key, block.text);
  else acc.thinking(key, block.text);
  if (block.signature !== undefined) acc.signature(key, block.signature);
}

/**
 * The error `finalize` throws: the first one recorded, else the truncation of a stream that
 * ended before its terminal event. Either carries the partial response.
 *
 * @param provider Named in the error.
 * @param errors The errors recorded, if any.
 * @param last The latest block, for an unfinished call's argument JSON.
 * @param partial The response as accumulated.
 * @param terminal The terminal event's name.
 * @returns The error, to throw.
 */
export function failure(
  provider: string,
  errors: ReadError[] | undefined,
  last: Slot | undefined,
  partial: ChatResponse,
  terminal: string,
): ReadError {
  if (errors !== undefined) {
    errors[0].partial = partial;
    return errors[0];
  }
  return new ResponseParseError(
    "truncated_stream",
    `Cannot finish ${provider} stream: it ended before ${terminal}`,
    { provider, partial, raw: unfinishedJson(last) },
  );
}

// The argument JSON of the first unfinished call, for a cut stream's error.
function unfinishedJson(last: Slot | undefined): string | undefined {
  if (last === undefined) return undefined;
  let s = last;
  do {
    s = s.next;
    if (s.json !== undefined && s.json !== "") return s.json;
  } while (s !== last);
  return undefined;
}

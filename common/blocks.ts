/**
 * The blocks of one response while it is being read: each under the provider's own key, with
 * its argument JSON so far and whether it is complete. The accumulator keeps events, usage and
 * errors; this keeps only the blocks.
 *
 * @module
 */

import { ResponseParseError } from "./errors.ts";
import { parseToolArguments } from "./json.ts";
import type { AssistantBlock, JsonObject, ProviderBlock, ToolCallBlock } from "./types.ts";

/** A block's key: Anthropic's block index, OpenAI's channel or call index, Gemini's run. */
export type BlockKey = number | string;

/**
 * Keys are found by a scan (almost every lookup is for the block just opened, checked first);
 * past this many blocks a Map takes over, so a long response stays linear.
 */
export const SCAN = 8;

/**
 * One per block, always of this one shape, so the code reading it stays monomorphic however
 * varied the blocks are. Slots are linked in a ring in response order rather than held in an
 * array: an array's first push reserves room for 17 (184 B), more than a simple body's blocks.
 */
export class Slot {
  /** The provider's key for the block. */
  readonly key: BlockKey;
  /** The block's position in the response content. */
  readonly index: number;
  /** The block's type. */
  readonly type: AssistantBlock["type"];
  /** The block as it will stand in the response, filled in place. */
  readonly block: AssistantBlock;
  /** Complete; tool calls and provider blocks are left out of a response until then. */
  ended: boolean;
  /** Argument JSON so far, parsed once when the block ends. */
  json = "";
  /** The next block; the last links back to the first. */
  next: Slot;

  /**
   * @param key The provider's key.
   * @param index The block's position.
   * @param block The block, filled in place.
   * @param ended Whether it is already complete.
   */
  constructor(key: BlockKey, index: number, block: AssistantBlock, ended: boolean) {
    this.key = key;
    this.index = index;
    this.type = block.type;
    this.block = block;
    this.ended = ended;
    this.next = this;
  }
}

/**
 * Links a new block after `last` (the latest block, or undefined for the first).
 *
 * @param last The latest block so far.
 * @param slot The new block, whose `index` follows `last`'s.
 */
export function link(last: Slot | undefined, slot: Slot): void {
  if (last === undefined) return;
  slot.next = last.next;
  last.next = slot;
}

/**
 * The latest block under `key`, by a scan of the ring ending at `last`.
 *
 * @param last The latest block.
 * @param key The provider's key.
 * @returns The block, if any.
 */
export function scan(last: Slot | undefined, key: BlockKey): Slot | undefined {
  if (last === undefined || last.key === key) return last;
  let found: Slot | undefined;
  for (let s = last.next; s !== last; s = s.next) if (s.key === key) found = s;
  return found;
}

/**
 * Every block by key (the latest under each), for responses past {@link SCAN} blocks.
 *
 * @param last The latest block.
 * @returns The index.
 */
export function keyIndex(last: Slot): Map<BlockKey, Slot> {
  const keys = new Map<BlockKey, Slot>();
  let s = last;
  do {
    s = s.next;
    keys.set(s.key, s);
  } while (s !== last);
  return keys;
}

/**
 * The error for text or thinking aimed at a block of another kind.
 *
 * @param provider Named in the error.
 * @param slot The block found.
 * @param type What arrived.
 * @returns The error, to throw.
 */
export function kindMismatch(provider: string, slot: Slot, type: string): ResponseParseError {
  const path = `content[${slot.index}]`;
  return new ResponseParseError(
    "invalid_field",
    `Cannot parse ${provider} response: ${type} arrived for ${path}, a ${slot.type} block`,
    { provider, path },
  );
}

/**
 * Completes a tool call or provider block: its argument JSON, if any arrived, is parsed now,
 * once, and becomes the call's arguments (or the provider block's `data.input`).
 *
 * @param slot The block, not ended yet.
 * @param provider Named in the error.
 * @returns The error when the arguments cannot be read (the call is then left out).
 */
export function closeSlot(slot: Slot, provider: string): ResponseParseError | undefined {
  slot.ended = true;
  const block = slot.block as ToolCallBlock | ProviderBlock;
  let input: JsonObject | undefined;
  if (slot.json !== "") {
    try {
      input = parseToolArguments(provider, slot.json, slot.index);
    } catch (error) {
      if (block.type === "tool_call") (block as { arguments?: JsonObject }).arguments = undefined;
      return error as ResponseParseError;
    }
  }
  if (block.type === "provider") {
    if (input !== undefined) block.data.input = input;
  } else block.arguments = input ?? block.arguments ?? {};
  return undefined;
}

/**
 * The argument JSON of the first unfinished call, for a cut stream's error.
 *
 * @param last The latest block.
 * @returns The JSON text so far, if any.
 */
export function unfinishedJson(last: Slot | undefined): string | undefined {
  if (last === undefined) return undefined;
  let s = last;
  do {
    s = s.next;
    if (!s.ended && s.json !== "") return s.json;
  } while (s !== last);
  return undefined;
}

/**
 * The response content: unfinished or unreadable calls left out.
 *
 * @param last The latest block.
 * @returns The blocks, in order.
 */
export function contentOf(last: Slot | undefined): AssistantBlock[] {
  if (last === undefined) return [];
  let n = last.index + 1;
  let s = last;
  do {
    s = s.next;
    if (isLeftOut(s)) n--;
  } while (s !== last);
  const content: AssistantBlock[] = new Array(n);
  let at = 0;
  do {
    s = s.next;
    if (!isLeftOut(s)) content[at++] = s.block;
  } while (s !== last);
  return content;
}

// Unfinished tool calls and provider blocks, and calls whose arguments could not be read.
function isLeftOut(slot: Slot): boolean {
  return !slot.ended ||
    (slot.type === "tool_call" && (slot.block as ToolCallBlock).arguments === undefined);
}

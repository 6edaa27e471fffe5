/**
 * The blocks of one response while it is being read: each under the provider's own key, with
 * its argument JSON so far and whether it is complete. The accumulator keeps events, usage and
 * errors; this keeps only the blocks.
 *
 * @module
 */

import { ResponseParseError } from "../common/errors.ts";
import { parseToolArguments } from "./json.ts";
import type { AssistantBlock, ProviderBlock, ToolCallBlock } from "../common/types.ts";
import type { JsonObject } from "../common/json_object.ts";

/** A block that arrives with its content (text and thinking may grow by deltas after). */
export type WholeBlock = Exclude<AssistantBlock, ProviderBlock>;

/**
 * A block's key, the provider's own: Anthropic's block index, OpenAI's channel or `tool_calls[i]`
 * index, Gemini's part run.
 */
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
  declare readonly key: BlockKey;
  /** The block's position in the response content. */
  declare readonly index: number;
  /** The block's type. */
  declare readonly type: AssistantBlock["type"];
  /** The block as it will stand in the response, filled in place. */
  declare readonly block: AssistantBlock;
  /**
   * Argument JSON so far, parsed once when the block ends; undefined once the block is
   * complete (tool calls and provider blocks are left out of a response until then). One field
   * for both keeps a slot at 72 B.
   */
  declare json: string | undefined;
  /** The next block; the last links back to the first. */
  declare next: Slot;

  /**
   * Small enough for JSC to inline at its one call site (a constructor costing over 100
   * bytecode units is called, not inlined): the accumulator links it into the ring.
   *
   * @param key The provider's key.
   * @param block The block, filled in place.
   * @param json `undefined` when the block is complete, else `""`.
   * @param index Its position in the response content.
   */
  constructor(key: BlockKey, block: AssistantBlock, json: string | undefined, index: number) {
    this.key = key;
    this.index = index;
    this.type = block.type;
    this.block = block;
    this.json = json;
    this.next = this;
  }
}

/**
 * The latest block under `key`, by a scan of the ring ending at `last` (checked already).
 *
 * @param last The latest block.
 * @param key The provider's key.
 * @returns The block, if any.
 */
export function scan(last: Slot, key: BlockKey): Slot | undefined {
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
 * @param slot The block, not complete yet.
 * @param provider Named in the error.
 * @returns The error when the arguments cannot be read (the call is then left out).
 */
export function closeSlot(slot: Slot, provider: string): ResponseParseError | undefined {
  const json = slot.json!;
  slot.json = undefined;
  const block = slot.block as ToolCallBlock | ProviderBlock;
  let input: JsonObject | undefined;
  if (json !== "") {
    try {
      input = parseToolArguments(provider, json, slot.index);
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
 * Whether any block is a tool call.
 *
 * @param last The latest block.
 * @returns True when one is.
 */
export function hasToolCall(last: Slot | undefined): boolean {
  if (last === undefined) return false;
  let s = last;
  do {
    s = s.next;
    if (s.type === "tool_call") return true;
  } while (s !== last);
  return false;
}

/**
 * The response content: unfinished or unreadable calls left out.
 *
 * @param last The latest block.
 * @returns The blocks, in order.
 */
export function contentOf(last: Slot | undefined): AssistantBlock[] {
  if (last === undefined) return [];
  const content: AssistantBlock[] = new Array(last.index + 1);
  let at = 0;
  let s = last;
  do {
    s = s.next;
    if (!isLeftOut(s)) content[at++] = s.block;
  } while (s !== last);
  // Only a partial response leaves blocks out: one pass, then a cut, instead of a counting pass
  // for every response (~60 instructions a body).
  if (at < content.length) content.length = at;
  return content;
}

// Unfinished tool calls and provider blocks, and calls whose arguments could not be read.
function isLeftOut(slot: Slot): boolean {
  return slot.json !== undefined ||
    (slot.type === "tool_call" && (slot.block as ToolCallBlock).arguments === undefined);
}

/**
 * The blocks of one response while it is being read, as lists in response order: the blocks
 * (filled in place), the provider's key of each, and the argument JSON so far of those not yet
 * complete. The accumulator keeps events, usage and errors; this keeps only the blocks.
 *
 * Lists, not an object per block: on Bun each object a body parse allocates costs its share of
 * the collections JSON.parse's own garbage already triggers (~5 ns an object).
 *
 * @module
 */

import { ResponseParseError } from "./errors.ts";
import { parseToolArguments } from "./json.ts";
import type { AssistantBlock, JsonObject, ProviderBlock, ToolCallBlock } from "./types.ts";

/** A block that arrives with its content (text and thinking may grow by deltas after). */
export type WholeBlock = Exclude<AssistantBlock, ProviderBlock>;

/** A block's key: Anthropic's block index, OpenAI's channel or call index, Gemini's run. */
export type BlockKey = number | string;

/**
 * Argument JSON so far by block position; undefined where a block is complete (tool calls and
 * provider blocks are left out of a response until then).
 */
export type Pending = (string | undefined)[];

/**
 * Keys are found by a scan (almost every lookup is for the block just opened, checked first);
 * past this many blocks a Map takes over, so a long response stays linear.
 */
export const SCAN = 8;

/**
 * The position of the latest block under `key`, by a scan back from the end.
 *
 * @param keys The keys in response order.
 * @param key The provider's key.
 * @returns The position, or -1.
 */
export function scan(keys: BlockKey[], key: BlockKey): number {
  let at = keys.length - 1;
  while (at >= 0 && keys[at] !== key) at--;
  return at;
}

/**
 * Every block's position by key (the latest under each), for responses past {@link SCAN}
 * blocks.
 *
 * @param keys The keys in response order.
 * @returns The index.
 */
export function keyIndex(keys: BlockKey[]): Map<BlockKey, number> {
  const index = new Map<BlockKey, number>();
  for (let at = 0; at < keys.length; at++) index.set(keys[at], at);
  return index;
}

/**
 * The error for text or thinking aimed at a block of another kind.
 *
 * @param provider Named in the error.
 * @param at The block's position.
 * @param found The block's type.
 * @param type What arrived.
 * @returns The error, to throw.
 */
export function kindMismatch(
  provider: string,
  at: number,
  found: string,
  type: string,
): ResponseParseError {
  const path = `content[${at}]`;
  return new ResponseParseError(
    "invalid_field",
    `Cannot parse ${provider} response: ${type} arrived for ${path}, a ${found} block`,
    { provider, path },
  );
}

/**
 * Completes a tool call or provider block: its argument JSON, if any arrived, is parsed now,
 * once, and becomes the call's arguments (or the provider block's `data.input`).
 *
 * @param block The block, not complete yet.
 * @param json Its argument JSON.
 * @param provider Named in the error.
 * @param at Its position, for the error.
 * @returns The error when the arguments cannot be read (the call is then left out).
 */
export function closeBlock(
  block: ToolCallBlock | ProviderBlock,
  json: string,
  provider: string,
  at: number,
): ResponseParseError | undefined {
  let input: JsonObject | undefined;
  if (json !== "") {
    try {
      input = parseToolArguments(provider, json, at);
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
 * @param pending Argument JSON by position, if any block was ever open.
 * @returns The JSON text so far, if any.
 */
export function unfinishedJson(pending: Pending | undefined): string | undefined {
  if (pending === undefined) return undefined;
  for (const json of pending) if (json !== undefined && json !== "") return json;
  return undefined;
}

/**
 * Whether any block is a tool call.
 *
 * @param blocks The blocks.
 * @returns True when one is.
 */
export function hasToolCall(blocks: AssistantBlock[]): boolean {
  for (let at = 0; at < blocks.length; at++) if (blocks[at].type === "tool_call") return true;
  return false;
}

/**
 * The response content: unfinished or unreadable calls left out. A copy, as reading goes on.
 *
 * @param blocks The blocks.
 * @param pending Argument JSON by position, if any block was ever open.
 * @returns The blocks, in order.
 */
export function contentOf(
  blocks: AssistantBlock[],
  pending: Pending | undefined,
): AssistantBlock[] {
  // Only a block that was open can be left out.
  if (pending === undefined) return blocks.slice();
  const content: AssistantBlock[] = new Array(blocks.length);
  let length = 0;
  for (let at = 0; at < blocks.length; at++) {
    const block = blocks[at];
    const unreadable = block.type === "tool_call" && block.arguments === undefined;
    if (pending[at] === undefined && !unreadable) content[length++] = block;
  }
  // Only a partial response leaves blocks out: one pass, then a cut, rather than a counting
  // pass for every response.
  if (length < content.length) content.length = length;
  return content;
}

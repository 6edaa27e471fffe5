/**
 * The blocks of one response while it is being read: each under the provider's own key, with
 * its text or argument-JSON fragments and whether it is complete. The accumulator keeps events,
 * usage and errors; this keeps only the blocks.
 *
 * @module
 */

import { ResponseParseError } from "./errors.ts";
import type { AssistantBlock, TextBlock, ToolCallBlock } from "./types.ts";

/** A block's key: Anthropic's block index, OpenAI's channel or call index, Gemini's run. */
export type BlockKey = number | string;

// Keys are found by a scan of the latest blocks (almost every lookup is for the block just
// opened); past this many blocks a Map takes over, so a long response stays linear.
const SCAN = 8;

/**
 * One per block, always of this one shape, so the code reading it stays monomorphic however
 * varied the blocks are; the block object itself is only written, never read, until the end.
 */
export class Slot {
  /** The provider's key for the block. */
  readonly key: BlockKey;
  /** The block's type. */
  readonly type: AssistantBlock["type"];
  /** The block as it will stand in the response, filled in place. */
  readonly block: AssistantBlock;
  /** Complete; tool calls and provider blocks are left out of a response until then. */
  ended: boolean;
  /** The first text or argument-JSON fragment… */
  first = "";
  /** …and all of them, once there is a second. */
  parts: string[] | undefined = undefined;

  /**
   * @param key The provider's key.
   * @param block The block, filled in place.
   * @param ended Whether it is already complete.
   */
  constructor(key: BlockKey, block: AssistantBlock, ended: boolean) {
    this.key = key;
    this.type = block.type;
    this.block = block;
    this.ended = ended;
  }

  /** Adds a fragment; the first is kept as is, more are joined once, at the end. */
  append(text: string): void {
    if (this.parts !== undefined) this.parts.push(text);
    else if (this.first === "") this.first = text;
    else this.parts = [this.first, text];
  }

  /** All fragments as one string. */
  joined(): string {
    return this.parts === undefined ? this.first : this.parts.join("");
  }
}

/** The blocks of one response, by position and by key. */
export class BlockList {
  /** Every block, in response order. */
  readonly slots: Slot[] = [];
  /** How many blocks are not complete yet. */
  unended = 0;
  #index?: Map<BlockKey, number>;

  /** Adds a block under `key`; returns its position. */
  open(key: BlockKey, block: AssistantBlock, ended: boolean): number {
    const slots = this.slots;
    const index = slots.length;
    slots.push(new Slot(key, block, ended));
    if (!ended) this.unended++;
    if (this.#index !== undefined) this.#index.set(key, index);
    else if (index === SCAN) this.#index = new Map(slots.map((slot, i) => [slot.key, i]));
    return index;
  }

  /** The position of the latest block under `key`, if any. */
  find(key: BlockKey): number | undefined {
    if (this.#index !== undefined) return this.#index.get(key);
    const slots = this.slots;
    for (let i = slots.length - 1; i >= 0; i--) if (slots[i].key === key) return i;
    return undefined;
  }

  /**
   * The position of the text or thinking block under `key`, opened if there is none.
   *
   * @throws {ResponseParseError} When `key` holds another kind of block.
   */
  text(key: BlockKey, type: "text" | "thinking", provider: string): number {
    const index = this.find(key);
    if (index === undefined) return this.open(key, { type, text: "" }, true);
    const found = this.slots[index].type;
    if (found !== type) {
      throw new ResponseParseError(
        "invalid_field",
        `Cannot parse ${provider} response: ${type} arrived for content[${index}], a ${found} block`,
        { provider, path: `content[${index}]` },
      );
    }
    return index;
  }

  /** Marks the block at `index` complete; false if it already was. */
  end(index: number): boolean {
    const slot = this.slots[index];
    if (slot.ended) return false;
    slot.ended = true;
    this.unended--;
    return true;
  }

  /** The argument JSON of the first unfinished call, for a cut stream's error. */
  unfinishedJson(): string | undefined {
    return this.slots.find((slot) => !slot.ended && slot.first !== "")?.joined();
  }

  /** The response content: text joined, unfinished or unreadable calls left out. */
  content(): AssistantBlock[] {
    const slots = this.slots;
    const content: AssistantBlock[] = new Array(slots.length);
    let n = 0;
    for (let i = 0; i < slots.length; i++) {
      const slot = slots[i];
      const type = slot.type;
      if (type === "text" || type === "thinking") {
        (slot.block as TextBlock).text = slot.joined();
      } else if (
        !slot.ended ||
        (type === "tool_call" && (slot.block as ToolCallBlock).arguments === undefined)
      ) {
        continue;
      }
      content[n++] = slot.block;
    }
    if (n < content.length) content.length = n;
    return content;
  }
}

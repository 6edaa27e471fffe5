/**
 * Builds one {@link ChatResponse} from a provider's blocks, deltas and metadata. A provider has
 * one reader, and it drives this same accumulator for a whole body (quietly) and for a stream
 * (emitting canonical events), so `parseResponse` and a stream decoder's `end()` agree by
 * construction. Blocks are keyed by the provider's own block key (Anthropic's block index,
 * OpenAI's `content` / `tool_calls[i]`, Gemini's part run). Text and argument JSON grow by `+=`,
 * a rope the engine flattens once, when it is first read; tool-call arguments are parsed once,
 * when their block ends — never because a prefix happens to parse.
 *
 * @module
 */

import {
  type BlockKey,
  closeSlot,
  contentOf,
  keyIndex,
  kindMismatch,
  link,
  SCAN,
  scan,
  Slot,
  unfinishedJson,
} from "./blocks.ts";
import { assembleResponse } from "./assemble.ts";
import { type ProviderError, ResponseParseError } from "./errors.ts";
import type { StreamEvent } from "./events.ts";
import { emptyUsage } from "./usage.ts";
import type {
  AssistantBlock,
  ChatResponse,
  Citation,
  FinishReason,
  ImageBlock,
  JsonObject,
  ProviderBlock,
  TextBlock,
  ToolCallBlock,
  Usage,
} from "./types.ts";

// Bits of `#state`: one number instead of three booleans keeps the object 16 B smaller.
const STARTED = 1;
const TERMINATED = 2;
const TOOL_CALLS = 4;

// What only some responses have (alternatives, errors), kept out of the accumulator's own
// fields so that a plain body's accumulator stays small.
interface Relations {
  /** The accumulator of the first choice, for another choice's accumulator. */
  root?: ResponseAccumulator;
  /** Accumulators of further choices, by index. */
  choices?: Map<number, ResponseAccumulator>;
  /** Errors recorded so far, the first one thrown at the end. */
  errors?: Array<ProviderError | ResponseParseError>;
}

/** Accumulates one response. Used by the providers' readers, for bodies and streams alike. */
export class ResponseAccumulator {
  /** The provider whose response this is. */
  readonly provider: string;
  /** The latest block; blocks form a ring in response order, so `#last.next` is the first. */
  #last: Slot | undefined = undefined;
  /** Blocks by key, once there are more than {@link SCAN}. */
  #keys: Map<BlockKey, Slot> | undefined = undefined;
  /** Undefined for a whole body: nothing to emit, no event built. */
  #events: StreamEvent[] | undefined;
  #state = 0;
  #id: string | undefined = undefined;
  #model = "";
  #usage: Usage | undefined = undefined;
  #finishReason: FinishReason = "unknown";
  #rawFinishReason: string | undefined = undefined;
  /** Raw fields for `providerMetadata`, the wire usage among them. */
  #metadata: JsonObject | undefined = undefined;
  #relations: Relations | undefined = undefined;

  /**
   * @param provider Named in errors and in the response.
   * @param live Whether to emit stream events (false for a whole body: nothing to emit).
   */
  constructor(provider: string, live: boolean) {
    this.provider = provider;
    this.#events = live ? [] : undefined;
  }

  /** Whether `start` was called. */
  get started(): boolean {
    return (this.#state & STARTED) !== 0;
  }

  /** Whether any tool call was seen (Gemini's STOP then means tool_use). */
  get hasToolCalls(): boolean {
    return (this.#state & TOOL_CALLS) !== 0;
  }

  /** Whether the provider's terminal event arrived. */
  get terminated(): boolean {
    return (this.#state & TERMINATED) !== 0;
  }

  /** Records the response id and model. */
  start(id: string | undefined, model: string): void {
    this.#state |= STARTED;
    this.#id = id;
    this.#model = model;
    this.#events?.push(id === undefined ? { type: "start", model } : { type: "start", id, model });
  }

  /**
   * The accumulator of another choice or candidate (index > 0), created on first use. It emits
   * no events; its errors go to this one, and its response becomes one of `alternatives`.
   */
  choice(index: number): ResponseAccumulator {
    if (index === 0) return this;
    const relations = this.#relations ??= {};
    const choices = relations.choices ??= new Map();
    let choice = choices.get(index);
    if (choice === undefined) {
      choice = new ResponseAccumulator(this.provider, false);
      choice.#relations = { root: this };
      choices.set(index, choice);
    }
    return choice;
  }

  #open(key: BlockKey, block: AssistantBlock, ended: boolean): Slot {
    const last = this.#last;
    const slot = new Slot(key, last === undefined ? 0 : last.index + 1, block, ended);
    link(last, slot);
    this.#last = slot;
    if (this.#keys !== undefined) this.#keys.set(key, slot);
    else if (slot.index === SCAN) this.#keys = keyIndex(slot);
    return slot;
  }

  #find(key: BlockKey): Slot | undefined {
    const keys = this.#keys;
    return keys === undefined ? scan(this.#last, key) : keys.get(key);
  }

  // The text or thinking block under `key`, opened if there is none.
  #textBlock(key: BlockKey, type: "text" | "thinking"): Slot {
    const slot = this.#find(key);
    if (slot === undefined) return this.#open(key, { type, text: "" }, true);
    if (slot.type !== type) throw kindMismatch(this.provider, slot, type);
    return slot;
  }

  /** Opens a text or thinking block now, so that it exists even if it stays empty. */
  open(key: BlockKey, type: "text" | "thinking"): void {
    this.#textBlock(key, type);
  }

  /** Whether any block was opened at `key` (a part already streamed is not read again whole). */
  has(key: BlockKey): boolean {
    return this.#find(key) !== undefined;
  }

  /** Appends answer text to the block at `key`, opening it if needed. */
  text(key: BlockKey, text: string): void {
    const slot = this.#textBlock(key, "text");
    (slot.block as TextBlock).text += text;
    this.#events?.push({ type: "text_delta", index: slot.index, text });
  }

  /** Appends reasoning text to the block at `key`, opening it if needed. */
  thinking(key: BlockKey, text: string): void {
    const slot = this.#textBlock(key, "thinking");
    (slot.block as TextBlock).text += text;
    this.#events?.push({ type: "thinking_delta", index: slot.index, text });
  }

  /** Sets the signature of the block at `key`; ignored when no block there takes one. */
  signature(key: BlockKey, signature: string): void {
    const slot = this.#find(key);
    if (slot === undefined || slot.type === "provider" || slot.type === "redacted_thinking") return;
    (slot.block as TextBlock).signature = signature;
    this.#events?.push({ type: "signature", index: slot.index, signature });
  }

  /** Attaches a citation to the text block at `key`, opening it if needed. */
  citation(key: BlockKey, citation: Citation): void {
    const slot = this.#textBlock(key, "text");
    ((slot.block as TextBlock).citations ??= []).push(citation);
    this.#events?.push({ type: "citation", index: slot.index, citation });
  }

  /** Adds a whole redacted thinking block. */
  redacted(key: BlockKey, data: string): void {
    const slot = this.#open(key, { type: "redacted_thinking", data }, true);
    this.#events?.push({ type: "redacted_thinking", index: slot.index, data });
  }

  /** Adds a whole image block. */
  image(key: BlockKey, image: ImageBlock): void {
    const slot = this.#open(key, image, true);
    this.#events?.push({ type: "image", index: slot.index, image });
  }

  /**
   * Opens a block the canonical model has no type for. It is complete at its `end`; argument
   * JSON sent with {@link toolDelta} before then replaces `data.input`.
   */
  providerBlock(key: BlockKey, blockType: string, data: JsonObject): void {
    this.#open(key, { type: "provider", provider: this.provider, blockType, data }, false);
  }

  /**
   * Opens a tool call. `input` is what arrived with it, kept unless argument JSON follows;
   * `json` is a first fragment of argument JSON that came with the call.
   */
  toolStart(key: BlockKey, id: string, name: string, input?: JsonObject, json = ""): void {
    const block = { type: "tool_call", id, name, arguments: input } as ToolCallBlock;
    const slot = this.#open(key, block, false);
    this.#state |= TOOL_CALLS;
    const events = this.#events;
    events?.push({ type: "tool_call_start", index: slot.index, id, name });
    if (json === "") return;
    slot.json = json;
    events?.push({ type: "tool_call_delta", index: slot.index, argumentsDelta: json });
  }

  /** Whether a tool call is open at `key`. */
  hasTool(key: BlockKey): boolean {
    return this.#find(key)?.type === "tool_call";
  }

  /** Appends argument JSON text to the tool call (or provider-run call) at `key`, if open. */
  toolDelta(key: BlockKey, argumentsDelta: string): void {
    const slot = this.#find(key);
    if (slot === undefined || argumentsDelta === "" || slot.ended) return;
    if (slot.type !== "tool_call" && slot.type !== "provider") return;
    slot.json += argumentsDelta;
    if (slot.type === "tool_call") {
      this.#events?.push({ type: "tool_call_delta", index: slot.index, argumentsDelta });
    }
  }

  /** Adds a tool call that arrived whole (Gemini), with its signature. */
  toolCall(key: BlockKey, id: string, name: string, args: JsonObject, signature?: string): void {
    const block: ToolCallBlock = signature === undefined
      ? { type: "tool_call", id, name, arguments: args }
      : { type: "tool_call", id, name, arguments: args, signature };
    const slot = this.#open(key, block, true);
    this.#state |= TOOL_CALLS;
    const events = this.#events;
    if (events === undefined) return;
    const index = slot.index;
    events.push({ type: "tool_call_start", index, id, name });
    if (signature !== undefined) events.push({ type: "signature", index, signature });
    events.push({ type: "tool_call_end", index, id, name, arguments: args });
  }

  /** Ends the block at `key`; a tool call's arguments are parsed now, once. */
  end(key: BlockKey): void {
    const slot = this.#find(key);
    if (slot !== undefined) this.#end(slot);
  }

  #end(slot: Slot): void {
    if (slot.ended) return;
    const error = closeSlot(slot, this.provider);
    if (error !== undefined) return this.fail(error);
    const events = this.#events;
    if (events === undefined) return;
    const block = slot.block as ToolCallBlock | ProviderBlock;
    events.push(
      block.type === "provider" ? { type: "provider_block", index: slot.index, block } : {
        type: "tool_call_end",
        index: slot.index,
        id: block.id,
        name: block.name,
        arguments: block.arguments,
      },
    );
  }

  /** Records usage and the wire object it was read from (each report replaces the last). */
  usage(usage: Usage, raw: JsonObject): void {
    this.#usage = usage;
    // Kept as `providerMetadata.usage` from now on: every response with usage passes here.
    const metadata = this.#metadata;
    if (metadata === undefined) this.#metadata = { usage: raw };
    else if (metadata.usage !== raw) metadata.usage = raw;
    this.#events?.push({ type: "usage", usage });
  }

  /** Keeps one raw field for `providerMetadata`; null and undefined are not kept. */
  metadata(key: string, value: unknown): void {
    if (value === null || value === undefined) return;
    const metadata = this.#metadata ??= {};
    // Streams repeat most fields in every chunk: a store only when the value changes.
    if (metadata[key] !== value) metadata[key] = value;
  }

  /** A field kept for `providerMetadata` so far (`usage` is the wire usage). */
  metadataOf(key: string): unknown {
    return this.#metadata?.[key];
  }

  /** Ends every block still open (a tool call's arguments are parsed now). */
  endAll(): void {
    const last = this.#last;
    if (last === undefined) return;
    let s = last;
    do {
      s = s.next;
      this.#end(s);
    } while (s !== last);
  }

  /** Records why generation stopped, and ends every block still open. */
  finish(finishReason: FinishReason, rawFinishReason: unknown): void {
    this.endAll();
    this.#finishReason = finishReason;
    if (typeof rawFinishReason === "string") this.#rawFinishReason = rawFinishReason;
    this.#events?.push(
      typeof rawFinishReason === "string"
        ? { type: "finish", finishReason, rawFinishReason }
        : { type: "finish", finishReason },
    );
  }

  /** Records an error as an event; `finalize()` throws the first one. */
  fail(error: ProviderError | ResponseParseError): void {
    const relations = this.#relations ??= {};
    if (relations.root !== undefined) return relations.root.fail(error);
    (relations.errors ??= []).push(error);
    this.#events?.push({ type: "error", error });
  }

  /** Marks the provider's terminal event (`message_stop`, `[DONE]`, a finish reason). */
  terminate(): void {
    this.#state |= TERMINATED;
  }

  /** Hands over the events produced since the last call, in an array the caller owns. */
  drain(): StreamEvent[] {
    const events = this.#events;
    if (events === undefined || events.length === 0) return [];
    this.#events = [];
    return events;
  }

  #build(id: string | undefined, model: string, usage: Usage): ChatResponse {
    return assembleResponse(
      this.provider,
      id,
      model,
      contentOf(this.#last),
      this.#finishReason,
      this.#rawFinishReason,
      usage,
      this.#metadata,
    );
  }

  /** The response as accumulated so far; unfinished tool calls are left out. */
  response(): ChatResponse {
    const usage = this.#usage ?? emptyUsage();
    const response = this.#build(this.#id, this.#model, usage);
    const choices = this.#relations?.choices;
    if (choices !== undefined) {
      const indices = [...choices.keys()].sort((a, b) => a - b);
      response.alternatives = indices.map((i) =>
        choices.get(i)!.#build(this.#id, this.#model, usage)
      );
    }
    return response;
  }

  /**
   * The final response, or the first error with the partial response attached.
   *
   * @param terminal The terminal event's name, for the truncation message.
   * @returns The response.
   * @throws {ProviderError} For an in-stream provider error.
   * @throws {ResponseParseError} For an unreadable event, bad tool arguments or a cut stream.
   */
  finalize(terminal: string): ChatResponse {
    const response = this.response();
    const errors = this.#relations?.errors;
    if (errors !== undefined) {
      const error = errors[0];
      error.partial = response;
      throw error;
    }
    if (!this.terminated) {
      throw new ResponseParseError(
        "truncated_stream",
        `Cannot finish ${this.provider} stream: it ended before ${terminal}`,
        { provider: this.provider, partial: response, raw: unfinishedJson(this.#last) },
      );
    }
    return response;
  }
}

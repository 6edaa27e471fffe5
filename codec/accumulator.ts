/**
 * Builds one {@link ChatResponse} from a provider's blocks (under its own keys, see
 * {@link BlockKey}), deltas and metadata. A provider has one reader, and it drives this same
 * accumulator for a whole body (quietly) and for a stream (emitting canonical events), so
 * `parseResponse` and a stream decoder's `end()` agree by construction. Text and argument JSON
 * grow by `+=`, a rope the engine flattens once, when it is first read; tool-call arguments are
 * parsed once, when their block ends — never because a prefix happens to parse. What is rare
 * (choices, errors, many blocks) is in `rare.ts`.
 *
 * @module
 */

import {
  type BlockKey,
  closeSlot,
  contentOf,
  hasToolCall,
  kindMismatch,
  SCAN,
  scan,
  Slot,
  type WholeBlock,
} from "./blocks.ts";
import { assembleResponse } from "./assemble.ts";
import { extend, failure, indexBlock, type Rare, type ReadError, recordError } from "./rare.ts";
import type { StreamEvent } from "../common/events.ts";
import type { EventBuffer } from "./sink.ts";
import { emptyUsage } from "./usage.ts";
import type {
  AssistantBlock,
  ChatResponse,
  Citation,
  FinishReason,
  ProviderBlock,
  TextBlock,
  ThinkingBlock,
  ToolCallBlock,
  Usage,
} from "../common/types.ts";
import type { JsonObject } from "../common/json_object.ts";

function isWritten(block: WholeBlock): block is TextBlock | ThinkingBlock {
  return block.type === "text" || block.type === "thinking";
}

// Bits of `state`: one number instead of two booleans keeps the object 16 B smaller.
const STARTED = 1;
const TERMINATED = 2;

/**
 * Accumulates one response. Its fields (and a Slot's) are only declared and are set in the
 * constructor: a class field, even one without an initializer, makes JSC run a separate
 * initializer at every construction (~5 ns of a ~400 ns body parse on Bun, sampled).
 */
export class ResponseAccumulator {
  /** The provider whose response this is, named in its errors. */
  declare readonly provider: string;
  /** The latest block; blocks form a ring in response order, so `last.next` is the first. */
  declare private last: Slot | undefined;
  /** Where events go: nowhere for a whole body. */
  declare private sink: EventBuffer | undefined;
  declare private state: number;
  declare private id: string | undefined;
  declare private model: string;
  declare private totals: Usage | undefined;
  declare private finishReason: FinishReason;
  declare private rawFinishReason: string | undefined;
  /** Raw fields for `providerMetadata`, the wire usage among them. */
  declare private kept: JsonObject | undefined;
  declare private rare: Rare<ResponseAccumulator> | undefined;

  /** Small enough (under 100 bytes of bytecode) for JSC to inline into a body parse. */
  constructor(provider: string, sink?: EventBuffer) {
    this.provider = provider;
    this.last = undefined;
    this.sink = sink;
    this.state = 0;
    this.id = undefined;
    this.model = "";
    this.totals = undefined;
    this.finishReason = "unknown";
    this.rawFinishReason = undefined;
    this.kept = undefined;
    this.rare = undefined;
  }

  /** Whether `start` was called. */
  get started(): boolean {
    return (this.state & STARTED) !== 0;
  }

  /** Whether any tool call was seen (Gemini's STOP then means tool_use). */
  get hasToolCalls(): boolean {
    return hasToolCall(this.last);
  }

  /** Whether the provider's terminal event arrived. */
  get terminated(): boolean {
    return (this.state & TERMINATED) !== 0;
  }

  /** Records the response id and model. */
  start(id: string | undefined, model: string): void {
    this.state |= STARTED;
    this.id = id;
    this.model = model;
    this.sink?.start(id, model);
  }

  /**
   * The accumulator of another choice or candidate (index > 0), created on first use. It emits
   * no events; its errors go to this one, and its response becomes one of `alternatives`.
   */
  choice(index: number): ResponseAccumulator {
    return index === 0 ? this : this.otherChoice(index);
  }

  private otherChoice(index: number): ResponseAccumulator {
    const choices = (this.rare ??= {}).choices ??= new Map();
    let choice = choices.get(index);
    if (choice === undefined) {
      choice = new ResponseAccumulator(this.provider);
      choice.rare = { root: this };
      choices.set(index, choice);
    }
    return choice;
  }

  private openSlot(key: BlockKey, block: AssistantBlock, json: string | undefined): Slot {
    const last = this.last;
    const slot = new Slot(key, block, json, last === undefined ? 0 : last.index + 1);
    if (last !== undefined) {
      slot.next = last.next;
      last.next = slot;
    }
    this.last = slot;
    if (slot.index >= SCAN) this.indexKey(slot);
    return slot;
  }

  private indexKey(slot: Slot): void {
    indexBlock(this.rare ??= {}, slot);
  }

  private findSlot(key: BlockKey): Slot | undefined {
    const last = this.last;
    if (last === undefined || last.key === key) return last;
    return last.index < SCAN ? scan(last, key) : this.rare!.keys!.get(key);
  }

  // The text or thinking block under `key`, opened if there is none.
  private textSlot(key: BlockKey, type: "text" | "thinking"): Slot {
    const slot = this.findSlot(key);
    if (slot === undefined) return this.openSlot(key, { type, text: "" }, undefined);
    if (slot.type !== type) throw kindMismatch(this.provider, slot, type);
    return slot;
  }

  /** Opens a text or thinking block now, so that it exists even if it stays empty. */
  open(key: BlockKey, type: "text" | "thinking"): void {
    this.textSlot(key, type);
  }

  /** Whether any block was opened at `key` (a part already streamed is not read again whole). */
  has(key: BlockKey): boolean {
    return this.findSlot(key) !== undefined;
  }

  /**
   * Adds a block with what arrived with it: a body's whole block, a whole tool call or image,
   * or a stream's block start (text and thinking then grow by deltas). It opens a new block,
   * except for text or thinking started again in a stream ({@link extend}).
   */
  add(key: BlockKey, block: WholeBlock): void {
    // A body's keys are fresh (array positions, new runs): only a stream can repeat one.
    if (this.sink !== undefined && isWritten(block) && this.findSlot(key) !== undefined) {
      return this.extend(key, block);
    }
    const slot = this.openSlot(key, block, undefined);
    if (this.sink !== undefined) this.sink.block(slot.index, block);
  }

  private extend(key: BlockKey, block: TextBlock | ThinkingBlock): void {
    extend(this, key, block);
  }

  /** Appends answer text to the block at `key`, opening it if needed. */
  text(key: BlockKey, text: string): void {
    const slot = this.textSlot(key, "text");
    (slot.block as TextBlock).text += text;
    this.sink?.textDelta(slot.index, text);
  }

  /** Appends reasoning text to the block at `key`, opening it if needed. */
  thinking(key: BlockKey, text: string): void {
    const slot = this.textSlot(key, "thinking");
    (slot.block as TextBlock).text += text;
    this.sink?.thinkingDelta(slot.index, text);
  }

  /** Sets the signature of the block at `key`; ignored when no block there takes one. */
  signature(key: BlockKey, signature: string): void {
    const slot = this.findSlot(key);
    if (slot === undefined || slot.type === "provider" || slot.type === "redacted_thinking") return;
    (slot.block as TextBlock).signature = signature;
    this.sink?.signature(slot.index, signature);
  }

  /** Attaches a citation to the text block at `key`, opening it if needed. */
  citation(key: BlockKey, citation: Citation): void {
    const slot = this.textSlot(key, "text");
    ((slot.block as TextBlock).citations ??= []).push(citation);
    this.sink?.citation(slot.index, citation);
  }

  /**
   * Opens a block the canonical model has no type for. It is complete at its `end`; argument
   * JSON sent with {@link toolDelta} before then replaces `data.input`.
   */
  providerBlock(key: BlockKey, blockType: string, data: JsonObject): void {
    this.openSlot(key, { type: "provider", provider: this.provider, blockType, data }, "");
  }

  /**
   * Opens a tool call. `input` is what arrived with it (`{}` if nothing did), kept unless
   * argument JSON follows; `json` is a first fragment of argument JSON that came with the call.
   */
  toolStart(key: BlockKey, id: string, name: string, input?: JsonObject, json = ""): void {
    const block = { type: "tool_call", id, name, arguments: input } as ToolCallBlock;
    const slot = this.openSlot(key, block, "");
    this.sink?.toolStart(slot.index, id, name);
    if (json === "") return;
    slot.json = json;
    this.sink?.toolDelta(slot.index, json);
  }

  /** Whether a tool call is open at `key`. */
  hasTool(key: BlockKey): boolean {
    return this.findSlot(key)?.type === "tool_call";
  }

  /** Whether a tool call is open at `key` and no argument text has reached it yet. */
  awaitsArguments(key: BlockKey): boolean {
    const slot = this.findSlot(key);
    return slot !== undefined && slot.type === "tool_call" && slot.json === "";
  }

  /** Appends argument JSON text to the tool call (or provider-run call) at `key`, if open. */
  toolDelta(key: BlockKey, argumentsDelta: string): void {
    const slot = this.findSlot(key);
    if (slot === undefined || argumentsDelta === "" || slot.json === undefined) return;
    slot.json += argumentsDelta;
    if (slot.type === "tool_call") this.sink?.toolDelta(slot.index, argumentsDelta);
  }

  /** Ends the block at `key`; a tool call's arguments are parsed now, once. */
  end(key: BlockKey): void {
    const slot = this.findSlot(key);
    if (slot !== undefined) this.endSlot(slot);
  }

  private endSlot(slot: Slot): void {
    if (slot.json === undefined) return;
    const error = closeSlot(slot, this.provider);
    if (error !== undefined) return this.fail(error);
    const block = slot.block as ToolCallBlock | ProviderBlock;
    if (block.type === "provider") this.sink?.providerBlock(slot.index, block);
    else this.sink?.toolEnd(slot.index, block.id, block.name, block.arguments);
  }

  /** Records usage and the wire object it was read from (each report replaces the last). */
  usage(usage: Usage, raw: JsonObject): void {
    this.totals = usage;
    // Kept as `providerMetadata.usage` from now on: every response with usage passes here.
    const metadata = this.kept;
    if (metadata === undefined) this.kept = { usage: raw };
    else if (metadata.usage !== raw) metadata.usage = raw;
    this.sink?.usage(usage);
  }

  /** Keeps one raw field for `providerMetadata`; null and undefined are not kept. */
  metadata(key: string, value: unknown): void {
    if (value === null || value === undefined) return;
    // A plain store: keys vary, so any keyed access here is megamorphic, and checking first
    // whether the value changed (streams repeat most fields) cost a keyed load and a generic
    // comparison on top of it (~150 V8 instructions a field).
    (this.kept ??= {})[key] = value;
  }

  /**
   * The raw fields kept for `providerMetadata` so far, made if need be, for a reader to add
   * its provider's usual fields by name (the reader skips null and undefined). A named store
   * there is inlined where {@link metadata}'s keyed store, shared by every field, is
   * megamorphic (~190 V8 instructions a field).
   */
  extras(): JsonObject {
    return this.kept ??= {};
  }

  /** A field kept for `providerMetadata` so far (`usage` is the wire usage). */
  metadataOf(key: string): unknown {
    return this.kept?.[key];
  }

  /** Ends every block still open (a tool call's arguments are parsed now). */
  endAll(): void {
    const last = this.last;
    if (last === undefined) return;
    let s = last;
    do {
      s = s.next;
      // Checked here: a call per complete block did not get optimized (~30 instructions each).
      if (s.json !== undefined) this.endSlot(s);
    } while (s !== last);
  }

  /** Records why generation stopped, and ends every block still open. */
  finish(finishReason: FinishReason, rawFinishReason: unknown): void {
    this.endAll();
    this.finishReason = finishReason;
    const raw = typeof rawFinishReason === "string" ? rawFinishReason : undefined;
    if (raw !== undefined) this.rawFinishReason = raw;
    this.sink?.finish(finishReason, raw);
  }

  /** Records an error as an event; `finalize()` throws the first one. */
  fail(error: ReadError): void {
    recordError(this.rare ??= {}, error, this.sink);
  }

  /** Marks the provider's terminal event (`message_stop`, `[DONE]`, a finish reason). */
  terminate(): void {
    this.state |= TERMINATED;
  }

  /** Hands over the events produced since the last call, in an array the caller owns. */
  drain(): StreamEvent[] {
    return this.sink?.drain() ?? [];
  }

  // The usual body has every optional field: one literal, where adding three fields one by one
  // to assembleResponse's five cost a map transition each and a 40 B property store. Kept
  // under JSC's inlining size (170 bytes): a call of 8 arguments here went over it.
  private build(id: string | undefined, model: string, usage: Usage): ChatResponse {
    const rawFinishReason = this.rawFinishReason;
    const kept = this.kept;
    if (id === undefined || rawFinishReason === undefined || kept === undefined) {
      return this.assemble(id, model, usage);
    }
    return {
      provider: this.provider,
      model,
      content: contentOf(this.last),
      finishReason: this.finishReason,
      usage,
      id,
      rawFinishReason,
      providerMetadata: kept,
    };
  }

  private assemble(id: string | undefined, model: string, usage: Usage): ChatResponse {
    const { provider, last, finishReason, rawFinishReason: raw, kept } = this;
    return assembleResponse(provider, id, model, contentOf(last), finishReason, raw, usage, kept);
  }

  /** The response as accumulated so far; unfinished tool calls are left out. */
  response(): ChatResponse {
    const response = this.build(this.id, this.model, this.totals ?? emptyUsage());
    if (this.rare?.choices !== undefined) this.addAlternatives(response);
    return response;
  }

  private addAlternatives(response: ChatResponse): void {
    const { id, model } = this;
    const choices = this.rare!.choices!;
    const indices = [...choices.keys()].sort((a, b) => a - b);
    response.alternatives = indices.map((i) => choices.get(i)!.build(id, model, response.usage));
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
    if (this.rare?.errors !== undefined || !this.terminated) this.refuse(response, terminal);
    return response;
  }

  private refuse(response: ChatResponse, terminal: string): never {
    throw failure(this.provider, this.rare?.errors, this.last, response, terminal);
  }
}

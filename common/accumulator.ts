/**
 * Builds one {@link ChatResponse} from a provider's blocks, deltas and metadata. A provider has
 * one reader, and it drives this same accumulator for a whole body (quietly) and for a stream
 * (emitting canonical events), so `parseResponse` and a stream decoder's `end()` agree by
 * construction. Blocks are keyed by the provider's own block key (Anthropic's block index,
 * OpenAI's `content` / `tool_calls[i]`, Gemini's part run). Text is kept as fragments joined
 * once; tool-call arguments are parsed once, when their block ends — never because a prefix
 * happens to parse.
 *
 * @module
 */

import { type BlockKey, BlockList } from "./blocks.ts";
import { type ProviderError, ResponseParseError } from "./errors.ts";
import type { StreamEvent } from "./events.ts";
import { parseToolArguments } from "./json.ts";
import { emptyUsage } from "./usage.ts";
import type {
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

// A body emits nothing: its accumulator shares this list, which is never handed out.
const SILENT: StreamEvent[] = [];

/** Accumulates one response. Used by the providers' readers, for bodies and streams alike. */
export class ResponseAccumulator {
  /** The provider whose response this is. */
  readonly provider: string;
  #live: boolean;
  #events: StreamEvent[];
  #blocks = new BlockList();
  #toolCalls = 0;
  #id?: string;
  #model = "";
  #started = false;
  #usage?: Usage;
  #finishReason: FinishReason = "unknown";
  #rawFinishReason?: string;
  #metadata?: JsonObject;
  /** The wire usage, kept as `providerMetadata.usage`. */
  #rawUsage?: JsonObject;
  #choices?: Map<number, ResponseAccumulator>;
  #root: ResponseAccumulator = this;
  #errors?: Array<ProviderError | ResponseParseError>;
  #terminated = false;

  /**
   * @param provider Named in errors and in the response.
   * @param live Whether to emit stream events (false for a whole body: nothing to emit).
   */
  constructor(provider: string, live: boolean) {
    this.provider = provider;
    this.#live = live;
    this.#events = live ? [] : SILENT;
  }

  /** Whether `start` was called. */
  get started(): boolean {
    return this.#started;
  }

  /** Whether any tool call was seen (Gemini's STOP then means tool_use). */
  get hasToolCalls(): boolean {
    return this.#toolCalls > 0;
  }

  /** Whether the provider's terminal event arrived. */
  get terminated(): boolean {
    return this.#terminated;
  }

  /** Records the response id and model. */
  start(id: string | undefined, model: string): void {
    this.#started = true;
    this.#id = id;
    this.#model = model;
    if (this.#live) {
      this.#events.push(id === undefined ? { type: "start", model } : { type: "start", id, model });
    }
  }

  /**
   * The accumulator of another choice or candidate (index > 0), created on first use. It emits
   * no events; its errors go to this one, and its response becomes one of `alternatives`.
   */
  choice(index: number): ResponseAccumulator {
    if (index === 0) return this;
    const choices = this.#choices ??= new Map();
    let choice = choices.get(index);
    if (choice === undefined) {
      choice = new ResponseAccumulator(this.provider, false);
      choice.#root = this;
      choices.set(index, choice);
    }
    return choice;
  }

  /** Opens a text or thinking block now, so that it exists even if it stays empty. */
  open(key: BlockKey, type: "text" | "thinking"): void {
    this.#blocks.text(key, type, this.provider);
  }

  /** Appends answer text to the block at `key`, opening it if needed. */
  text(key: BlockKey, text: string): void {
    const index = this.#blocks.text(key, "text", this.provider);
    this.#blocks.slots[index].append(text);
    if (this.#live) this.#events.push({ type: "text_delta", index, text });
  }

  /** Appends reasoning text to the block at `key`, opening it if needed. */
  thinking(key: BlockKey, text: string): void {
    const index = this.#blocks.text(key, "thinking", this.provider);
    this.#blocks.slots[index].append(text);
    if (this.#live) this.#events.push({ type: "thinking_delta", index, text });
  }

  /** Sets the signature of the block at `key`; ignored when no block there takes one. */
  signature(key: BlockKey, signature: string): void {
    const index = this.#blocks.find(key);
    if (index === undefined) return;
    const slot = this.#blocks.slots[index];
    if (slot.type === "provider" || slot.type === "redacted_thinking") return;
    (slot.block as TextBlock).signature = signature;
    if (this.#live) this.#events.push({ type: "signature", index, signature });
  }

  /** Attaches a citation to the text block at `key`, opening it if needed. */
  citation(key: BlockKey, citation: Citation): void {
    const index = this.#blocks.text(key, "text", this.provider);
    const block = this.#blocks.slots[index].block as TextBlock;
    (block.citations ??= []).push(citation);
    if (this.#live) this.#events.push({ type: "citation", index, citation });
  }

  /** Adds a whole redacted thinking block. */
  redacted(key: BlockKey, data: string): void {
    const index = this.#blocks.open(key, { type: "redacted_thinking", data }, true);
    if (this.#live) this.#events.push({ type: "redacted_thinking", index, data });
  }

  /** Adds a whole image block. */
  image(key: BlockKey, image: ImageBlock): void {
    const index = this.#blocks.open(key, image, true);
    if (this.#live) this.#events.push({ type: "image", index, image });
  }

  /**
   * Opens a block the canonical model has no type for. It is complete at its `end`; argument
   * JSON sent with {@link toolDelta} before then replaces `data.input`.
   */
  providerBlock(key: BlockKey, blockType: string, data: JsonObject): void {
    this.#blocks.open(key, { type: "provider", provider: this.provider, blockType, data }, false);
  }

  /**
   * Opens a tool call. `input` is what arrived with it, kept unless argument JSON follows;
   * `json` is a first fragment of argument JSON that came with the call.
   */
  toolStart(key: BlockKey, id: string, name: string, input?: JsonObject, json = ""): void {
    const block = { type: "tool_call", id, name, arguments: input } as ToolCallBlock;
    const index = this.#blocks.open(key, block, false);
    this.#toolCalls++;
    if (this.#live) this.#events.push({ type: "tool_call_start", index, id, name });
    if (json === "") return;
    this.#blocks.slots[index].append(json);
    if (this.#live) this.#events.push({ type: "tool_call_delta", index, argumentsDelta: json });
  }

  /** Whether any block was opened at `key` (a part already streamed is not read again whole). */
  has(key: BlockKey): boolean {
    return this.#blocks.find(key) !== undefined;
  }

  /** Whether a tool call is open at `key`. */
  hasTool(key: BlockKey): boolean {
    const index = this.#blocks.find(key);
    return index !== undefined && this.#blocks.slots[index].type === "tool_call";
  }

  /** Appends argument JSON text to the tool call (or provider-run call) at `key`, if open. */
  toolDelta(key: BlockKey, argumentsDelta: string): void {
    const index = this.#blocks.find(key);
    if (index === undefined || argumentsDelta === "") return;
    const slot = this.#blocks.slots[index];
    if (slot.ended || (slot.type !== "tool_call" && slot.type !== "provider")) return;
    slot.append(argumentsDelta);
    if (this.#live && slot.type === "tool_call") {
      this.#events.push({ type: "tool_call_delta", index, argumentsDelta });
    }
  }

  /** Adds a tool call that arrived whole (Gemini), with its signature. */
  toolCall(key: BlockKey, id: string, name: string, args: JsonObject, signature?: string): void {
    const block: ToolCallBlock = { type: "tool_call", id, name, arguments: args };
    if (signature !== undefined) block.signature = signature;
    const index = this.#blocks.open(key, block, true);
    this.#toolCalls++;
    if (!this.#live) return;
    this.#events.push({ type: "tool_call_start", index, id, name });
    if (signature !== undefined) this.#events.push({ type: "signature", index, signature });
    this.#events.push({ type: "tool_call_end", index, id, name, arguments: args });
  }

  /** Ends the block at `key`; a tool call's arguments are parsed now, once. */
  end(key: BlockKey): void {
    const index = this.#blocks.find(key);
    if (index !== undefined) this.#end(index);
  }

  #end(index: number): void {
    if (!this.#blocks.end(index)) return;
    const slot = this.#blocks.slots[index];
    const block = slot.block as ToolCallBlock | ProviderBlock;
    let input: JsonObject | undefined;
    if (slot.first !== "") {
      try {
        input = parseToolArguments(this.provider, slot.joined(), index);
      } catch (error) {
        if (block.type === "tool_call") (block as { arguments?: JsonObject }).arguments = undefined;
        return this.fail(error as ResponseParseError);
      }
    }
    if (block.type === "provider") {
      if (input !== undefined) block.data.input = input;
      if (this.#live) this.#events.push({ type: "provider_block", index, block });
      return;
    }
    block.arguments = input ?? block.arguments ?? {};
    if (this.#live) {
      this.#events.push({
        type: "tool_call_end",
        index,
        id: block.id,
        name: block.name,
        arguments: block.arguments,
      });
    }
  }

  /** Records usage and the wire object it was read from (each report replaces the last). */
  usage(usage: Usage, raw: JsonObject): void {
    this.#usage = usage;
    this.#rawUsage = raw;
    if (this.#live) this.#events.push({ type: "usage", usage });
  }

  /** Keeps one raw field for `providerMetadata`; null and undefined are not kept. */
  metadata(key: string, value: unknown): void {
    if (value === null || value === undefined) return;
    const metadata = this.#metadata ??= {};
    // Streams repeat most fields in every chunk: a store only when the value changes.
    if (metadata[key] !== value) metadata[key] = value;
  }

  /** A field kept for `providerMetadata` so far. */
  metadataOf(key: string): unknown {
    return this.#metadata?.[key];
  }

  /** Ends every block still open (a tool call's arguments are parsed now). */
  endAll(): void {
    const blocks = this.#blocks;
    for (let i = 0; blocks.unended > 0 && i < blocks.slots.length; i++) this.#end(i);
  }

  /** Records why generation stopped, and ends every block still open. */
  finish(finishReason: FinishReason, rawFinishReason: unknown): void {
    this.endAll();
    this.#finishReason = finishReason;
    if (typeof rawFinishReason === "string") this.#rawFinishReason = rawFinishReason;
    if (!this.#live) return;
    this.#events.push(
      typeof rawFinishReason === "string"
        ? { type: "finish", finishReason, rawFinishReason }
        : { type: "finish", finishReason },
    );
  }

  /** Records an error as an event; `finalize()` throws the first one. */
  fail(error: ProviderError | ResponseParseError): void {
    if (this.#root !== this) return this.#root.fail(error);
    (this.#errors ??= []).push(error);
    if (this.#live) this.#events.push({ type: "error", error });
  }

  /** Marks the provider's terminal event (`message_stop`, `[DONE]`, a finish reason). */
  terminate(): void {
    this.#terminated = true;
  }

  /** Hands over the events produced since the last call, in an array the caller owns. */
  drain(): StreamEvent[] {
    const events = this.#events;
    if (events.length === 0) return [];
    this.#events = [];
    return events;
  }

  #build(id: string | undefined, model: string, usage: Usage): ChatResponse {
    const content = this.#blocks.content();
    const response: ChatResponse = {
      provider: this.provider,
      model,
      content,
      finishReason: this.#finishReason,
      usage,
    };
    if (id !== undefined) response.id = id;
    if (this.#rawFinishReason !== undefined) response.rawFinishReason = this.#rawFinishReason;
    // A named store, not metadata()'s keyed one: every response with usage passes here.
    let metadata = this.#metadata;
    if (this.#rawUsage !== undefined) {
      if (metadata === undefined) metadata = { usage: this.#rawUsage };
      else metadata.usage = this.#rawUsage;
    }
    if (metadata !== undefined) response.providerMetadata = metadata;
    return response;
  }

  /** The response as accumulated so far; unfinished tool calls are left out. */
  response(): ChatResponse {
    const usage = this.#usage ?? emptyUsage();
    const response = this.#build(this.#id, this.#model, usage);
    if (this.#choices !== undefined) {
      const indices = [...this.#choices.keys()].sort((a, b) => a - b);
      response.alternatives = indices.map((i) =>
        this.#choices!.get(i)!.#build(this.#id, this.#model, usage)
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
    if (this.#errors !== undefined) {
      const error = this.#errors[0];
      error.partial = response;
      throw error;
    }
    if (!this.#terminated) {
      throw new ResponseParseError(
        "truncated_stream",
        `Cannot finish ${this.provider} stream: it ended before ${terminal}`,
        { provider: this.provider, partial: response, raw: this.#blocks.unfinishedJson() },
      );
    }
    return response;
  }
}

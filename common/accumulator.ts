/**
 * Builds the final {@link ChatResponse} from a stream while emitting canonical events. Every
 * provider's stream mapper drives the same accumulator, keyed by the provider's own block key
 * (Anthropic's block index, OpenAI's `content` / `tool_calls[i]`, Gemini's part run), so the
 * three streams accumulate the same way. Text is kept as fragments joined once at the end;
 * tool-call arguments are parsed once, when their block ends — never because a prefix parses.
 *
 * @module
 */

import { type ProviderError, ResponseParseError } from "./errors.ts";
import type { StreamEvent } from "./events.ts";
import { parseToolArguments } from "./json.ts";
import { emptyUsage } from "./usage.ts";
import type { ChatResponse, FinishReason, JsonObject, Usage } from "./types.ts";

type BlockKey = number | string;

interface Building {
  type: "text" | "thinking" | "redacted_thinking" | "tool_call";
  /** Text, thinking or argument-JSON fragments. */
  parts: string[];
  signature?: string;
  data?: string;
  id?: string;
  name?: string;
  /** Parsed arguments, once the tool call ended. */
  arguments?: JsonObject;
  ended: boolean;
}

/** Accumulates one streamed response. Used by the provider stream mappers. */
export class StreamAccumulator {
  /** The provider whose stream this is. */
  readonly provider: string;
  #events: StreamEvent[] = [];
  #blocks: Building[] = [];
  #keys = new Map<BlockKey, number>();
  #id?: string;
  #model = "";
  #started = false;
  #usage: Usage = emptyUsage();
  #finishReason: FinishReason = "unknown";
  #rawFinishReason?: string;
  #errors: Array<ProviderError | ResponseParseError> = [];
  #terminated = false;

  /** @param provider Named in errors. */
  constructor(provider: string) {
    this.provider = provider;
  }

  /** Whether `start` was called. */
  get started(): boolean {
    return this.#started;
  }

  /** Whether any tool call was seen (Gemini's STOP then means tool_use). */
  get hasToolCalls(): boolean {
    return this.#blocks.some((block) => block.type === "tool_call");
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
    this.#events.push(id === undefined ? { type: "start", model } : { type: "start", id, model });
  }

  #open(key: BlockKey, type: Building["type"]): number {
    const index = this.#blocks.length;
    this.#blocks.push({ type, parts: [], ended: false });
    this.#keys.set(key, index);
    return index;
  }

  /** Opens a text or thinking block now, so that it exists even if it stays empty. */
  open(key: BlockKey, type: "text" | "thinking"): void {
    if (!this.#keys.has(key)) this.#open(key, type);
  }

  /** Appends answer text to the block at `key`, opening it if needed. */
  text(key: BlockKey, text: string): void {
    const index = this.#keys.get(key) ?? this.#open(key, "text");
    this.#blocks[index].parts.push(text);
    this.#events.push({ type: "text_delta", index, text });
  }

  /** Appends reasoning text to the block at `key`, opening it if needed. */
  thinking(key: BlockKey, text: string): void {
    const index = this.#keys.get(key) ?? this.#open(key, "thinking");
    this.#blocks[index].parts.push(text);
    this.#events.push({ type: "thinking_delta", index, text });
  }

  /** Sets the signature of the block at `key`; ignored when there is no such block. */
  signature(key: BlockKey, signature: string): void {
    const index = this.#keys.get(key);
    if (index === undefined) return;
    this.#blocks[index].signature = signature;
    this.#events.push({ type: "signature", index, signature });
  }

  /** Adds a whole redacted thinking block. */
  redacted(key: BlockKey, data: string): void {
    const index = this.#open(key, "redacted_thinking");
    this.#blocks[index].data = data;
    this.#blocks[index].ended = true;
    this.#events.push({ type: "redacted_thinking", index, data });
  }

  /** Opens a tool call. */
  toolStart(key: BlockKey, id: string, name: string): void {
    const index = this.#open(key, "tool_call");
    const block = this.#blocks[index];
    block.id = id;
    block.name = name;
    this.#events.push({ type: "tool_call_start", index, id, name });
  }

  /** Whether a tool call is open at `key`. */
  hasTool(key: BlockKey): boolean {
    const index = this.#keys.get(key);
    return index !== undefined && this.#blocks[index].type === "tool_call";
  }

  /** Appends argument JSON text to the open tool call at `key`; ignored when there is none. */
  toolDelta(key: BlockKey, argumentsDelta: string): void {
    const index = this.#keys.get(key);
    if (index === undefined || argumentsDelta === "") return;
    const block = this.#blocks[index];
    if (block.type !== "tool_call" || block.ended) return;
    block.parts.push(argumentsDelta);
    this.#events.push({ type: "tool_call_delta", index, argumentsDelta });
  }

  /** Ends the block at `key`; a tool call's arguments are parsed now, once. */
  end(key: BlockKey): void {
    const index = this.#keys.get(key);
    if (index !== undefined) this.#endBlock(index);
  }

  #endBlock(index: number): void {
    const block = this.#blocks[index];
    if (block.ended) return;
    block.ended = true;
    if (block.type !== "tool_call") return;
    const text = block.parts.length === 1 ? block.parts[0] : block.parts.join("");
    try {
      block.arguments = parseToolArguments(this.provider, text, `content[${index}].arguments`);
    } catch (error) {
      this.fail(error as ResponseParseError);
      return;
    }
    this.#events.push({
      type: "tool_call_end",
      index,
      id: block.id!,
      name: block.name!,
      arguments: block.arguments,
    });
  }

  /** Adds a tool call that arrived whole (Gemini), with its signature. */
  toolCall(key: BlockKey, id: string, name: string, args: JsonObject, signature?: string): void {
    const index = this.#open(key, "tool_call");
    const block = this.#blocks[index];
    block.id = id;
    block.name = name;
    block.arguments = args;
    block.ended = true;
    this.#events.push({ type: "tool_call_start", index, id, name });
    if (signature !== undefined) this.signature(key, signature);
    this.#events.push({ type: "tool_call_end", index, id, name, arguments: args });
  }

  /** Records usage (each report replaces the last). */
  usage(usage: Usage): void {
    this.#usage = usage;
    this.#events.push({ type: "usage", usage });
  }

  /** Records why generation stopped, and ends every block still open. */
  finish(finishReason: FinishReason, rawFinishReason: unknown): void {
    for (let i = 0; i < this.#blocks.length; i++) this.#endBlock(i);
    this.#finishReason = finishReason;
    if (typeof rawFinishReason === "string") {
      this.#rawFinishReason = rawFinishReason;
      this.#events.push({ type: "finish", finishReason, rawFinishReason });
    } else {
      this.#events.push({ type: "finish", finishReason });
    }
  }

  /** Records an error as an event; `end()` throws the first one. */
  fail(error: ProviderError | ResponseParseError): void {
    this.#errors.push(error);
    this.#events.push({ type: "error", error });
  }

  /** Marks the provider's terminal event (`message_stop`, `[DONE]`, a finish reason). */
  terminate(): void {
    this.#terminated = true;
  }

  /** Hands over the events produced since the last call, in an array the caller owns. */
  drain(): StreamEvent[] {
    if (this.#events.length === 0) return [];
    const events = this.#events;
    this.#events = [];
    return events;
  }

  /** The response as accumulated so far; unfinished tool calls are left out. */
  response(): ChatResponse {
    const content: ChatResponse["content"] = [];
    for (const block of this.#blocks) {
      if (block.type === "tool_call") {
        if (block.arguments === undefined) continue;
        const call: ChatResponse["content"][number] = {
          type: "tool_call",
          id: block.id!,
          name: block.name!,
          arguments: block.arguments,
        };
        if (block.signature !== undefined) call.signature = block.signature;
        content.push(call);
      } else if (block.type === "redacted_thinking") {
        content.push({ type: "redacted_thinking", data: block.data! });
      } else {
        const text = block.parts.length === 1 ? block.parts[0] : block.parts.join("");
        content.push(
          block.signature === undefined
            ? { type: block.type, text }
            : { type: block.type, text, signature: block.signature },
        );
      }
    }
    const response: ChatResponse = {
      provider: this.provider,
      model: this.#model,
      content,
      finishReason: this.#finishReason,
      usage: this.#usage,
    };
    if (this.#id !== undefined) response.id = this.#id;
    if (this.#rawFinishReason !== undefined) response.rawFinishReason = this.#rawFinishReason;
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
    if (this.#errors.length > 0) {
      const error = this.#errors[0];
      error.partial = response;
      throw error;
    }
    if (!this.#terminated) {
      const open = this.#blocks.find((block) => block.type === "tool_call" && !block.ended);
      throw new ResponseParseError(
        "truncated_stream",
        `Cannot finish ${this.provider} stream: it ended before ${terminal}`,
        { provider: this.provider, partial: response, raw: open?.parts.join("") },
      );
    }
    return response;
  }
}

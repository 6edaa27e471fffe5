/**
 * Where a stream accumulator's canonical events go. A body's accumulator has none: every
 * event call there is skipped by one `undefined` check, where a no-op sink's calls cost a
 * body parse ~5% on Bun (JSC does not remove them).
 *
 * @module
 */

import type { ProviderError, ResponseParseError } from "../common/errors.ts";
import type { WholeBlock } from "./blocks.ts";
import type { StreamEvent } from "../common/events.ts";
import type { Citation, FinishReason, ImageBlock, ProviderBlock, Usage } from "../common/types.ts";
import type { JsonObject } from "../common/json_object.ts";

/**
 * Keeps a stream's events until they are drained. Every dialect emits the final `usage` before
 * `finish`; a dialect whose usage arrives after its finish reason (OpenAI Chat's usage chunk
 * follows the finish chunk) builds its buffer with `holdFinish`, and the finish event waits for
 * the usage, an error or {@link EventBuffer.release} at the terminal event.
 */
export class EventBuffer {
  private events: StreamEvent[] = [];
  private readonly holdFinish: boolean;
  private held: StreamEvent | undefined = undefined;

  /**
   * @param holdFinish Whether `finish` waits for the usage (see the class).
   */
  constructor(holdFinish = false) {
    this.holdFinish = holdFinish;
  }

  /** A block that arrived with its content: the events of what it holds. */
  block(index: number, block: WholeBlock): void {
    switch (block.type) {
      case "text":
      case "thinking":
        if (block.text !== "") {
          if (block.type === "text") this.textDelta(index, block.text);
          else this.thinkingDelta(index, block.text);
        }
        if (block.signature !== undefined) this.signature(index, block.signature);
        return;
      case "redacted_thinking":
        return this.redacted(index, block.data);
      case "image":
        return this.image(index, block);
      case "tool_call":
        this.toolStart(index, block.id, block.name);
        if (block.signature !== undefined) this.signature(index, block.signature);
        return this.toolEnd(index, block.id, block.name, block.arguments);
    }
  }

  /** The stream began. */
  start(id: string | undefined, model: string): void {
    this.events.push(id === undefined ? { type: "start", model } : { type: "start", id, model });
  }
  /** More answer text for block `index`. */
  textDelta(index: number, text: string): void {
    this.events.push({ type: "text_delta", index, text });
  }
  /** More reasoning text for block `index`. */
  thinkingDelta(index: number, text: string): void {
    this.events.push({ type: "thinking_delta", index, text });
  }
  /** The signature of block `index`. */
  signature(index: number, signature: string): void {
    this.events.push({ type: "signature", index, signature });
  }
  /** A citation of the text block at `index`. */
  citation(index: number, citation: Citation): void {
    this.events.push({ type: "citation", index, citation });
  }
  /** A whole redacted thinking block. */
  redacted(index: number, data: string): void {
    this.events.push({ type: "redacted_thinking", index, data });
  }
  /** A whole image block. */
  image(index: number, image: ImageBlock): void {
    this.events.push({ type: "image", index, image });
  }
  /** A complete provider block. */
  providerBlock(index: number, block: ProviderBlock): void {
    this.events.push({ type: "provider_block", index, block });
  }
  /** A tool call began. */
  toolStart(index: number, id: string, name: string): void {
    this.events.push({ type: "tool_call_start", index, id, name });
  }
  /** More argument JSON for the tool call at `index`. */
  toolDelta(index: number, argumentsDelta: string): void {
    this.events.push({ type: "tool_call_delta", index, argumentsDelta });
  }
  /** A tool call is complete. */
  toolEnd(index: number, id: string, name: string, args: JsonObject): void {
    this.events.push({ type: "tool_call_end", index, id, name, arguments: args });
  }
  /** Usage so far. */
  usage(usage: Usage): void {
    this.events.push({ type: "usage", usage });
    if (this.held !== undefined) this.release();
  }
  /** Generation stopped. */
  finish(finishReason: FinishReason, rawFinishReason: string | undefined): void {
    const event: StreamEvent = rawFinishReason === undefined
      ? { type: "finish", finishReason }
      : { type: "finish", finishReason, rawFinishReason };
    if (this.holdFinish) this.held = event;
    else this.events.push(event);
  }
  /** Emits a finish event held for the usage (the stream's terminal event came). */
  release(): void {
    if (this.held === undefined) return;
    this.events.push(this.held);
    this.held = undefined;
  }
  /** An error, in the stream or reading it. */
  error(error: ProviderError | ResponseParseError): void {
    if (this.held !== undefined) this.release();
    this.events.push({ type: "error", error });
  }
  /** The events since the last call, in an array the caller owns. */
  drain(): StreamEvent[] {
    const events = this.events;
    if (events.length === 0) return [];
    this.events = [];
    return events;
  }
}

/**
 * Where an accumulator's canonical stream events go: nowhere for a whole body, into a buffer
 * for a stream.
 *
 * @module
 */

import type { ProviderError, ResponseParseError } from "./errors.ts";
import type { StreamEvent } from "./events.ts";
import type {
  Citation,
  FinishReason,
  ImageBlock,
  JsonObject,
  ProviderBlock,
  Usage,
} from "./types.ts";

/**
 * Takes an accumulator's events and drops them: a body's accumulator (one shared instance, as
 * it holds nothing). Building the events here rather than in the accumulator keeps its methods
 * small enough to inline into the readers, and a body builds none: with `events?.push({…})` in
 * each method, an Anthropic body cost ~470 more instructions on Bun (valgrind).
 */
export class EventSink {
  /** The stream began. */
  start(_id: string | undefined, _model: string): void {}
  /** More answer text for block `index`. */
  textDelta(_index: number, _text: string): void {}
  /** More reasoning text for block `index`. */
  thinkingDelta(_index: number, _text: string): void {}
  /** The signature of block `index`. */
  signature(_index: number, _signature: string): void {}
  /** A citation of the text block at `index`. */
  citation(_index: number, _citation: Citation): void {}
  /** A whole redacted thinking block. */
  redacted(_index: number, _data: string): void {}
  /** A whole image block. */
  image(_index: number, _image: ImageBlock): void {}
  /** A complete provider block. */
  providerBlock(_index: number, _block: ProviderBlock): void {}
  /** A tool call began. */
  toolStart(_index: number, _id: string, _name: string): void {}
  /** More argument JSON for the tool call at `index`. */
  toolDelta(_index: number, _argumentsDelta: string): void {}
  /** A tool call is complete. */
  toolEnd(_index: number, _id: string, _name: string, _args: JsonObject): void {}
  /** Usage so far. */
  usage(_usage: Usage): void {}
  /** Generation stopped. */
  finish(_finishReason: FinishReason, _rawFinishReason: string | undefined): void {}
  /** An error, in the stream or reading it. */
  error(_error: ProviderError | ResponseParseError): void {}
  /** The events since the last call, in an array the caller owns. */
  drain(): StreamEvent[] {
    return [];
  }
}

/** Keeps a stream's events until they are drained. */
export class EventBuffer extends EventSink {
  private events: StreamEvent[] = [];

  /** The stream began. */
  override start(id: string | undefined, model: string): void {
    this.events.push(id === undefined ? { type: "start", model } : { type: "start", id, model });
  }
  /** More answer text for block `index`. */
  override textDelta(index: number, text: string): void {
    this.events.push({ type: "text_delta", index, text });
  }
  /** More reasoning text for block `index`. */
  override thinkingDelta(index: number, text: string): void {
    this.events.push({ type: "thinking_delta", index, text });
  }
  /** The signature of block `index`. */
  override signature(index: number, signature: string): void {
    this.events.push({ type: "signature", index, signature });
  }
  /** A citation of the text block at `index`. */
  override citation(index: number, citation: Citation): void {
    this.events.push({ type: "citation", index, citation });
  }
  /** A whole redacted thinking block. */
  override redacted(index: number, data: string): void {
    this.events.push({ type: "redacted_thinking", index, data });
  }
  /** A whole image block. */
  override image(index: number, image: ImageBlock): void {
    this.events.push({ type: "image", index, image });
  }
  /** A complete provider block. */
  override providerBlock(index: number, block: ProviderBlock): void {
    this.events.push({ type: "provider_block", index, block });
  }
  /** A tool call began. */
  override toolStart(index: number, id: string, name: string): void {
    this.events.push({ type: "tool_call_start", index, id, name });
  }
  /** More argument JSON for the tool call at `index`. */
  override toolDelta(index: number, argumentsDelta: string): void {
    this.events.push({ type: "tool_call_delta", index, argumentsDelta });
  }
  /** A tool call is complete. */
  override toolEnd(index: number, id: string, name: string, args: JsonObject): void {
    this.events.push({ type: "tool_call_end", index, id, name, arguments: args });
  }
  /** Usage so far. */
  override usage(usage: Usage): void {
    this.events.push({ type: "usage", usage });
  }
  /** Generation stopped. */
  override finish(finishReason: FinishReason, rawFinishReason: string | undefined): void {
    this.events.push(
      rawFinishReason === undefined
        ? { type: "finish", finishReason }
        : { type: "finish", finishReason, rawFinishReason },
    );
  }
  /** An error, in the stream or reading it. */
  override error(error: ProviderError | ResponseParseError): void {
    this.events.push({ type: "error", error });
  }
  /** The events since the last call, in an array the caller owns. */
  override drain(): StreamEvent[] {
    const events = this.events;
    if (events.length === 0) return [];
    this.events = [];
    return events;
  }
}

/** The sink of every body's accumulator. */
export const SILENT: EventSink = new EventSink();

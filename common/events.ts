/**
 * Canonical stream events. `index` is the position of the block in the final
 * {@link ChatResponse.content}, the same for every provider.
 *
 * @module
 */

import type { ProviderError, ResponseParseError } from "./errors.ts";
import type { Citation, FinishReason, ImageBlock, ProviderBlock, Usage } from "./types.ts";
import type { JsonObject } from "./json_object.ts";

/** The stream began; the provider named its response id and model. */
export interface StartEvent {
  /** Discriminant. */
  type: "start";
  /** Provider response id, when given. */
  id?: string;
  /** Model that answers. */
  model: string;
}

/** More answer text for block `index`. */
export interface TextDeltaEvent {
  /** Discriminant. */
  type: "text_delta";
  /** Block position. */
  index: number;
  /** The new text. */
  text: string;
}

/** More reasoning text for block `index`. */
export interface ThinkingDeltaEvent {
  /** Discriminant. */
  type: "thinking_delta";
  /** Block position. */
  index: number;
  /** The new text. */
  text: string;
}

/** The opaque signature of block `index` (Anthropic thinking, Gemini thought signatures). */
export interface SignatureEvent {
  /** Discriminant. */
  type: "signature";
  /** Block position. */
  index: number;
  /** The signature, to replay unchanged. */
  signature: string;
}

/** A redacted thinking block arrived whole. */
export interface RedactedThinkingEvent {
  /** Discriminant. */
  type: "redacted_thinking";
  /** Block position. */
  index: number;
  /** Opaque payload. */
  data: string;
}

/** A source cited by the text block at `index` (the block may still be growing). */
export interface CitationEvent {
  /** Discriminant. */
  type: "citation";
  /** Block position of the citing text. */
  index: number;
  /** The citation. */
  citation: Citation;
}

/** A generated image arrived whole (Gemini image output). */
export interface ImageEvent {
  /** Discriminant. */
  type: "image";
  /** Block position. */
  index: number;
  /** The image block. */
  image: ImageBlock;
}

/**
 * A block the canonical model has no type for (provider-run tools and their results) is
 * complete.
 */
export interface ProviderBlockEvent {
  /** Discriminant. */
  type: "provider_block";
  /** Block position. */
  index: number;
  /** The block, as it will stand in the response. */
  block: ProviderBlock;
}

/** A tool call began. */
export interface ToolCallStartEvent {
  /** Discriminant. */
  type: "tool_call_start";
  /** Block position. */
  index: number;
  /** Call id (generated for Google). */
  id: string;
  /** Tool name. */
  name: string;
}

/** More argument JSON text for the tool call at `index`. */
export interface ToolCallDeltaEvent {
  /** Discriminant. */
  type: "tool_call_delta";
  /** Block position. */
  index: number;
  /** The new fragment of JSON text. */
  argumentsDelta: string;
}

/** A tool call is complete: its arguments were parsed once, at the block's end. */
export interface ToolCallEndEvent {
  /** Discriminant. */
  type: "tool_call_end";
  /** Block position. */
  index: number;
  /** Call id. */
  id: string;
  /** Tool name. */
  name: string;
  /** The parsed arguments. */
  arguments: JsonObject;
}

/** Token usage so far (the last one is final). */
export interface UsageEvent {
  /** Discriminant. */
  type: "usage";
  /** Usage in canonical form. */
  usage: Usage;
}

/** Generation stopped. */
export interface FinishEvent {
  /** Discriminant. */
  type: "finish";
  /** Canonical reason. */
  finishReason: FinishReason;
  /** The provider's own reason. */
  rawFinishReason?: string;
}

/** The provider reported an error in the stream, or an event could not be read. */
export interface StreamErrorEvent {
  /** Discriminant. */
  type: "error";
  /** The error; `end()` throws the first one. */
  error: ProviderError | ResponseParseError;
}

/** Every canonical stream event, discriminated on `type`. */
export type StreamEvent =
  | StartEvent
  | TextDeltaEvent
  | ThinkingDeltaEvent
  | SignatureEvent
  | RedactedThinkingEvent
  | CitationEvent
  | ImageEvent
  | ProviderBlockEvent
  | ToolCallStartEvent
  | ToolCallDeltaEvent
  | ToolCallEndEvent
  | UsageEvent
  | FinishEvent
  | StreamErrorEvent;

/**
 * One error hierarchy. Each class carries a string literal to switch on and the provider and
 * field path it concerns. `isInstance` works across two loaded copies of the package (JSR and
 * npm), where `instanceof` does not.
 *
 * @module
 */

import type { ChatResponse } from "./types.ts";

const MARKER: unique symbol = Symbol.for("@rosetta/llm/error");

/** Options shared by every rosetta error. */
export interface RosettaErrorOptions {
  /** The provider concerned, if any. */
  provider?: string;
  /** Field path in the request, body or event, e.g. `messages[2].content[0]`. */
  path?: string;
  /** The underlying error. */
  cause?: unknown;
  /** The response accumulated before the failure (streams), so nothing is lost. */
  partial?: ChatResponse;
}

/**
 * Root of every error rosetta throws.
 *
 * @example Recognise a rosetta error
 * ```ts
 * import { RosettaError, ValidationError } from "@rosetta/llm";
 * import assert from "node:assert/strict";
 * assert.ok(RosettaError.isInstance(new ValidationError("Cannot serialize request: no messages")));
 * ```
 */
export class RosettaError extends Error {
  /** The provider concerned, if any. */
  readonly provider?: string;
  /** Field path the error concerns, if any. */
  readonly path?: string;
  /** When the error ended a stream: what was accumulated before it. */
  partial?: ChatResponse;

  /**
   * @param message What failed, then a colon and the detail.
   * @param options Provider, path and cause.
   */
  constructor(message: string, options: RosettaErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    // A registry-wide symbol, not a class identity: survives two loaded copies of the package.
    Object.defineProperty(this, MARKER, { value: true });
    this.name = "RosettaError";
    this.provider = options.provider;
    this.path = options.path;
    this.partial = options.partial;
  }

  /**
   * Whether `value` is a rosetta error, from any loaded copy of the package.
   *
   * @param value Anything caught.
   * @returns True for rosetta errors.
   */
  static isInstance(value: unknown): value is RosettaError {
    return typeof value === "object" && value !== null && (value as never)[MARKER] === true;
  }
}

/**
 * Input refused before anything was sent: a request a provider cannot take, a client or tool
 * option out of range, a tool schema that cannot be sent, a stream used twice. `path` names the
 * field (`temperature`, `tools[0].name`, `apiKey`, `concurrency`).
 *
 * @example
 * ```ts
 * import { openai, ValidationError } from "@rosetta/llm";
 * import assert from "node:assert/strict";
 * assert.throws(
 *   () => openai.serializeRequest({ model: "gpt-4o", messages: [] }),
 *   ValidationError,
 * );
 * ```
 */
export class ValidationError extends RosettaError {
  /** Discriminant to switch on. */
  readonly type: "validation" = "validation";

  /**
   * @param message What was refused and why.
   * @param options Provider and request path.
   */
  constructor(message: string, options: RosettaErrorOptions = {}) {
    super(message, options);
    this.name = "ValidationError";
  }

  /** @inheritdoc */
  static override isInstance(value: unknown): value is ValidationError {
    return RosettaError.isInstance(value) && value.name === "ValidationError";
  }
}

/**
 * What made a provider body or event unreadable. `invalid_frame` is a binary stream frame
 * (Bedrock's AWS event stream) whose CRC, lengths or headers are wrong.
 */
export type ResponseParseErrorType =
  | "invalid_json"
  | "invalid_field"
  | "invalid_frame"
  | "invalid_tool_arguments"
  | "truncated_stream"
  | "event_too_large";

/** Options of {@link ResponseParseError}. */
export interface ResponseParseErrorOptions extends RosettaErrorOptions {
  /** The offending text (an event's data, a tool call's argument text), kept whole. */
  raw?: string;
}

/**
 * A provider body or stream event that cannot be read as the documented format.
 *
 * @example
 * ```ts
 * import { anthropic, ResponseParseError } from "@rosetta/llm";
 * import assert from "node:assert/strict";
 * assert.throws(() => anthropic.parseResponse("{"), (e) => ResponseParseError.isInstance(e) && e.type === "invalid_json");
 * ```
 */
export class ResponseParseError extends RosettaError {
  /** What went wrong, to switch on. */
  readonly type: ResponseParseErrorType;
  /** The offending text, when there is one. */
  readonly raw?: string;

  /**
   * @param type What went wrong.
   * @param message Human-readable detail.
   * @param options Provider, path, raw text, partial response and cause.
   */
  constructor(
    type: ResponseParseErrorType,
    message: string,
    options: ResponseParseErrorOptions = {},
  ) {
    super(message, options);
    this.name = "ResponseParseError";
    this.type = type;
    this.raw = options.raw;
  }

  /** @inheritdoc */
  static override isInstance(value: unknown): value is ResponseParseError {
    return RosettaError.isInstance(value) && value.name === "ResponseParseError";
  }
}

/** Why a stream of JSON text could not be read. */
export type PartialJsonErrorType = "invalid_json" | "too_deep";

/** Options of {@link PartialJsonError}. */
export interface PartialJsonErrorOptions extends RosettaErrorOptions {
  /** Where the text went wrong, in UTF-16 code units from its start. */
  position: number;
  /** The value read before that point (a snapshot, as {@link PartialJsonError.value}). */
  value?: unknown;
}

/**
 * JSON text read as it streams that is not JSON, or nests deeper than the reader's cap.
 * `position` is the offset of the offending character (UTF-16 code units, as `JSON.parse`
 * counts); `value` is what had been read before it, so nothing already shown is lost.
 *
 * @example Recognise the error and where the text went wrong
 * ```ts
 * import { PartialJsonError, PartialJsonReader } from "@rosetta/llm";
 * import assert from "node:assert/strict";
 * const reader = new PartialJsonReader();
 * assert.throws(() => reader.push('{"a":[1,}'), (e) => PartialJsonError.isInstance(e) && e.position === 8);
 * ```
 */
export class PartialJsonError extends RosettaError {
  /** What went wrong, to switch on. */
  readonly type: PartialJsonErrorType;
  /** Offset of the offending character in the text (UTF-16 code units). */
  readonly position: number;
  /** The partial value read before the error. */
  readonly value: unknown;

  /**
   * @param type What went wrong.
   * @param message Human-readable detail.
   * @param options Position, value read so far, provider and path.
   */
  constructor(type: PartialJsonErrorType, message: string, options: PartialJsonErrorOptions) {
    super(message, options);
    this.name = "PartialJsonError";
    this.type = type;
    this.position = options.position;
    this.value = options.value;
  }

  /** @inheritdoc */
  static override isInstance(value: unknown): value is PartialJsonError {
    return RosettaError.isInstance(value) && value.name === "PartialJsonError";
  }
}

/** What kind of failure a provider reported. */
export type ErrorCategory =
  | "auth"
  | "rate_limit"
  | "invalid_request"
  | "not_found"
  | "server"
  | "timeout"
  | "content_filter"
  | "network"
  | "unknown";

/** Options of {@link ProviderError}. */
export interface ProviderErrorOptions extends RosettaErrorOptions {
  /** HTTP status; absent for in-stream errors without one. */
  status?: number;
  /** The provider's own code, e.g. `overloaded_error`, `rate_limit_exceeded`, `RESOURCE_EXHAUSTED`. */
  code?: string;
  /** How long the provider asks to wait before retrying. */
  retryAfterMs?: number;
  /** Requests a client made before giving up with this error. */
  attempts?: number;
}

/**
 * A failure the provider reported, over HTTP or inside a stream.
 *
 * @example
 * ```ts
 * import { anthropic } from "@rosetta/llm";
 * import assert from "node:assert/strict";
 * const error = anthropic.errorFromResponse(529, '{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}');
 * assert.equal(error.category, "server");
 * ```
 */
export class ProviderError extends RosettaError {
  /** Canonical category, to switch on. */
  readonly category: ErrorCategory;
  /** HTTP status, when there is one. */
  readonly status?: number;
  /** The provider's own error code or type. */
  readonly code?: string;
  /** Milliseconds the provider asks to wait before retrying. */
  readonly retryAfterMs?: number;
  /** Requests the client made, retries included, before giving up with this error. */
  attempts?: number;

  /**
   * @param category Canonical category.
   * @param message The provider's message.
   * @param options Provider, status, code, retry-after, attempts and cause.
   */
  constructor(category: ErrorCategory, message: string, options: ProviderErrorOptions = {}) {
    super(message, options);
    this.name = "ProviderError";
    this.category = category;
    this.status = options.status;
    this.code = options.code;
    this.retryAfterMs = options.retryAfterMs;
    this.attempts = options.attempts;
  }

  /** @inheritdoc */
  static override isInstance(value: unknown): value is ProviderError {
    return RosettaError.isInstance(value) && value.name === "ProviderError";
  }
}

/** Why a structured answer could not be read. */
export type StructuredOutputErrorType =
  | "refusal"
  | "no_output"
  | "invalid_json"
  | "schema_mismatch";

/** One way the answer misses the schema. */
export interface OutputIssue {
  /** Where in the answer, e.g. `$.items[2].name`; `$` is the whole value. */
  path: string;
  /** What is wrong there. */
  message: string;
}

/** Options of {@link StructuredOutputError}. */
export interface StructuredOutputErrorOptions extends RosettaErrorOptions {
  /** The model's text (or tool arguments as JSON), kept whole. */
  raw?: string;
  /** Every mismatch, for `schema_mismatch`. */
  issues?: OutputIssue[];
}

/**
 * A model answer that is not the structured output asked for: a refusal, no answer, text that is
 * not JSON (often cut short by the token limit), or JSON that does not match the schema. `path`
 * names the first mismatch.
 *
 * @example Recognise the error and its path
 * ```ts
 * import { StructuredOutputError } from "@rosetta/llm";
 * import assert from "node:assert/strict";
 * const error = new StructuredOutputError("schema_mismatch", "Cannot read output: $.age expected number", { path: "$.age" });
 * assert.ok(StructuredOutputError.isInstance(error) && error.path === "$.age");
 * ```
 */
export class StructuredOutputError extends RosettaError {
  /** What went wrong, to switch on. */
  readonly type: StructuredOutputErrorType;
  /** The text that was read, when there was one. */
  readonly raw?: string;
  /** Every mismatch, for `schema_mismatch`. */
  readonly issues?: OutputIssue[];

  /**
   * @param type What went wrong.
   * @param message Human-readable detail.
   * @param options Path of the first mismatch, raw text, issues and cause.
   */
  constructor(
    type: StructuredOutputErrorType,
    message: string,
    options: StructuredOutputErrorOptions = {},
  ) {
    super(message, options);
    this.name = "StructuredOutputError";
    this.type = type;
    this.raw = options.raw;
    this.issues = options.issues;
  }

  /** @inheritdoc */
  static override isInstance(value: unknown): value is StructuredOutputError {
    return RosettaError.isInstance(value) && value.name === "StructuredOutputError";
  }
}

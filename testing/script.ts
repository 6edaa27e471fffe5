/**
 * Scripted replies for the mock provider server: what the model "says" (text, thinking, tool
 * calls, usage), written once and rendered in each provider's wire format, plus the faults to
 * inject while sending it.
 *
 * @module
 */

import type { JsonObject } from "../common/json_object.ts";
import type { ProviderName } from "../providers/mod.ts";

/** A block of a scripted reply. */
export type MockBlock =
  | { type: "text"; text: string }
  | { type: "thinking"; text: string; signature: string }
  | { type: "tool_call"; id?: string; name: string; arguments: JsonObject };

/** Token counts of a scripted reply. */
export interface MockUsage {
  /** Prompt tokens. */
  inputTokens: number;
  /**
   * Answer tokens, thinking excluded: a client reads `Usage.outputTokens` as this plus
   * `thinkingTokens` on every dialect (both are billed as output).
   */
  outputTokens: number;
  /** Thinking tokens (providers that report them separately get them apart). */
  thinkingTokens: number;
}

/** What can go wrong while the mock answers. */
export interface MockFaults {
  /** Answer with this HTTP error status and the provider's error body instead. */
  status?: number;
  /** The error's message. */
  message?: string;
  /**
   * A retry delay, the provider's way: `retry-after` and `retry-after-ms` headers (Anthropic,
   * OpenAI) or a `RetryInfo` detail (Gemini).
   */
  retryAfterMs?: number;
  /** Extra response headers, e.g. `{ "retry-after": "Wed, 21 Oct 2026 07:28:00 GMT" }`. */
  headers?: Record<string, string>;
  /** Wait this long before the status line. */
  firstByteDelayMs?: number;
  /** Cut the connection after this many SSE events (a whole body: after this many bytes). */
  disconnectAfter?: number;
  /** Pause for {@link MockFaults.stallMs} after this many events (a whole body: bytes). */
  stallAfter?: number;
  /** How long the pause lasts. */
  stallMs?: number;
  /** Replace the data of event number N (from 0) with text that is not JSON. */
  malformedAt?: number;
  /**
   * Send the provider's in-stream error in place of event number N, and end the stream there
   * (Anthropic's `error` event, Bedrock's exception frame; other dialects send event N as usual).
   */
  streamErrorAt?: number;
  /** End the stream cleanly halfway through event number N's bytes (a frame cut short). */
  cutInsideEvent?: number;
  /**
   * Flip the last payload byte of frame number N, so that its CRC no longer matches (event-stream
   * dialects: Bedrock; SSE streams are sent unchanged).
   */
  corruptFrameAt?: number;
  /** Send the body in random splits of 1–64 bytes, each in its own write, from this seed. */
  dripSeed?: number;
}

/** One scripted answer. */
export interface MockReply extends MockFaults {
  /** The content, in order. */
  content: MockBlock[];
  /** Token counts. */
  usage: MockUsage;
  /**
   * Why generation stopped.
   * @default "tool_use" when the content has a tool call, else "stop"
   */
  finishReason?: "stop" | "length" | "tool_use";
}

/** A host family the mock speaks besides the providers: OpenAI-compatible hosts and Vertex AI. */
export type MockHostName = "deepseek" | "mistral" | "azure" | "vertex-google" | "vertex-anthropic";

/** A request as the mock server saw it. */
export interface RecordedRequest {
  /** The API it was addressed to: a provider, or a host family. */
  provider: ProviderName | MockHostName;
  /** Path and query. */
  path: string;
  /** The model named in the body or path. */
  model: string;
  /** Whether a stream was asked for. */
  stream: boolean;
  /** Headers, the API key replaced by `[redacted]`. */
  headers: Record<string, string>;
  /** The parsed JSON body. */
  body: JsonObject;
}

/** Replies in order (the last one repeats), one reply for all, or a function of the request. */
export type MockScript = MockReply | MockReply[] | ((request: RecordedRequest) => MockReply);

/**
 * A text block.
 *
 * @param text The text; streams send it a word at a time.
 * @returns The block.
 *
 * @example A text block
 * ```ts
 * import { text } from "@rosetta/llm/testing";
 * import assert from "node:assert/strict";
 * assert.deepEqual(text("Hi"), { type: "text", text: "Hi" });
 * ```
 */
export function text(text: string): MockBlock {
  return { type: "text", text };
}

/**
 * A thinking block (OpenAI's Chat Completions sends no reasoning text: only its tokens count).
 *
 * @param text The reasoning.
 * @param signature The opaque signature to replay.
 * @returns The block.
 *
 * @example A thinking block with its signature
 * ```ts
 * import { thinking } from "@rosetta/llm/testing";
 * import assert from "node:assert/strict";
 * assert.deepEqual(thinking("Hmm.", "sig"), { type: "thinking", text: "Hmm.", signature: "sig" });
 * ```
 */
export function thinking(text: string, signature = "mock-signature"): MockBlock {
  return { type: "thinking", text, signature };
}

/**
 * A tool call.
 *
 * @param name Tool name.
 * @param args Arguments.
 * @param id Call id; the mock makes one where the provider has ids (Gemini has none).
 * @returns The block.
 *
 * @example A tool call
 * ```ts
 * import { toolCall } from "@rosetta/llm/testing";
 * import assert from "node:assert/strict";
 * assert.deepEqual(toolCall("add", { a: 1 }), { type: "tool_call", name: "add", arguments: { a: 1 } });
 * ```
 */
export function toolCall(name: string, args: JsonObject, id?: string): MockBlock {
  return id === undefined
    ? { type: "tool_call", name, arguments: args }
    : { type: "tool_call", id, name, arguments: args };
}

/**
 * Token counts.
 *
 * @param inputTokens Prompt tokens.
 * @param outputTokens Answer tokens, thinking excluded (read back as `outputTokens +
 * thinkingTokens`).
 * @param thinkingTokens Thinking tokens.
 * @returns The usage.
 *
 * @example Usage with thinking tokens
 * ```ts
 * import { usage } from "@rosetta/llm/testing";
 * import assert from "node:assert/strict";
 * assert.deepEqual(usage(10, 5, 3), { inputTokens: 10, outputTokens: 5, thinkingTokens: 3 });
 * ```
 */
export function usage(inputTokens: number, outputTokens: number, thinkingTokens = 0): MockUsage {
  return { inputTokens, outputTokens, thinkingTokens };
}

/**
 * A reply made of blocks and, optionally, usage (default 10 in, 20 out).
 *
 * @param parts Blocks in order, and a {@link usage}.
 * @returns The reply.
 *
 * @example A text, a tool call and usage
 * ```ts
 * import { reply, text, toolCall, usage } from "@rosetta/llm/testing";
 * import assert from "node:assert/strict";
 * const answer = reply(text("Checking."), toolCall("get_weather", { city: "Paris" }), usage(12, 8));
 * assert.equal(answer.content.length, 2);
 * assert.equal(answer.usage.outputTokens, 8);
 * ```
 */
export function reply(...parts: Array<MockBlock | MockUsage>): MockReply {
  const content: MockBlock[] = [];
  let counts = usage(10, 20);
  for (const part of parts) {
    if ("type" in part) content.push(part);
    else counts = part;
  }
  return { content, usage: counts };
}

/**
 * An HTTP error reply with the provider's error body.
 *
 * @param status e.g. 429, 500, 529.
 * @param faults The message, a retry delay, extra headers.
 * @returns The reply.
 *
 * @example Anthropic's overloaded error
 * ```ts
 * import { failure } from "@rosetta/llm/testing";
 * import assert from "node:assert/strict";
 * assert.equal(failure(529, { message: "Overloaded" }).status, 529);
 * ```
 */
export function failure(
  status: number,
  faults: Pick<MockFaults, "message" | "retryAfterMs" | "headers"> = {},
): MockReply {
  return { ...reply(), ...faults, status };
}

/**
 * The finish reason a reply ends with.
 *
 * @param answer The reply.
 * @returns Its explicit reason, else tool_use when it calls a tool, else stop.
 */
export function finishOf(answer: MockReply): "stop" | "length" | "tool_use" {
  return answer.finishReason ??
    (answer.content.some((block) => block.type === "tool_call") ? "tool_use" : "stop");
}

/**
 * Cuts text into word-sized pieces, as streams send it.
 *
 * @param value The text.
 * @returns Pieces that join back into it.
 */
export function pieces(value: string): string[] {
  return value.match(/\s*\S+\s*/g) ?? [value];
}

/**
 * What a client reports to its `onEvent` hook, for logging and tracing. Headers are redacted and
 * errors scrubbed of the API key before a hook sees them.
 *
 * @module
 */

import type { ProviderError } from "../common/errors.ts";
import type { ChatRequest, ChatResponse } from "../common/types.ts";

/** Fields every event has. */
export interface ClientEventBase {
  /** Which call of the process this is (1, 2, …), to tie events of concurrent calls together. */
  call: number;
  /** The provider called. */
  provider: string;
  /** Milliseconds since the call began (queueing included). */
  elapsedMs: number;
}

/** An attempt's request was sent. */
export interface RequestSentEvent extends ClientEventBase {
  /** Discriminant. */
  type: "request";
  /** 1 for the first attempt. */
  attempt: number;
  /** What the call does: a chat (`complete`, `stream`) or a token count (`countTokens`). */
  operation: "chat" | "count_tokens";
  /** The canonical request the call sends (its `model` the one asked for). */
  request: ChatRequest;
  /** Always POST for chat. */
  method: "POST";
  /** The URL. */
  url: string;
  /** The request headers, credentials replaced by `[redacted]`. */
  headers: Record<string, string>;
  /** Whether a streamed response was asked for. */
  stream: boolean;
}

/** An attempt's response status and headers arrived: its first byte. */
export interface ResponseEvent extends ClientEventBase {
  /** Discriminant. */
  type: "response";
  /** 1 for the first attempt. */
  attempt: number;
  /** HTTP status. */
  status: number;
}

/** An attempt failed and the next one is scheduled. */
export interface RetryEvent extends ClientEventBase {
  /** Discriminant. */
  type: "retry";
  /** The attempt that failed. */
  attempt: number;
  /** How long the client waits before the next attempt. */
  delayMs: number;
  /** Why the attempt failed. */
  error: ProviderError;
}

/** The call ended: a response, an error, or a stream the caller stopped reading. */
export interface DoneEvent extends ClientEventBase {
  /** Discriminant. */
  type: "done";
  /** Requests made. */
  attempts: number;
  /** What the caller received instead of a response, if anything. */
  error?: unknown;
  /** The response, for a chat call that produced one (a stream: read to its end). */
  response?: ChatResponse;
}

/** Every client event, discriminated on `type`. */
export type ClientEvent = RequestSentEvent | ResponseEvent | RetryEvent | DoneEvent;

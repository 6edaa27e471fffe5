/**
 * What the mock server needs from each provider's API: where it lives, how it authenticates,
 * and how a scripted reply looks on its wire — whole, as SSE events, and as an error.
 *
 * @module
 */

import type { JsonObject } from "../../common/json_object.ts";
import type { MockReply } from "../script.ts";

/** One stream event: its name, if the API uses names, and its data. */
export interface MockEvent {
  /** The `event:` field (an event-stream frame's `:event-type`). */
  event?: string;
  /** The `data:` field (an event-stream frame's payload). */
  data: string;
  /** An event-stream frame's headers, when they are not an event's usual ones (an exception). */
  headers?: Record<string, string>;
}

/** An error response: body and headers. */
export interface MockError {
  /** The provider's error JSON. */
  body: JsonObject;
  /** Headers such as `retry-after`. */
  headers: Record<string, string>;
}

/** Where a request goes, read from its URL and body. */
export interface MockTarget {
  /** The model. */
  model: string;
  /** Whether the client asked for a stream. */
  stream: boolean;
}

/** An API's token-count endpoint: its route and its answer. */
export interface MockCountTokens {
  /** The endpoint as a hono route, matched before the chat route. */
  route: string;
  /**
   * The answer carrying a count (the scripted reply's `usage.inputTokens`).
   * @param tokens The count.
   */
  response(tokens: number): JsonObject;
  /** What the count body must have, where it differs from the chat body's rule. */
  refuse?(body: JsonObject): string | undefined;
  /** The model counted for, where the URL does not name it as the chat route's does. */
  target?(url: URL, body: JsonObject): MockTarget;
}

/** One provider's API, as the mock server speaks it. */
export interface MockDialect {
  /** The API root below the origin, the `baseUrl` a client needs (e.g. `/v1`). */
  basePath: string;
  /** The chat endpoint as a hono route. */
  route: string;
  /** The header that carries the API key (redacted in recordings). */
  keyHeader: string;
  /**
   * How streams are framed.
   * @default "sse"
   */
  streamFormat?: "sse" | "aws-event-stream";
  /**
   * The key the request presents, or undefined when the API's auth headers are missing.
   * @param request The request.
   */
  credential(request: Request): string | undefined;
  /**
   * Model and streaming, from URL and body.
   * @param url The request URL.
   * @param body The parsed body.
   */
  target(url: URL, body: JsonObject): MockTarget;
  /**
   * The whole JSON response.
   * @param reply What to say.
   * @param model The model to name.
   * @param id A response id unique in the server.
   */
  response(reply: MockReply, model: string, id: string): JsonObject;
  /**
   * The SSE events of the streamed response, terminal event included.
   * @param reply What to say.
   * @param model The model to name.
   * @param id A response id unique in the server.
   */
  events(reply: MockReply, model: string, id: string): MockEvent[];
  /**
   * The in-stream error event, for a stream that fails after it began.
   * @param message The message.
   */
  streamError?(message: string): MockEvent;
  /**
   * Why the API refuses a body it would answer 422, if it refuses fields it does not document.
   * @param body The parsed body.
   */
  refuse?(body: JsonObject): string | undefined;
  /** The token-count endpoint, for an API that has one. */
  countTokens?: MockCountTokens;
  /**
   * An error response.
   * @param status HTTP status.
   * @param message The message.
   * @param retryAfterMs A retry delay to express the API's way.
   */
  error(status: number, message: string, retryAfterMs?: number): MockError;
}

/**
 * `retry-after` (whole seconds, rounded up) and `retry-after-ms`, as Anthropic and OpenAI send.
 *
 * @param retryAfterMs The delay, if any.
 * @returns The headers.
 */
export function retryHeaders(retryAfterMs: number | undefined): Record<string, string> {
  if (retryAfterMs === undefined) return {};
  return {
    "retry-after": String(Math.ceil(retryAfterMs / 1000)),
    "retry-after-ms": String(retryAfterMs),
  };
}

/**
 * Cuts a tool call's argument JSON into three fragments, as streams send it.
 *
 * @param json The JSON text.
 * @returns Fragments that join back into it.
 */
export function fragments(json: string): string[] {
  const third = Math.ceil(json.length / 3);
  return [json.slice(0, third), json.slice(third, 2 * third), json.slice(2 * third)];
}

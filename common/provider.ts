/**
 * The provider interface: one plain object per provider, implementing the same methods.
 * Common code never branches on a provider's name; it calls through this interface.
 *
 * @module
 */

import type { ProviderError } from "./errors.ts";
import type { IdGenerator } from "./ids.ts";
import type { StreamEvent } from "./events.ts";
import type { Cost, ModelPricing } from "./pricing.ts";
import type { ChatRequest, ChatResponse, Warning } from "./types.ts";

/** Options of a provider's `createStreamDecoder`. */
export interface StreamDecoderOptions {
  /**
   * Makes tool-call ids where the provider sends none (Google).
   * @default randomId
   */
  generateId?: IdGenerator;
  /**
   * Largest SSE event or line, in characters (an AWS event-stream frame, in bytes), before
   * `event_too_large`.
   * @default 16777216
   */
  maxEventSize?: number;
  /**
   * The model asked for, for a dialect whose stream does not name it (Bedrock Converse): it
   * becomes the response's `model`. A client passes the request's.
   */
  model?: string;
}

/** Bytes or text in, canonical events out; `end()` gives the accumulated response. */
export interface StreamDecoder {
  /** The provider whose stream this decodes. */
  readonly provider: string;
  /** Feeds a chunk, split anywhere; returns the events it completed (possibly none). */
  push(chunk: Uint8Array | string): StreamEvent[];
  /**
   * Ends the input and returns the final response.
   * @throws The first in-stream error, an unreadable event, bad tool arguments, or a stream cut
   * before its terminal event — each with `partial`, the response accumulated so far.
   */
  end(): ChatResponse;
}

/** Options of {@link Provider.serializeRequest}. */
export interface SerializeOptions {
  /**
   * Serialize for a streamed response (`stream: true` and the like).
   * @default false
   */
  stream?: boolean;
  /** Receives lossy-but-legal conversions (e.g. a signature dropped for another provider). */
  warnings?: Warning[];
}

/** Options of {@link Provider.buildHttpRequest}. */
export interface HttpRequestOptions extends SerializeOptions {
  /** The API key. */
  apiKey: string;
  /**
   * API root including its version segment, for proxies and compatible servers.
   * @default the provider's public endpoint
   */
  baseUrl?: string;
}

/** Everything needed to call `fetch`: web-standard, no client library. */
export interface HttpRequest {
  /** Absolute URL. */
  url: string;
  /** Always POST for chat. */
  method: "POST";
  /** Auth, version and content-type headers. */
  headers: Record<string, string>;
  /** The serialized body. */
  body: string;
}

/** Options of {@link Provider.parseResponse}. */
export interface ParseOptions {
  /**
   * Makes tool-call ids where the provider sends none (Google).
   * @default randomId
   */
  generateId?: IdGenerator;
  /**
   * The model asked for, for a dialect whose body does not name it (Bedrock Converse): it
   * becomes the response's `model`. A client passes the request's.
   */
  model?: string;
}

/** What tests, benchmarks and examples need to know about a provider, kept in its folder. */
export interface ProviderProfile {
  /** Display name, e.g. `Anthropic`. */
  readonly label: string;
  /** A model id per purpose. */
  readonly models: {
    /** A general chat model with tool use. */
    readonly chat: string;
    /** A model that takes every thinking level. */
    readonly thinking: string;
  };
  /**
   * The environment variables a client reads the API key from when none is given, in order of
   * precedence (those the provider's official SDK reads).
   */
  readonly apiKeyEnv?: readonly string[];
  /** Whether the server needs no key (a local one): a client made without a key sends none. */
  readonly keyless?: boolean;
  /**
   * How a stream is framed: server-sent events, or AWS's binary event stream (Bedrock).
   * @default "sse"
   */
  readonly streamFormat?: "sse" | "aws-event-stream";
}

/**
 * One provider's dialect: serialize, parse and map errors. Every registered provider is one
 * (`getProvider(name)` returns `Provider<ProviderName>`); a provider defined outside this package
 * names itself with `Name`.
 *
 * @typeParam Name The provider's name, e.g. `"anthropic"`.
 */
export interface Provider<Name extends string = string> {
  /** The provider's name, as the registry and every error and response spell it. */
  readonly name: Name;
  /** Display name, chart colour and model ids. */
  readonly profile: ProviderProfile;
  /** Canonical request → wire JSON body. Throws {@link ValidationError} on bad input. */
  serializeRequest(request: ChatRequest, options?: SerializeOptions): string;
  /** Canonical request → URL, headers and body for `fetch`. */
  buildHttpRequest(request: ChatRequest, options: HttpRequestOptions): HttpRequest;
  /** Wire JSON body → canonical response. Throws {@link ResponseParseError} on bad input. */
  parseResponse(body: string, options?: ParseOptions): ChatResponse;
  /** HTTP failure (status, body, headers) → canonical error (never throws). */
  errorFromResponse(status: number, body: string, headers?: Headers): ProviderError;
  /** A fresh decoder for one streamed response (SSE bytes → canonical events). */
  createStreamDecoder(options?: StreamDecoderOptions): StreamDecoder;
  /**
   * Completes a built request with credentials that are asynchronous (a cloud's access token, a
   * request signature), before each attempt. A client awaits it; without a client, call it
   * yourself before `fetch`. A provider whose key is a header it writes itself has none.
   */
  authorize?(http: HttpRequest, signal: AbortSignal): Promise<HttpRequest>;
  /**
   * The price row of a model, citing its page and date; undefined for a model this provider
   * has no price for (a new or unlisted one). Optional: a provider without prices has none.
   */
  pricing?(model: string): ModelPricing | undefined;
  /**
   * What a response cost by this provider's prices; undefined (never 0) for an unpriced model.
   */
  costOf?(response: ChatResponse): Cost | undefined;
  /**
   * The request to the provider's own token-counting endpoint, made from the same serialized
   * body as the chat request (the fields the endpoint does not take left out). Optional: a
   * provider without such an endpoint has none, and a client estimates instead.
   */
  buildCountTokensRequest?(request: ChatRequest, options: HttpRequestOptions): HttpRequest;
  /**
   * The input token count in the counting endpoint's answer.
   * @throws {ResponseParseError} For a body without one.
   */
  parseCountTokensResponse?(body: string): number;
}

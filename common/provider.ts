/**
 * The provider interface: one plain object per provider, implementing the same methods.
 * Common code never branches on a provider's name; it calls through this interface.
 *
 * @module
 */

import type { ProviderError } from "./errors.ts";
import type { IdGenerator } from "./ids.ts";
import type { StreamDecoder, StreamDecoderOptions } from "./stream.ts";
import type { ChatRequest, ChatResponse, Warning } from "./types.ts";

/** Options of {@link ProviderDialect.serializeRequest}. */
export interface SerializeOptions {
  /**
   * Serialize for a streamed response (`stream: true` and the like).
   * @default false
   */
  stream?: boolean;
  /** Receives lossy-but-legal conversions (e.g. a signature dropped for another provider). */
  warnings?: Warning[];
}

/** Options of {@link ProviderDialect.buildHttpRequest}. */
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

/** Options of {@link ProviderDialect.parseResponse}. */
export interface ParseOptions {
  /**
   * Makes tool-call ids where the provider sends none (Google).
   * @default randomId
   */
  generateId?: IdGenerator;
}

/** What tests, benchmarks and reports need to know about a provider, kept in its folder. */
export interface ProviderProfile {
  /** Display name, e.g. `Anthropic`. */
  readonly label: string;
  /** Chart colour, a CSS hex colour such as `#c96442`. */
  readonly color: string;
  /** A model id per purpose. */
  readonly models: {
    /** A general chat model with tool use. */
    readonly chat: string;
    /** A model that takes every thinking level. */
    readonly thinking: string;
  };
}

/**
 * One provider's dialect: serialize, parse and map errors. The registry's `Provider` is this,
 * named like the registered providers.
 *
 * @typeParam Name The provider's name, e.g. `"anthropic"`.
 */
export interface ProviderDialect<Name extends string = string> {
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
}

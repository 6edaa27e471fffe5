/**
 * The request features beyond messages and tools, in provider-neutral form: structured output,
 * prompt caching, documents and provider-executed tools. Each provider maps them to its own wire
 * fields; what a provider has no place for is a {@link Warning}, or a {@link ValidationError}
 * when the answer would mean something else without it.
 *
 * @module
 */

import type { JsonObject } from "./json_object.ts";

/**
 * Structured output: the model answers with JSON matching `schema`. OpenAI `response_format`
 * (`json_schema`), Anthropic `output_config.format` (or a forced tool on models without it),
 * Gemini `responseMimeType` + `responseSchema`. {@link defineOutput} builds one from a zod schema,
 * and {@link parseOutput} reads the answer back as a typed value.
 */
export interface StructuredOutput {
  /** A name for the format: 1–64 letters, digits, `_` or `-` (OpenAI `json_schema.name`). */
  name: string;
  /** JSON Schema of the answer. */
  schema: JsonObject;
  /**
   * OpenAI `strict`: constrained decoding, which needs every property required and
   * `additionalProperties: false`. Anthropic and Gemini always constrain; they ignore it.
   * @default the provider's default (OpenAI: false)
   */
  strict?: boolean;
}

/** How long a cached prefix lives: Anthropic `ttl`. */
export type CacheTtl = "5m" | "1h";

/**
 * Where a cached prefix ends: after the tool definitions, after the system prompt, or after
 * message `n` (its index in `messages`).
 */
export type CacheBreakpoint = "tools" | "system" | number;

/**
 * Prompt caching. Setting it asks for caching: Anthropic caches the whole prompt (top-level
 * `cache_control`) or up to each breakpoint (`cache_control` on the block that ends there);
 * OpenAI and Gemini cache prefixes on their own, and OpenAI takes explicit breakpoints on
 * gpt-5.6 and later (`prompt_cache_breakpoint`). Gemini's explicit caches are named through
 * `providerOptions.google.cachedContent`.
 */
export interface PromptCache {
  /** Where cached prefixes end, at most 4 (the limit of Anthropic and OpenAI). */
  breakpoints?: CacheBreakpoint[];
  /**
   * How long the prefixes live (Anthropic only).
   * @default "5m"
   */
  ttl?: CacheTtl;
  /** Groups requests that share a prefix for cache routing: OpenAI `prompt_cache_key`. */
  key?: string;
}

/** Where a document comes from: inline base64, a URL, or a file uploaded to the provider. */
export type DocumentSource =
  | {
    /** Base64 data, no `data:` prefix. */
    data: string;
    /** IANA media type: `application/pdf` or `text/plain` (Gemini takes others too). */
    mediaType: string;
  }
  | {
    /** Where the provider fetches the document (Anthropic: PDFs; Gemini: any `mediaType`). */
    url: string;
    /** IANA media type; Google requires it. */
    mediaType?: string;
  }
  | {
    /**
     * A file uploaded to the provider's Files API: Anthropic and OpenAI file ids, Gemini the
     * file's `uri`.
     */
    fileId: string;
    /** IANA media type; Google requires it. */
    mediaType?: string;
  };

/**
 * A document the user sends: Anthropic `document` blocks, OpenAI `file` content parts (PDFs;
 * plain text is sent as text), Gemini `inlineData` / `fileData` parts.
 */
export type DocumentBlock = DocumentSource & {
  /** Discriminant. */
  type: "document";
  /** A name shown to the model: Anthropic `title`, OpenAI `filename`. */
  title?: string;
};

/** An approximate user location for web search. */
export interface UserLocation {
  /** City, e.g. `Paris`. */
  city?: string;
  /** Region, e.g. `Île-de-France`. */
  region?: string;
  /** Two-letter ISO country code, e.g. `FR`. */
  country?: string;
  /** IANA time zone, e.g. `Europe/Paris`. */
  timezone?: string;
}

/**
 * Web search run by the provider: Anthropic `web_search`, OpenAI `web_search_options` (search
 * models), Gemini `googleSearch`.
 */
export interface WebSearchTool {
  /** Discriminant. */
  type: "web_search";
  /** Most searches per request (Anthropic). */
  maxUses?: number;
  /** Only these domains (Anthropic). */
  allowedDomains?: string[];
  /** Never these domains (Anthropic). */
  blockedDomains?: string[];
  /** Where the user is, to rank results (Anthropic, OpenAI). */
  userLocation?: UserLocation;
}

/** Fetching pages the conversation names: Anthropic `web_fetch`, Gemini `urlContext`. */
export interface WebFetchTool {
  /** Discriminant. */
  type: "web_fetch";
  /** Most fetches per request (Anthropic). */
  maxUses?: number;
  /** Only these domains (Anthropic). */
  allowedDomains?: string[];
  /** Never these domains (Anthropic). */
  blockedDomains?: string[];
}

/** Code run by the provider in a sandbox: Anthropic `code_execution`, Gemini `codeExecution`. */
export interface CodeExecutionTool {
  /** Discriminant. */
  type: "code_execution";
}

/**
 * A tool the provider runs itself; its calls and results come back as `provider` blocks. A
 * provider without it refuses the request (the answer would not be the one asked for); an
 * option it has no field for is dropped with a warning.
 */
export type ProviderTool = WebSearchTool | WebFetchTool | CodeExecutionTool;

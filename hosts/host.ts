/**
 * A host: a server that speaks OpenAI's Chat Completions with its own URL, key, models and
 * quirks. A host is data over the dialect, not a copy of it: {@link openaiCompatible} turns that
 * data into a {@link Provider} whose serializer, reader and error mapping are the dialect's own,
 * told the host's name, capability rows and replay rule.
 *
 * @module
 */

import type { ModelFamily } from "../codec/models.ts";
import { modelTable } from "../codec/models.ts";
import { apiKeyOf, apiRoot } from "../codec/endpoint.ts";
import type {
  HttpRequest,
  HttpRequestOptions,
  Provider,
  SerializeOptions,
} from "../common/provider.ts";
import type { ChatRequest } from "../common/types.ts";
import type { ChatDialect, ReasoningReplay } from "../providers/openai/dialect.ts";
import { serializeChatRequest } from "../providers/openai/request.ts";
import { parseChatResponse } from "../providers/openai/response.ts";
import { createChatStreamDecoder } from "../providers/openai/stream.ts";
import { openAIHttpError } from "../providers/openai-shared/errors.ts";
import { OPENAI_LIMITS, type OpenAIModel } from "../providers/openai-shared/models.ts";
import type { RequestLimits } from "../codec/validate_tools.ts";
import { costFunction } from "../codec/cost.ts";
import type { ModelPricing } from "../common/pricing.ts";

/** What a model on an unknown host, or an unknown model on a known one, is taken to accept. */
export const PERMISSIVE: OpenAIModel = { reasoning: false, temperature: true, stop: true };

/** What describes an OpenAI-compatible server. */
export interface OpenAICompatibleOptions<Name extends string> {
  /** The provider's name: what errors, warnings and responses say, and its `providerOptions` key. */
  name: Name;
  /**
   * Display name.
   * @default name
   */
  label?: string;
  /** The API root including its version segment, e.g. `https://api.groq.com/openai/v1`. */
  baseUrl: string;
  /**
   * How the key is sent: `Authorization: Bearer <key>`, or an `api-key` header (Azure). A host
   * that needs no key (a local server) gets no header when the key is empty.
   * @default "bearer"
   */
  auth?: "bearer" | "api-key";
  /**
   * The environment variables users keep this host's key in, first found wins.
   * @default []
   */
  apiKeyEnv?: readonly string[];
  /** Whether the host needs no key (a local server). */
  keyless?: boolean;
  /**
   * Capability rows, first match wins; ids no row matches get {@link PERMISSIVE}. Or a lookup of
   * its own (Azure serves OpenAI's models under OpenAI's rules: `openAIModel`).
   * @default []
   */
  models?: ReadonlyArray<ModelFamily<OpenAIModel>> | ((model: string) => OpenAIModel);
  /**
   * Sampling ranges and the tool-name rule.
   * @default OpenAI's (temperature 0–2, names of 1–64 letters, digits, _ or -)
   */
  limits?: RequestLimits;
  /** Model ids the tests and the example use: a chat model and one that reasons. */
  examples: { chat: string; thinking: string };
  /** How reasoning goes back to the host; unset: it is not sent back. */
  reasoningReplay?: ReasoningReplay;
  /** The field `maxOutputTokens` goes in. @default "max_completion_tokens" */
  maxTokensField?: "max_tokens" | "max_completion_tokens";
  /** Whether streams ask for usage with `stream_options`. @default true */
  streamOptions?: boolean;
  /** Body fields the host names otherwise, e.g. `{ seed: "random_seed" }`. */
  renamedFields?: Readonly<Record<string, string>>;
  /** Body fields the host refuses, each with the request field that writes it. */
  refusedFields?: Readonly<Record<string, string>>;
  /**
   * The path after the API root, with any query (Azure's deployment URLs take `api-version`).
   * @default "/chat/completions"
   */
  chatPath?: string;
  /**
   * Price rows, first match wins, each citing the host's price page; a model no row matches is
   * unpriced (`costOf` gives undefined).
   * @default [] (every model unpriced)
   */
  pricing?: ReadonlyArray<ModelFamily<ModelPricing>>;
}

/** A provider made from a host's data, with the data it was made from. */
export interface HostProvider<Name extends string = string> extends Provider<Name> {
  /** The data the provider was made from. */
  readonly host: Readonly<OpenAICompatibleOptions<Name>>;
}

/**
 * A provider for any server that speaks Chat Completions: a host of the registry is one of
 * these, and so is a server the registry does not know (vLLM, a gateway, a proxy).
 *
 * @param options The server's URL, key, models and quirks.
 * @returns The provider.
 *
 * @example A local server, no key
 * ```ts
 * import { openaiCompatible } from "@rosetta/llm/hosts";
 * import assert from "node:assert/strict";
 * const local = openaiCompatible({
 *   name: "local",
 *   baseUrl: "http://127.0.0.1:8000/v1",
 *   keyless: true,
 *   examples: { chat: "qwen3-8b", thinking: "qwen3-8b" },
 * });
 * const http = local.buildHttpRequest(
 *   { model: "qwen3-8b", messages: [{ role: "user", content: "Hi" }] },
 *   { apiKey: "" },
 * );
 * assert.equal(http.url, "http://127.0.0.1:8000/v1/chat/completions");
 * assert.equal(http.headers.authorization, undefined);
 * ```
 */
export function openaiCompatible<const Name extends string>(
  options: OpenAICompatibleOptions<Name>,
): HostProvider<Name> {
  const name = options.name;
  const dialect: ChatDialect = {
    name,
    model: typeof options.models === "function"
      ? options.models
      : modelTable(options.models ?? [], PERMISSIVE),
    limits: options.limits ?? OPENAI_LIMITS,
    reasoningReplay: options.reasoningReplay,
    maxTokensField: options.maxTokensField,
    streamOptions: options.streamOptions,
    renamedFields: options.renamedFields,
    refusedFields: options.refusedFields,
  };
  const serializeRequest = (request: ChatRequest, serialize: SerializeOptions = {}) =>
    serializeChatRequest(dialect, request, serialize);
  const pricing = modelTable<ModelPricing | undefined>(options.pricing ?? [], undefined);
  function buildHttpRequest(request: ChatRequest, http: HttpRequestOptions): HttpRequest {
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (options.keyless !== true || (http.apiKey !== undefined && http.apiKey !== "")) {
      const apiKey = apiKeyOf(name, http);
      if (options.auth === "api-key") headers["api-key"] = apiKey;
      else headers.authorization = `Bearer ${apiKey}`;
    }
    const root = apiRoot(name, http.baseUrl, options.baseUrl);
    return {
      url: root + (options.chatPath ?? "/chat/completions"),
      method: "POST",
      headers,
      body: serializeRequest(request, http),
    };
  }
  return {
    name,
    host: options,
    profile: {
      label: options.label ?? name,
      models: options.examples,
      apiKeyEnv: options.apiKeyEnv ?? [],
      keyless: options.keyless === true,
    },
    serializeRequest,
    buildHttpRequest,
    parseResponse: (body) => parseChatResponse(name, body),
    errorFromResponse: (status, body, headers) => openAIHttpError(name, status, body, headers),
    createStreamDecoder: (decoder = {}) => createChatStreamDecoder(name, decoder),
    pricing,
    costOf: costFunction(pricing),
  };
}

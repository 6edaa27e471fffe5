/**
 * The HTTP client: sends a canonical request to any provider with `fetch` and gives back a
 * {@link ChatResponse} or an {@link EventStream}, with retries, timeouts, abort and a
 * concurrency cap. It speaks to the provider only through the {@link Provider} interface.
 *
 * @module
 */

import { Call, type CallSettings, type FetchFunction } from "./call.ts";
import type { ClientEvent } from "./events.ts";
import { ClientEventStream } from "./stream.ts";
import { ValidationError } from "../common/errors.ts";
import { describeValue } from "../codec/describe.ts";
import { isHttpUrl } from "../codec/endpoint.ts";
import { readApiKey } from "./env.ts";
import { Limiter } from "./limiter.ts";
import type { HttpRequest, Provider, SerializeOptions } from "../common/provider.ts";
import { type Sleep, sleep } from "./retry.ts";
import type { EventStream } from "../codec/event_stream.ts";
import type { ChatRequest, ChatResponse, Warning } from "../common/types.ts";
import { countTokens, type TokenCount } from "./count_tokens.ts";
export type { TokenCount } from "./count_tokens.ts";

/** Options of {@link createClient}. */
export interface ClientOptions<P extends Provider = Provider> {
  /** The provider to call, e.g. `anthropic` or `getProvider(name)`. */
  provider: P;
  /**
   * The API key; it never appears in an error or a hook event. When left out, the client reads
   * the provider's usual environment variable where the runtime has one (`ANTHROPIC_API_KEY`,
   * `OPENAI_API_KEY`, `GOOGLE_API_KEY` then `GEMINI_API_KEY`; `process.env`, or `Deno.env` when
   * permitted).
   * @default the provider's environment variable
   */
  apiKey?: string;
  /**
   * API root including its version segment: a proxy, an OpenAI-compatible server, a mock.
   * @default the provider's public endpoint
   */
  baseUrl?: string;
  /** Headers added to every request (over the provider's own). */
  headers?: Record<string, string>;
  /**
   * Sends the requests; it must honour `init.signal` as the standard one does.
   * @default globalThis.fetch
   */
  fetch?: FetchFunction;
  /**
   * Retries after a transient failure (rate limit, overload or 5xx, network error, a stream's
   * timeout before its response began); 0 for none.
   * @default 2
   */
  maxRetries?: number;
  /**
   * Limit on a whole call in ms: queueing, every attempt, the waits between them and reading the
   * body (a stream to its end). Infinity for none.
   * @default 600000
   */
  timeoutMs?: number;
  /**
   * Streams only: the longest wait in ms for the response headers and then for each chunk. A
   * stall ends the stream with a `timeout` {@link ProviderError} carrying the partial response.
   * @default no limit
   */
  idleTimeoutMs?: number;
  /**
   * Calls in flight at once (a stream counts until it ends); the rest wait in FIFO order.
   * @default Infinity
   */
  concurrency?: number;
  /** Hears every request, response, scheduled retry and end of call; credentials redacted. */
  onEvent?: (event: ClientEvent) => void;
  /**
   * The retry jitter: a number in [0, 1). Inject one for deterministic tests.
   * @default Math.random
   */
  random?: () => number;
  /**
   * Waits between attempts; it must reject with the signal's reason when the signal aborts.
   * @default a timer
   */
  sleep?: Sleep;
}

/** Options of one call. */
export interface CallOptions {
  /** Aborts the call at any point; the call rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Receives lossy-but-legal conversions made while serializing the request. */
  warnings?: Warning[];
}

/**
 * What a provider's serializer takes beyond the common options, passed through a call: the
 * Responses dialect's `store` and `previousResponseId`; nothing for the others.
 */
export type ProviderCallOptions<P extends Provider> = P extends {
  serializeRequest(request: ChatRequest, options?: infer Options): string;
} ? Omit<Options, keyof SerializeOptions>
  : Record<never, never>;

/** Sends canonical requests to one provider. */
export interface Client<P extends Provider = Provider> {
  /** The provider this client calls. */
  readonly provider: P;
  /**
   * Sends a request and parses the whole response.
   *
   * @param request The canonical request.
   * @param options Abort signal, warnings list, and the provider's own serializer options.
   * @returns The response.
   * @throws {ValidationError} Before sending, for a request the provider cannot take.
   * @throws {ProviderError} When the provider fails (after retries), with `attempts`.
   */
  complete(
    request: ChatRequest,
    options?: CallOptions & ProviderCallOptions<P>,
  ): Promise<ChatResponse>;
  /**
   * Sends a request for a streamed response; the request leaves at once. Iterate the stream, or
   * call `response()`; stopping early cancels the request.
   *
   * @param request The canonical request.
   * @param options Abort signal, warnings list, and the provider's own serializer options.
   * @returns The events and the final response.
   * @throws {ValidationError} At once, for a request the provider cannot take.
   */
  stream(request: ChatRequest, options?: CallOptions & ProviderCallOptions<P>): EventStream;
  /**
   * Counts a request's input tokens with the provider's own endpoint (Anthropic
   * `/v1/messages/count_tokens`, Gemini `:countTokens`, OpenAI `/v1/responses/input_tokens`),
   * with the client's retries and timeouts; a provider without one gets the offline estimate,
   * flagged `estimated`.
   *
   * @param request The canonical request.
   * @param options Abort signal, warnings list, and the provider's own serializer options.
   * @returns The count.
   * @throws {ValidationError} Before sending, for a request the provider cannot take.
   * @throws {ProviderError} When the provider fails (after retries).
   */
  countTokens(
    request: ChatRequest,
    options?: CallOptions & ProviderCallOptions<P>,
  ): Promise<TokenCount>;
}

function setting(
  options: ClientOptions<Provider>,
  field: "maxRetries" | "timeoutMs" | "idleTimeoutMs" | "concurrency",
  fallback: number,
  min: number,
): number {
  const value = options[field] ?? fallback;
  const whole = field === "maxRetries" || field === "concurrency";
  if (
    typeof value !== "number" || Number.isNaN(value) || value < min ||
    (whole && value !== Infinity && !Number.isInteger(value))
  ) {
    const what = whole ? `an integer of at least ${min}` : `a number of at least ${min}`;
    throw new ValidationError(
      `Cannot create ${options.provider.name} client: ${field} must be ${what}, got ${value}`,
      { provider: options.provider.name, path: field },
    );
  }
  return value;
}

function clientApiKey(provider: Provider, given: unknown): string {
  const names = provider.profile?.apiKeyEnv ?? [];
  const key = given === undefined ? readApiKey(names) : given;
  if (typeof key === "string" && key !== "") return key;
  if (key === undefined && provider.profile?.keyless === true) return "";
  const where = names.length === 0 ? "" : ` or set ${names.join(" or ")}`;
  throw new ValidationError(
    `Cannot create ${provider.name} client: apiKey ${
      given === undefined ? "is missing" : `must be a non-empty string, got ${describeValue(given)}`
    }: pass apiKey${where}`,
    { provider: provider.name, path: "apiKey" },
  );
}

/**
 * Creates a client for one provider.
 *
 * @param options Provider, key, endpoint, retries, timeouts, concurrency and the hook.
 * @returns The client.
 * @throws {ValidationError} For a provider that is not a provider object, no API key (given or
 * in the environment), a `baseUrl` that is not an http(s) URL, a negative retry count, a
 * non-positive timeout or concurrency.
 *
 * @example A call against the in-process mock server
 * ```ts
 * import { anthropic, createClient } from "@rosetta/llm";
 * import { createMockServer, reply, text } from "@rosetta/llm/testing";
 * import assert from "node:assert/strict";
 * const mock = createMockServer({ script: reply(text("Hello!")) });
 * const client = createClient({
 *   provider: anthropic,
 *   apiKey: "sk-ant-test",
 *   baseUrl: mock.baseUrl("anthropic"),
 *   fetch: mock.fetch,
 * });
 * const request = { model: "claude-haiku-4-5", messages: [{ role: "user" as const, content: "Hi" }] };
 * const response = await client.complete(request);
 * assert.deepEqual(response.content, [{ type: "text", text: "Hello!" }]);
 * ```
 */
export function createClient<P extends Provider>(options: ClientOptions<P>): Client<P> {
  const provider = options?.provider;
  if (typeof provider?.buildHttpRequest !== "function") {
    throw new ValidationError(
      `Cannot create client: provider must be a provider object such as anthropic or getProvider(name), got ${
        describeValue(provider)
      }`,
      { provider: typeof provider === "string" ? provider : undefined, path: "provider" },
    );
  }
  const concurrency = setting(options, "concurrency", Infinity, 1);
  const apiKey = clientApiKey(provider, options.apiKey);
  // Checked now, so that a bad root fails here rather than on the first call.
  if (options.baseUrl !== undefined && !isHttpUrl(options.baseUrl)) {
    throw new ValidationError(
      `Cannot create ${provider.name} client: baseUrl must be an http:// or https:// URL, got ${
        describeValue(options.baseUrl)
      }`,
      { provider: provider.name, path: "baseUrl" },
    );
  }
  const settings: CallSettings = {
    provider,
    apiKey,
    fetch: options.fetch ?? globalThis.fetch,
    maxRetries: setting(options, "maxRetries", 2, 0),
    timeoutMs: setting(options, "timeoutMs", 600_000, 1),
    idleTimeoutMs: options.idleTimeoutMs === undefined
      ? undefined
      : setting(options, "idleTimeoutMs", 0, 1),
    limiter: concurrency === Infinity ? undefined : new Limiter(concurrency),
    onEvent: options.onEvent,
    random: options.random ?? Math.random,
    sleep: options.sleep ?? sleep,
  };
  const build = (
    request: ChatRequest,
    stream: boolean,
    callOptions: CallOptions,
    builder = provider.buildHttpRequest,
  ): HttpRequest => {
    const { signal: _, ...serialize } = callOptions;
    const http = builder.call(provider, request, {
      ...serialize,
      apiKey,
      baseUrl: options.baseUrl,
      stream,
    });
    if (options.headers !== undefined) http.headers = { ...http.headers, ...options.headers };
    return http;
  };
  return {
    provider,
    async complete(request, callOptions: CallOptions = {}) {
      const call = new Call(
        settings,
        build(request, false, callOptions),
        false,
        callOptions.signal,
        { operation: "chat", request },
      );
      try {
        const response = provider.parseResponse(await call.connect((res) => res.text()), {
          model: request.model,
        });
        call.finish(undefined, response);
        return response;
      } catch (error) {
        throw call.finish(error);
      }
    },
    stream(request, callOptions: CallOptions = {}) {
      const call = new Call(
        settings,
        build(request, true, callOptions),
        true,
        callOptions.signal,
        { operation: "chat", request },
      );
      return new ClientEventStream(provider.createStreamDecoder({ model: request.model }), call);
    },
    countTokens(request, callOptions: CallOptions = {}) {
      const { signal: _, ...serialize } = callOptions;
      return countTokens(
        settings,
        request,
        callOptions.signal,
        serialize,
        (builder) => build(request, false, callOptions, builder),
      );
    },
  };
}

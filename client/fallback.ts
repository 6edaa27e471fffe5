/**
 * A client over an ordered list of providers: a call goes to the first target and moves on to
 * the next when it fails with a transient error after its own retries, or with a category the
 * caller names. The conversation is the canonical request, so each target serializes it its own
 * way, with its own model.
 *
 * @module
 */

import { RETRYABLE } from "./retry.ts";
import { type ErrorCategory, ValidationError } from "../common/errors.ts";
import type { Provider } from "../common/provider.ts";
import type { ChatRequest } from "../common/types.ts";
import { describeValue } from "../codec/describe.ts";
import { type CallOptions, type ClientOptions, createClient } from "./client.ts";
import type { FallbackClientEvent } from "./fallback_events.ts";
import { FallbackRun, type FallbackSettings, type ReadyTarget } from "./fallback_run.ts";
import { FallbackEventStream, type FallbackResponse } from "./fallback_stream.ts";

/** One provider to try: {@link createClient}'s options (its hook aside) and the model to ask. */
export interface FallbackTarget<P extends Provider = Provider>
  extends Omit<ClientOptions<P>, "onEvent"> {
  /** The model this target is asked for; it replaces the request's. */
  model: string;
}

/** Options of {@link createFallbackClient}. */
export interface FallbackClientOptions {
  /**
   * The providers to try, in order, each with its model, key, endpoint and retry settings. Spread
   * shared settings into each: `{ ...shared, provider: openai, model: "gpt-4o" }`.
   */
  targets: FallbackTarget[];
  /**
   * Categories that also move a call on, beyond the transient ones every target retries first
   * (`rate_limit`, `server`, `timeout`, `network`): e.g. `auth` for a revoked key,
   * `invalid_request` for a request one provider refuses, `not_found` for a retired model.
   * @default []
   */
  fallbackOn?: ErrorCategory[];
  /**
   * Hears every target client's events (request, response, retry, done) and a `fallback` event
   * each time a call moves on; credentials redacted.
   */
  onEvent?: (event: FallbackClientEvent) => void;
}

/** A request for a fallback client: each target puts in its own `model`. */
export type FallbackRequest = Omit<ChatRequest, "model"> & { model?: string };

/** Sends canonical requests to the first of its targets that answers. */
export interface FallbackClient {
  /**
   * Sends a request to each target in turn until one answers.
   *
   * @param request The canonical request; its `model` is replaced by each target's.
   * @param options Abort signal, and a warnings list that receives every attempt's warnings
   * (each names its provider).
   * @returns The response, with `provider` the target that answered and `attempts` those that
   * failed before it.
   * @throws {FallbackError} When every target failed with an error to fall back on.
   * @throws {ProviderError} At once, for an error not to fall back on.
   * @throws {ValidationError} For a request the current target cannot take.
   */
  complete(request: FallbackRequest, options?: CallOptions): Promise<FallbackResponse>;
  /**
   * Sends a request for a streamed response to each target in turn until one stream begins; the
   * first request leaves at once. Once an event has reached the caller, the stream stays with its
   * target: a failure ends it with that target's error, carrying the partial response.
   *
   * @param request The canonical request; its `model` is replaced by each target's.
   * @param options Abort signal and warnings list, as for `complete`.
   * @returns The events and the final response, and `attempts` so far.
   * @throws {ValidationError} At once, for a request the first target cannot take.
   */
  stream(request: FallbackRequest, options?: CallOptions): FallbackEventStream;
}

// Every category, to check fallbackOn against: the record fails to compile if one is missing.
const CATEGORIES: Record<ErrorCategory, true> = {
  auth: true,
  rate_limit: true,
  invalid_request: true,
  not_found: true,
  server: true,
  timeout: true,
  content_filter: true,
  network: true,
  unknown: true,
};

function refuse(path: string, must: string, got: unknown): never {
  throw new ValidationError(
    `Cannot create fallback client: ${path} must be ${must}, got ${describeValue(got)}`,
    { path },
  );
}

function categories(given: unknown): Set<ErrorCategory> {
  const set = new Set(RETRYABLE);
  if (given === undefined) return set;
  if (!Array.isArray(given)) refuse("fallbackOn", "an array of error categories", given);
  given.forEach((category, i) => {
    if (typeof category !== "string" || !Object.hasOwn(CATEGORIES, category)) {
      refuse(`fallbackOn[${i}]`, `one of ${Object.keys(CATEGORIES).join(", ")}`, category);
    }
    set.add(category as ErrorCategory);
  });
  return set;
}

function target(
  given: unknown,
  i: number,
  onEvent: ((event: FallbackClientEvent) => void) | undefined,
): ReadyTarget {
  const path = `targets[${i}]`;
  if (typeof given !== "object" || given === null || Array.isArray(given)) {
    refuse(path, "an object { provider, model, … }", given);
  }
  const { model, ...options } = given as FallbackTarget;
  if (typeof options.provider?.buildHttpRequest !== "function") {
    refuse(
      `${path}.provider`,
      "a provider object such as anthropic or getProvider(name)",
      options.provider,
    );
  }
  if (typeof model !== "string" || model === "") {
    refuse(`${path}.model`, "a non-empty string", model);
  }
  try {
    return { client: createClient({ ...options, onEvent }), model };
  } catch (error) {
    if (!ValidationError.isInstance(error)) throw error;
    // createClient names the field of its own options; say which target it belongs to.
    throw new ValidationError(
      `Cannot create fallback client: ${path}.${error.path}: ${error.message}`,
      { provider: error.provider, path: `${path}.${error.path}`, cause: error },
    );
  }
}

/**
 * Creates a client that tries its targets in order: a call moves to the next target when the
 * current one fails, after its own retries, with a transient error (`rate_limit`, `server`,
 * `timeout`, `network`) or a category named in `fallbackOn`; any other error, and an abort, ends
 * the call at once. A stream moves on only before its first event. When every target failed, the
 * call rejects with a {@link FallbackError} listing each.
 *
 * @param options The targets in order, extra categories to fall back on, and the hook.
 * @returns The client, with `complete` and `stream` as {@link createClient}'s.
 * @throws {ValidationError} For no targets, a target without a provider object or a model, a
 * `fallbackOn` entry that is not an error category, or a target option `createClient` refuses
 * (its `path` under `targets[i]`).
 *
 * @example Fall back from an overloaded Anthropic to OpenAI
 * ```ts
 * import { anthropic, createFallbackClient, openai } from "@rosetta/llm";
 * import { createMockServer, failure, reply, text } from "@rosetta/llm/testing";
 * import assert from "node:assert/strict";
 * const mock = createMockServer({
 *   script: (request) =>
 *     request.provider === "anthropic" ? failure(529, { message: "Overloaded" }) : reply(text("Hi from OpenAI")),
 * });
 * const shared = { apiKey: "test-key", fetch: mock.fetch, maxRetries: 0 };
 * const client = createFallbackClient({
 *   targets: [
 *     { ...shared, provider: anthropic, model: "claude-sonnet-4-5", baseUrl: mock.baseUrl("anthropic") },
 *     { ...shared, provider: openai, model: "gpt-4o", baseUrl: mock.baseUrl("openai") },
 *   ],
 * });
 * const response = await client.complete({ messages: [{ role: "user", content: "Hi" }] });
 * assert.equal(response.provider, "openai");
 * assert.deepEqual(response.attempts.map((a) => [a.provider, a.error.status]), [["anthropic", 529]]);
 * ```
 */
export function createFallbackClient(options: FallbackClientOptions): FallbackClient {
  const given = (options as FallbackClientOptions | undefined)?.targets;
  if (!Array.isArray(given) || given.length === 0) {
    refuse("targets", "a non-empty array of { provider, model, … }", given);
  }
  const onEvent = options.onEvent;
  const calls = new WeakMap<object, number>();
  // Each target's hook: the caller's, noting which call ended with which error for `fallback`.
  const hook = onEvent === undefined ? undefined : (event: FallbackClientEvent) => {
    if (event.type === "done" && typeof event.error === "object" && event.error !== null) {
      calls.set(event.error, event.call);
    }
    onEvent(event);
  };
  const fallbackOn = categories(options.fallbackOn);
  const settings: FallbackSettings = {
    targets: given.map((each, i) => target(each, i, hook)),
    fallbackOn,
    onEvent,
    calls,
  };
  return {
    async complete(request, callOptions: CallOptions = {}) {
      const run = new FallbackRun(settings, callOptions.signal);
      while (true) {
        try {
          const response = await run.target.client.complete(run.request(request), callOptions);
          return Object.assign(response, { attempts: run.attempts });
        } catch (error) {
          run.fail(error);
        }
      }
    },
    stream(request, callOptions: CallOptions = {}) {
      const run = new FallbackRun(settings, callOptions.signal);
      return new FallbackEventStream(
        run,
        () => run.target.client.stream(run.request(request), callOptions),
      );
    },
  };
}

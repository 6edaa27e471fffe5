/**
 * A fallback client's stream: an {@link EventStream} over its targets' streams, one after
 * another. A target whose stream fails before its first event is left for the next one; once an
 * event has reached the caller, the stream stays with its target, and a failure ends it with that
 * target's error (and its partial response), as a client's stream would.
 *
 * @module
 */

import { ValidationError } from "../common/errors.ts";
import type { StreamEvent } from "../common/events.ts";
import type { StreamDecoder } from "../common/provider.ts";
import type { ChatResponse } from "../common/types.ts";
import { EventStream } from "../codec/event_stream.ts";
import type { FallbackAttempt } from "./fallback_error.ts";
import type { FallbackRun } from "./fallback_run.ts";

/** A response from a fallback client, with the targets that failed before it. */
export interface FallbackResponse extends ChatResponse {
  /** The targets that failed before this one answered, in order (empty when the first did). */
  attempts: FallbackAttempt[];
}

const DONE: IteratorReturnResult<undefined> = Object.freeze({ done: true, value: undefined });

// EventStream's constructor wants a decoder and a body; this stream reads its targets' streams
// instead, so it overrides iteration and response() and neither is ever read.
const NO_DECODER: StreamDecoder = {
  provider: "fallback",
  push: () => [],
  end: () => {
    throw new Error("unreachable");
  },
};

/**
 * An {@link EventStream} that moves to the next target until one stream begins: what a fallback
 * client's `stream` returns. `attempts` lists the targets that failed so far.
 *
 * @example A stream that moves from an overloaded Anthropic to Gemini
 * ```ts
 * import { anthropic, createFallbackClient, google } from "@rosetta/llm";
 * import { createMockServer, failure, reply, text } from "@rosetta/llm/testing";
 * import assert from "node:assert/strict";
 * const mock = createMockServer({
 *   script: (request) => request.provider === "anthropic" ? failure(529) : reply(text("Hello there")),
 * });
 * const server = await mock.listen();
 * try {
 *   const shared = { apiKey: "test-key", maxRetries: 1, sleep: () => Promise.resolve() };
 *   const client = createFallbackClient({
 *     targets: [
 *       { ...shared, provider: anthropic, model: "claude-sonnet-4-5", baseUrl: server.baseUrl("anthropic") },
 *       { ...shared, provider: google, model: "gemini-2.5-flash", baseUrl: server.baseUrl("google") },
 *     ],
 *   });
 *   const stream = client.stream({ messages: [{ role: "user", content: "Hi" }] });
 *   let said = "";
 *   for await (const event of stream) if (event.type === "text_delta") said += event.text;
 *   assert.equal(said, "Hello there");
 *   const response = await stream.response();
 *   assert.equal(response.provider, "google");
 *   assert.equal(response.attempts[0].error.attempts, 2); // the 529, then its one retry
 * } finally {
 *   await server.close();
 * }
 * ```
 */
export class FallbackEventStream extends EventStream {
  readonly #run: FallbackRun;
  readonly #open: () => EventStream;
  #stream: EventStream;
  #consumed = false;
  #response?: FallbackResponse;
  #error?: unknown;

  /**
   * @param run The call's walk down the targets.
   * @param open Starts the current target's stream (its request leaves at once).
   * @throws {ValidationError} At once, for a request the first target cannot take.
   */
  constructor(run: FallbackRun, open: () => EventStream) {
    super(NO_DECODER, new ReadableStream<Uint8Array>());
    this.#run = run;
    this.#open = open;
    this.#stream = open();
  }

  /** The targets that failed so far, in order. */
  get attempts(): readonly FallbackAttempt[] {
    return this.#run.attempts;
  }

  /** Yields the events of the first target whose stream begins. */
  override [Symbol.asyncIterator](): AsyncIterableIterator<StreamEvent> {
    let inner: AsyncIterator<StreamEvent> | undefined;
    let open = true;
    // Whether an event reached the caller: from then on there is no going back.
    let started = false;
    const fail = (error: unknown): never => {
      open = false;
      throw this.#error = error;
    };
    const pull = async (): Promise<IteratorResult<StreamEvent, undefined>> => {
      if (inner === undefined) {
        if (this.#consumed) {
          throw new ValidationError(
            "Cannot iterate fallback stream: it was already iterated; iterate it once, then " +
              "call response()",
            { path: "stream" },
          );
        }
        this.#consumed = true;
        inner = this.#stream[Symbol.asyncIterator]();
      }
      while (true) {
        let result: IteratorResult<StreamEvent>;
        try {
          result = await inner.next();
        } catch (error) {
          if (started) return fail(error);
          try {
            this.#run.fail(error);
            this.#stream = this.#open();
          } catch (final) {
            return fail(final);
          }
          inner = this.#stream[Symbol.asyncIterator]();
          continue;
        }
        if (!result.done) {
          started = true;
          return result;
        }
        open = false;
        const response = await this.#stream.response() as FallbackResponse;
        response.attempts = this.#run.attempts;
        this.#response = response;
        return DONE;
      }
    };
    const iterator: AsyncIterableIterator<StreamEvent> = {
      next: () => open ? pull() : Promise.resolve(DONE),
      return: async () => {
        if (open) {
          open = false;
          await inner?.return?.();
        }
        return DONE;
      },
      [Symbol.asyncIterator]: () => iterator,
    };
    return iterator;
  }

  /**
   * The final response, reading the rest of the stream if iteration has not.
   *
   * @returns The answering target's response, with the targets that failed before it.
   * @throws What ended the iteration, again on every call: the answering target's error (with
   * `partial`), an error not to fall back on, the abort reason, or a `FallbackError`.
   */
  override async response(): Promise<FallbackResponse> {
    if (!this.#consumed) {
      for await (const _ of this) { /* drain */ }
    }
    if (this.#error !== undefined) throw this.#error;
    // Stopped early: the target's stream says so.
    return this.#response ?? await this.#stream.response() as FallbackResponse;
  }
}

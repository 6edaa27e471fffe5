/**
 * {@link EventStream}: canonical events from a `fetch` body, as an async iterable, then the
 * final response. Its iterator is written by hand: an async generator cost every event a few
 * promise hops of its own (Google stream over 16 chunks, Node 24: 27.7 µs decoding alone,
 * 32.7 µs through the generator, 42.6 µs through the client's generator and body stream on top).
 *
 * @module
 */

import { ProviderError, type RosettaError, ValidationError } from "../common/errors.ts";
import type { StreamEvent } from "../common/events.ts";
import type { StreamDecoder } from "../common/provider.ts";
import type { ChatResponse } from "../common/types.ts";
import { describeValue } from "./describe.ts";

/** Where an {@link EventStream} reads its bytes: a body's reader, or a client call's. */
export interface ChunkSource {
  /** The next chunk, or done. */
  read(): Promise<ReadableStreamReadResult<Uint8Array>>;
  /** Stops reading before the end. */
  cancel(): Promise<void>;
}

const DONE: IteratorReturnResult<undefined> = Object.freeze({ done: true, value: undefined });
const NONE: StreamEvent[] = [];
const ignore = () => {};

/**
 * Canonical events read from a `ReadableStream` of bytes (a `fetch` body), plus the final
 * response. Iterate it once; `response()` drains what is left.
 *
 * @example
 * ```ts
 * import { anthropic, EventStream } from "@rosetta/llm";
 * import assert from "node:assert/strict";
 * const body = new Response('event: message_stop\ndata: {"type":"message_stop"}\n\n').body!;
 * const stream = new EventStream(anthropic.createStreamDecoder(), body);
 * for await (const _event of stream) { /* render it *\/ }
 * assert.equal((await stream.response()).finishReason, "unknown");
 * ```
 */
export class EventStream implements AsyncIterable<StreamEvent> {
  #decoder: StreamDecoder;
  #body: ReadableStream<Uint8Array>;
  #consumed = false;
  #response?: ChatResponse;
  #error?: unknown;

  /**
   * @param decoder A provider's stream decoder.
   * @param body The response body.
   */
  constructor(decoder: StreamDecoder, body: ReadableStream<Uint8Array>) {
    if (typeof decoder?.push !== "function" || typeof body?.getReader !== "function") {
      const bad = typeof decoder?.push !== "function" ? "decoder" : "body";
      throw new ValidationError(
        `Cannot create EventStream: ${bad} must be ${
          bad === "decoder" ? "a provider's createStreamDecoder()" : "a ReadableStream (res.body)"
        }, got ${describeValue(bad === "decoder" ? decoder : body)}`,
        { provider: decoder?.provider, path: bad },
      );
    }
    this.#decoder = decoder;
    this.#body = body;
  }

  /**
   * Where the bytes are read from: the body, unless a subclass reads them another way.
   *
   * @returns The source, read once.
   */
  protected open(): ChunkSource {
    return this.#body.getReader();
  }

  /**
   * Told that iteration ended: with what it failed with, or undefined when it read to the end
   * or was stopped early.
   *
   * @param error What ended it.
   * @param _response The response, when it read to the end.
   * @returns What to throw in its place (`error` itself here).
   */
  protected settle(error: unknown, _response?: ChatResponse): unknown {
    return error;
  }

  /** Yields each event as its bytes arrive; throws what `StreamDecoder.end` throws. */
  [Symbol.asyncIterator](): AsyncIterableIterator<StreamEvent> {
    const decoder = this.#decoder;
    let source: ChunkSource | undefined;
    let events = NONE;
    let i = 0;
    // Until the input ended, iteration failed, or the consumer stopped.
    let open = true;
    const fail = async (error: unknown, cancel: boolean): Promise<never> => {
      open = false;
      // Stopped before the end: release the connection.
      if (cancel) await source!.cancel().catch(ignore);
      // Kept for response(): it must rethrow what ended the stream, not a generic complaint.
      throw this.#error = this.settle(error);
    };
    const pull = async (): Promise<IteratorResult<StreamEvent, undefined>> => {
      if (source === undefined) {
        if (this.#consumed) {
          const provider = decoder.provider;
          throw new ValidationError(
            `Cannot iterate ${provider} stream: it was already iterated; iterate it once, ` +
              "then call response()",
            { provider, path: "stream" },
          );
        }
        this.#consumed = true;
        source = this.open();
      }
      try {
        while (true) {
          let chunk: ReadableStreamReadResult<Uint8Array>;
          try {
            chunk = await source.read();
          } catch (cause) {
            throw this.#networkError(cause);
          }
          if (chunk.done) break;
          events = decoder.push(chunk.value);
          if (events.length !== 0) {
            i = 1;
            return { done: false, value: events[0] };
          }
        }
      } catch (error) {
        return fail(error, true);
      }
      open = false;
      try {
        this.#response = decoder.end();
      } catch (error) {
        return fail(error, false);
      }
      this.settle(undefined, this.#response);
      return DONE;
    };
    const iterator: AsyncIterableIterator<StreamEvent> = {
      next: () => {
        if (i < events.length) return Promise.resolve({ done: false, value: events[i++] });
        return open ? pull() : Promise.resolve(DONE);
      },
      return: async () => {
        events = NONE;
        if (!open) return DONE;
        open = false;
        if (source === undefined) return DONE;
        await source.cancel().catch(ignore);
        this.settle(undefined);
        return DONE;
      },
      [Symbol.asyncIterator]: () => iterator,
    };
    return iterator;
  }

  #networkError(cause: unknown): ProviderError {
    let partial: ChatResponse | undefined;
    try {
      partial = this.#decoder.end();
    } catch (error) {
      partial = (error as RosettaError).partial;
    }
    const provider = this.#decoder.provider;
    return new ProviderError(
      "network",
      `Cannot read ${provider} stream: ${(cause as Error)?.message ?? String(cause)}`,
      { provider, cause, partial },
    );
  }

  /**
   * The final response, reading the rest of the body if iteration has not.
   *
   * @returns The accumulated response.
   * @throws What ended the iteration (a provider, network or parse error), again on every call.
   */
  async response(): Promise<ChatResponse> {
    if (!this.#consumed) {
      for await (const _ of this) { /* drain */ }
    }
    if (this.#error !== undefined) throw this.#error;
    if (this.#response === undefined) {
      const provider = this.#decoder.provider;
      throw this.settle(
        new ValidationError(
          `Cannot give the ${provider} response: the stream was stopped before its end`,
          { provider, path: "stream" },
        ),
      );
    }
    return this.#response;
  }
}

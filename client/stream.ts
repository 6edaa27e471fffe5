/**
 * A client's stream: an {@link EventStream} over a body that connects (with retries) as soon
 * as it is made, then reads the response under the call's idle limit, deadline and abort
 * signal. `EventStream` reports any body failure as a `network` error; this one gives the
 * caller the real cause instead — the caller's abort reason, or a `timeout` error carrying the
 * partial response — with the attempt count, and tells the hook when the stream ends.
 *
 * @module
 */

import type { Call } from "./call.ts";
import { ProviderError, RosettaError } from "../common/errors.ts";
import { type ChunkSource, EventStream } from "../codec/event_stream.ts";
import type { StreamDecoder } from "../common/provider.ts";
import type { ChatResponse } from "../common/types.ts";

/** What the body threw on purpose, so that the stream can recognise it under the wrapper. */
interface BodyState {
  thrown?: unknown;
  started: boolean;
}

// The call's attempt read directly, under the call's idle limit and signal: the bytes go
// straight to EventStream, with no second ReadableStream and its promise hops between.
function callSource(call: Call, state: BodyState): ChunkSource {
  const connecting = call.connect((response) => response.body);
  // Awaited by the first read; a stream nobody reads must not leave an unhandled rejection.
  connecting.catch((error) => call.finish(error));
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  let signal: AbortSignal | undefined;
  // Whatever fetch does with its signal, an abort ends the read in progress: a cancelled
  // reader resolves its pending read as done, and the read then throws the reason.
  const interrupt = () => reader!.cancel().catch(() => {});
  const end = () => {
    signal?.removeEventListener("abort", interrupt);
    call.release();
  };
  const fail = (error: unknown): never => {
    end();
    state.thrown = error;
    throw error;
  };
  return {
    async read() {
      if (reader === undefined) {
        const body = await connecting.catch(fail);
        state.started = true;
        if (body === null) {
          end();
          return { done: true, value: undefined };
        }
        reader = body.getReader();
        signal = call.signal;
        if (signal.aborted) interrupt();
        else signal.addEventListener("abort", interrupt, { once: true });
      }
      let chunk: ReadableStreamReadResult<Uint8Array>;
      call.idle?.wait();
      try {
        chunk = await reader.read();
      } catch (cause) {
        const reason = call.interrupted();
        if (reason !== undefined) fail(reason);
        end();
        throw cause;
      }
      call.idle?.arrived();
      const reason = call.interrupted();
      if (reason !== undefined) fail(reason);
      if (chunk.done) end();
      return chunk;
    },
    cancel() {
      end();
      if (reader !== undefined) return reader.cancel();
      return connecting.then((body) => body?.cancel(), () => {});
    },
  };
}

// What EventStream would read; a client's stream reads its call instead (see open()).
const NO_BODY = new ReadableStream<Uint8Array>();

/** An {@link EventStream} whose failures are the call's own. */
export class ClientEventStream extends EventStream {
  readonly #call: Call;
  readonly #state: BodyState = { started: false };
  readonly #source: ChunkSource;

  /**
   * @param decoder The provider's decoder.
   * @param call The call; its request is sent now.
   */
  constructor(decoder: StreamDecoder, call: Call) {
    super(decoder, NO_BODY);
    this.#call = call;
    this.#source = callSource(call, this.#state);
  }

  /**
   * Reads the call's attempt.
   *
   * @returns The source.
   */
  protected override open(): ChunkSource {
    return this.#source;
  }

  /**
   * Ends the call: with the error the caller receives instead of a response, if any.
   *
   * @param error What ended the iteration, if anything did.
   * @param response The response, when the stream was read to its end.
   * @returns The error as the call failed with it.
   */
  protected override settle(error: unknown, response?: ChatResponse): unknown {
    return this.#call.finish(error === undefined ? undefined : this.#unwrap(error), response);
  }

  // EventStream wraps what the body threw in a `network` error; take the thrown value back out.
  #unwrap(error: unknown): unknown {
    const thrown = this.#state.thrown;
    if (
      thrown === undefined || !ProviderError.isInstance(error) || error.category !== "network" ||
      error.cause !== thrown
    ) {
      return error;
    }
    if (this.#state.started && RosettaError.isInstance(thrown)) thrown.partial ??= error.partial;
    return thrown;
  }
}

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
import { ProviderError, RosettaError } from "./errors.ts";
import type { StreamEvent } from "./events.ts";
import { EventStream, type StreamDecoder } from "./stream.ts";
import type { ChatResponse } from "./types.ts";

/** What the body threw on purpose, so that the stream can recognise it under the wrapper. */
interface BodyState {
  thrown?: unknown;
  started: boolean;
}

function responseBody(call: Call, state: BodyState): ReadableStream<Uint8Array> {
  const connecting = call.connect((response) => response.body);
  // Awaited by the first pull; a stream nobody reads must not leave an unhandled rejection.
  connecting.catch((error) => call.finish(error));
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  let signal: AbortSignal | undefined;
  // Whatever fetch does with its signal, an abort ends the read in progress: a cancelled
  // reader resolves its pending read as done, and the pull then throws the reason.
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
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (reader === undefined) {
        const body = await connecting.catch(fail);
        state.started = true;
        if (body === null) {
          end();
          return controller.close();
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
      if (chunk.done) {
        end();
        controller.close();
      } else {
        controller.enqueue(chunk.value);
      }
    },
    cancel(reason) {
      end();
      if (reader !== undefined) return reader.cancel(reason);
      return connecting.then((body) => body?.cancel(reason), () => {});
    },
  }, { highWaterMark: 0 });
}

/** An {@link EventStream} whose failures are the call's own. */
export class ClientEventStream extends EventStream {
  readonly #call: Call;
  readonly #state: BodyState;
  // What iteration failed with: `response()` gives it again rather than EventStream's
  // "not read to its end".
  #failure?: unknown;

  /**
   * @param decoder The provider's decoder.
   * @param call The call; its request is sent now.
   */
  constructor(decoder: StreamDecoder, call: Call) {
    const state: BodyState = { started: false };
    super(decoder, responseBody(call, state));
    this.#call = call;
    this.#state = state;
  }

  /** Yields each event as its bytes arrive; throws what the call failed with. */
  override async *[Symbol.asyncIterator](): AsyncGenerator<StreamEvent, void, undefined> {
    let failed = false;
    try {
      yield* super[Symbol.asyncIterator]();
    } catch (error) {
      failed = true;
      throw this.#failure = this.#call.finish(this.#unwrap(error));
    } finally {
      if (!failed) this.#call.finish();
    }
  }

  /**
   * The final response, reading the rest of the body if iteration has not.
   *
   * @returns The accumulated response.
   */
  override async response(): Promise<ChatResponse> {
    if (this.#failure !== undefined) throw this.#failure;
    try {
      return await super.response();
    } catch (error) {
      throw this.#call.finish(this.#unwrap(error));
    }
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

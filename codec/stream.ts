/**
 * The stream decoder and the ways to consume it. A provider supplies only a mapper from its
 * SSE events to {@link ResponseAccumulator} calls; SSE decoding, error capture and the final
 * response are shared here. On top of the synchronous decoder sits a `TransformStream` of
 * events here, and an async iterable over a `fetch` body in `event_stream.ts` — no hidden
 * buffering of the whole body.
 *
 * @module
 */

import type { ResponseAccumulator } from "./accumulator.ts";
import { type ProviderError, ResponseParseError, RosettaError } from "../common/errors.ts";
import type { StreamEvent } from "../common/events.ts";
import type { StreamDecoder, StreamDecoderOptions } from "../common/provider.ts";
import { createSseDecoder } from "./sse.ts";
import type { ChatResponse } from "../common/types.ts";

/** Maps one event of a provider onto the accumulator. May throw a RosettaError or SyntaxError. */
export type EventMapper = (event: string | undefined, data: string) => void;

/**
 * Assembles a decoder from a provider's event mapper. Used by the providers' `stream.ts`.
 *
 * @param accumulator The live accumulator the mapper writes to.
 * @param terminal The terminal event's name, for the truncation message.
 * @param options Decoder options.
 * @param map Maps one SSE event onto the accumulator.
 * @returns The decoder.
 */
export function assembleStreamDecoder(
  accumulator: ResponseAccumulator,
  terminal: string,
  options: StreamDecoderOptions,
  map: EventMapper,
): StreamDecoder {
  const sse = createSseDecoder(
    accumulator.provider,
    guardEventMapper(accumulator, map),
    options.maxEventSize,
  );
  return {
    provider: accumulator.provider,
    push(chunk) {
      sse.push(chunk);
      return accumulator.drain();
    },
    end() {
      sse.end();
      return accumulator.finalize(terminal);
    },
  };
}

/**
 * Wraps an event mapper so that what it throws becomes an error recorded on the accumulator
 * (reported as an event, thrown by `end()` with the partial response): a `SyntaxError` as an
 * `invalid_json` error naming the event by number, a rosetta error as it is. Whatever the stream
 * framing (SSE, AWS event stream), events fail alike.
 *
 * @param accumulator The live accumulator the mapper writes to.
 * @param map Maps one event onto the accumulator.
 * @returns The guarded mapper.
 */
export function guardEventMapper(accumulator: ResponseAccumulator, map: EventMapper): EventMapper {
  const provider = accumulator.provider;
  let count = 0;
  return (event, data) => {
    count++;
    try {
      map(event, data);
    } catch (error) {
      if (error instanceof SyntaxError) {
        const name = event === undefined ? "" : ` "${event}"`;
        accumulator.fail(
          new ResponseParseError(
            "invalid_json",
            `Cannot parse ${provider} stream event ${count}${name}: ${error.message}`,
            { provider, path: `event ${count}`, raw: data, cause: error },
          ),
        );
      } else if (RosettaError.isInstance(error)) {
        accumulator.fail(error as ProviderError | ResponseParseError);
      } else {
        throw error;
      }
    }
  };
}

/**
 * A `TransformStream` from bytes or text to canonical events; `response` settles at the end.
 *
 * @example
 * ```ts
 * import { EventTransformStream, openai } from "@rosetta/llm";
 * import assert from "node:assert/strict";
 * const sse = 'data: {"id":"c","model":"gpt-4o","choices":[{"index":0,"delta":{"content":"Hi"},"finish_reason":"stop"}]}\n\ndata: [DONE]\n\n';
 * const events = new EventTransformStream(openai.createStreamDecoder());
 * const types: string[] = [];
 * await new Response(sse).body!.pipeThrough(events).pipeTo(new WritableStream({ write(e) { types.push(e.type); } }));
 * assert.deepEqual(types, ["start", "text_delta", "finish"]);
 * assert.equal((await events.response).content[0].type, "text");
 * ```
 */
export class EventTransformStream extends TransformStream<Uint8Array | string, StreamEvent> {
  /** The final response; rejects with what `StreamDecoder.end` throws. */
  readonly response: Promise<ChatResponse>;

  /** @param decoder A provider's stream decoder. */
  constructor(decoder: StreamDecoder) {
    let resolve!: (response: ChatResponse) => void;
    let reject!: (error: unknown) => void;
    const response = new Promise<ChatResponse>((yes, no) => {
      resolve = yes;
      reject = no;
    });
    // Whoever awaits `response` sees the rejection; nobody awaiting it is not an unhandled one.
    response.catch(() => {});
    super({
      transform(chunk, controller) {
        try {
          const events = decoder.push(chunk);
          for (let i = 0; i < events.length; i++) controller.enqueue(events[i]);
        } catch (error) {
          reject(error);
          throw error;
        }
      },
      flush() {
        try {
          resolve(decoder.end());
        } catch (error) {
          reject(error);
          throw error;
        }
      },
    });
    this.response = response;
  }
}

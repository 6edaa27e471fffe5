/**
 * Server-sent events from raw bytes: incremental UTF-8 decoding (a code point split across
 * chunks), then `eventsource-parser` for LF / CRLF / CR line ends, comments, multi-line `data:`,
 * `event:` names and the BOM. Memory is bounded: an event larger than `maxEventSize` is a
 * {@link ResponseParseError} of type `event_too_large`, not an ever-growing buffer.
 *
 * @module
 */

import { createParser } from "eventsource-parser";
import { ResponseParseError, ValidationError } from "../common/errors.ts";
import { describeValue } from "./describe.ts";
import { Utf8Decoder } from "./utf8.ts";

/** Called once per complete event. `event` is the `event:` field, if any. */
export type SseHandler = (event: string | undefined, data: string) => void;

/** A push-based SSE decoder. */
export interface SseDecoder {
  /** Feeds bytes or text, in any split; calls the handler for each complete event. */
  push(chunk: Uint8Array | string): void;
  /** Flushes the end of input: a last event whose lines all ended is delivered; a cut line is not. */
  end(): void;
}

/** Default cap on one event's size, in UTF-16 code units (16 Mi). */
export const DEFAULT_MAX_EVENT_SIZE: number = 16 * 1024 * 1024;

/**
 * Creates an SSE decoder.
 *
 * @param provider Named in errors.
 * @param onEvent Receives each event.
 * @param maxEventSize Largest event or line to buffer.
 * @returns The decoder.
 */
export function createSseDecoder(
  provider: string,
  onEvent: SseHandler,
  maxEventSize: number = DEFAULT_MAX_EVENT_SIZE,
): SseDecoder {
  const decoder = new Utf8Decoder();
  let tooLarge = false;
  let first = true;
  const parser = createParser({
    onEvent: (message) => onEvent(message.event, message.data),
    onError: (error) => {
      // Unknown fields and bad `retry:` values are harmless; only the size cap is fatal.
      if (error.type === "max-buffer-size-exceeded") tooLarge = true;
    },
    maxBufferSize: maxEventSize,
  });
  const refuse = (): never => {
    throw new ResponseParseError(
      "event_too_large",
      `Cannot decode ${provider} stream: an event exceeded ${maxEventSize} characters`,
      { provider },
    );
  };
  const feed = (text: string) => {
    if (tooLarge) refuse();
    if (first && text !== "") {
      first = false;
      // Utf8Decoder strips a byte-order mark; text pushed as strings may still carry one.
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    if (text === "") return;
    parser.feed(text);
    if (tooLarge) refuse();
  };
  return {
    push(chunk) {
      if (typeof chunk === "string") return feed(chunk);
      let text: string;
      try {
        text = decoder.decode(chunk);
      } catch (cause) {
        // Not bytes (a number, a parsed object): the caller's mistake, named as such.
        throw new ValidationError(
          `Cannot decode ${provider} stream: push takes a Uint8Array or a string, got ${
            describeValue(chunk)
          }`,
          { provider, path: "chunk", cause },
        );
      }
      feed(text);
    },
    end() {
      feed(decoder.end());
      // One more line end dispatches an event whose last line ended but whose blank line
      // never came; a line cut in the middle stays incomplete and is dropped, as SSE says.
      feed("\n");
    },
  };
}

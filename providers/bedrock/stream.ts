/**
 * ConverseStream → canonical events. The body is AWS's binary event stream: each frame's
 * `:event-type` header names the event and its payload is one JSON object, read by the handlers
 * in `reader.ts` that also read whole bodies. An exception frame (`:message-type: exception`,
 * named by `:exception-type`) is the provider's error; a frame the decoder cannot read (a CRC or
 * length fault, one over the size cap) is thrown from `push` with the response so far as
 * `partial`. `metadata` (usage and metrics, after `messageStop`) is the terminal event: the finish
 * event waits for its usage.
 *
 * @see https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_ConverseStream.html
 * @module
 */

import { ResponseAccumulator } from "../../codec/accumulator.ts";
import { type AwsEventMessage, createAwsEventStreamDecoder } from "../../codec/aws_event_stream.ts";
import { EventBuffer } from "../../codec/sink.ts";
import { invalidField, isJsonObject } from "../../codec/json.ts";
import { type EventMapper, guardEventMapper } from "../../codec/stream.ts";
import { ProviderError, type ResponseParseError, RosettaError } from "../../common/errors.ts";
import type { StreamDecoder, StreamDecoderOptions } from "../../common/provider.ts";
import { bedrockStreamError } from "./errors.ts";
import {
  keepExtras,
  onContentBlockDelta,
  onContentBlockStart,
  onContentBlockStop,
  onMessageStop,
  onMetadata,
} from "./reader.ts";

const utf8 = new TextDecoder();

function onEvent(acc: ResponseAccumulator, model: string, event: string | undefined, data: string) {
  const json = JSON.parse(data);
  if (!isJsonObject(json)) throw invalidField("bedrock", "event", "an object", json);
  switch (event) {
    case "contentBlockDelta":
      return onContentBlockDelta(acc, json);
    case "contentBlockStart":
      return onContentBlockStart(acc, json);
    case "contentBlockStop":
      return onContentBlockStop(acc, json);
    case "messageStart":
      acc.start(undefined, model);
      return keepExtras(acc, json);
    case "messageStop":
      return onMessageStop(acc, json);
    case "metadata":
      return onMetadata(acc, json);
  }
}

// An exception frame's payload: `{"message": …}`, or its text as the message.
function exceptionPayload(text: string): Record<string, unknown> {
  try {
    const json = JSON.parse(text);
    if (isJsonObject(json)) return json;
  } catch {
    // Not JSON: the text is the message.
  }
  return { message: text };
}

function onFrame(acc: ResponseAccumulator, frame: AwsEventMessage, map: EventMapper): void {
  const headers = frame.headers;
  const type = headers[":message-type"];
  const text = utf8.decode(frame.payload);
  if (type === "exception") {
    const name = headers[":exception-type"];
    return acc.fail(
      bedrockStreamError(typeof name === "string" ? name : undefined, exceptionPayload(text)),
    );
  }
  if (type === "error") {
    const code = headers[":error-code"];
    const message = headers[":error-message"];
    return acc.fail(
      new ProviderError("unknown", typeof message === "string" ? message : "Stream error", {
        provider: "bedrock",
        code: typeof code === "string" ? code : undefined,
      }),
    );
  }
  const event = headers[":event-type"];
  map(typeof event === "string" ? event : undefined, text);
}

/**
 * Creates a decoder for a ConverseStream body.
 *
 * @param options The model asked for (Converse streams do not name it) and the frame size cap
 * (`maxEventSize`, in bytes here).
 * @returns The decoder: push bytes, get events; `end()` gives the response.
 *
 * @example Decode frames written by the mock server
 * ```ts
 * import { bedrock } from "@rosetta/llm/bedrock";
 * import { createMockServer, reply, text } from "@rosetta/llm/testing";
 * import assert from "node:assert/strict";
 * const mock = createMockServer({ script: reply(text("Hi")) });
 * const http = bedrock.buildHttpRequest(
 *   { model: "amazon.nova-lite-v1:0", messages: [{ role: "user", content: "Hi" }] },
 *   { apiKey: "bedrock-api-key", baseUrl: mock.baseUrl("bedrock"), stream: true },
 * );
 * const res = await mock.fetch(http.url, http);
 * const decoder = bedrock.createStreamDecoder({ model: "amazon.nova-lite-v1:0" });
 * decoder.push(new Uint8Array(await res.arrayBuffer()));
 * assert.deepEqual(decoder.end().content, [{ type: "text", text: "Hi" }]);
 * ```
 */
export function createBedrockStreamDecoder(options: StreamDecoderOptions = {}): StreamDecoder {
  const buffer = new EventBuffer(true);
  const acc = new ResponseAccumulator("bedrock", buffer);
  const model = options.model ?? "";
  const map = guardEventMapper(acc, (event, data) => onEvent(acc, model, event, data));
  const frames = createAwsEventStreamDecoder("bedrock", options.maxEventSize);
  // A frame fault is thrown with what was read before it.
  const withPartial = (error: unknown): never => {
    if (RosettaError.isInstance(error)) (error as ResponseParseError).partial = acc.response();
    throw error;
  };
  return {
    provider: "bedrock",
    push(chunk) {
      let messages: AwsEventMessage[];
      try {
        // A string is refused there: binary frames cannot travel as text.
        messages = frames.push(chunk as Uint8Array);
      } catch (error) {
        return withPartial(error);
      }
      for (let i = 0; i < messages.length; i++) onFrame(acc, messages[i], map);
      if (acc.terminated) buffer.release();
      return acc.drain();
    },
    end() {
      try {
        frames.end();
      } catch (error) {
        acc.fail(error as ResponseParseError);
      }
      buffer.release();
      return acc.finalize("metadata");
    },
  };
}

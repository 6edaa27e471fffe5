/**
 * What using one dialect alone needs, re-exported by each dialect's entry point
 * (`@rosetta/llm/anthropic`, …) without loading the client, tools or other dialects: reading a
 * fetch body as events, the errors a dialect throws, id generators and the canonical types.
 *
 * @module
 */

export { EventStream } from "../codec/event_stream.ts";
export { EventTransformStream } from "../codec/stream.ts";
export {
  ProviderError,
  ResponseParseError,
  RosettaError,
  StructuredOutputError,
  ValidationError,
} from "../common/errors.ts";
export type * from "../common/errors.ts";
export { randomId, seededIdGenerator } from "../common/ids.ts";
export type { IdGenerator } from "../common/ids.ts";
export type * from "../common/types.ts";
export type * from "../common/events.ts";
export type * from "../common/pricing.ts";
export type {
  HttpRequest,
  HttpRequestOptions,
  ParseOptions,
  Provider,
  SerializeOptions,
  StreamDecoder,
  StreamDecoderOptions,
} from "../common/provider.ts";

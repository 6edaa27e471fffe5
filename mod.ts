/**
 * rosetta: one canonical chat request, four provider dialects. Serialize a {@link ChatRequest}
 * for Anthropic, OpenAI (Chat Completions or Responses) or Google, send it with `fetch`, and parse
 * the answer back into one {@link ChatResponse}.
 *
 * @example Same request, four wire formats
 * ```ts
 * import { anthropic, google, openai, openaiResponses, type ChatRequest } from "@rosetta/llm";
 * import assert from "node:assert/strict";
 * const request: ChatRequest = { model: "any", messages: [{ role: "user", content: "Hi" }] };
 * assert.match(anthropic.serializeRequest(request), /"max_tokens":4096/);
 * assert.match(openai.serializeRequest(request), /"role":"user"/);
 * assert.match(openaiResponses.serializeRequest(request), /"input":\[/);
 * assert.match(google.serializeRequest(request), /"parts":\[\{"text":"Hi"\}\]/);
 * ```
 *
 * @module
 */

export * from "./common/types.ts";
export type * from "./common/features.ts";
export type {
  AnthropicOptions,
  GoogleHarmBlockThreshold,
  GoogleHarmCategory,
  GoogleOptions,
  GoogleSafetySetting,
  OpenAIOptions,
  ProviderOptions,
} from "./common/provider_options.ts";
export * from "./common/errors.ts";
export * from "./common/ids.ts";
export type {
  HttpRequest,
  HttpRequestOptions,
  ParseOptions,
  ProviderDialect,
  ProviderProfile,
  SerializeOptions,
} from "./common/provider.ts";
export type * from "./common/events.ts";
export { EventStream } from "./common/event_stream.ts";
export { EventTransformStream } from "./common/stream.ts";
export type { StreamDecoder, StreamDecoderOptions } from "./common/stream.ts";
export { defineTool } from "./common/tool.ts";
export type { AnyTool, DefineToolOptions, Tool, ToolContext } from "./common/tool.ts";
export { defineOutput, parseOutput } from "./common/output.ts";
export type { DefineOutputOptions, Output } from "./common/output.ts";
export {
  errorResult,
  executeToolCalls,
  extractToolCalls,
  prepareToolCall,
  runToolRound,
  toolResultMessage,
} from "./common/dispatch.ts";
export type { DispatchOptions, PreparedCall } from "./common/dispatch.ts";
export { createClient } from "./common/client.ts";
export type { CallOptions, Client, ClientOptions, ProviderCallOptions } from "./common/client.ts";
export type { FetchFunction } from "./common/call.ts";
export type * from "./common/client_events.ts";
export type { Sleep } from "./common/retry.ts";
export { anthropic } from "./providers/anthropic/mod.ts";
export { openai } from "./providers/openai/mod.ts";
export { google } from "./providers/google/mod.ts";
export { openaiResponses } from "./providers/openai-responses/mod.ts";
export { getProvider, providers } from "./providers/mod.ts";
export type { Provider, ProviderName } from "./providers/mod.ts";

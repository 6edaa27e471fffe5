/**
 * rosetta: one canonical chat request, five provider dialects. Serialize a {@link ChatRequest}
 * for Anthropic, OpenAI (Chat Completions or Responses), Google or AWS Bedrock (Converse), send it
 * with `fetch`, and parse the answer back into one {@link ChatResponse}.
 *
 * @example Same request, five wire formats
 * ```ts
 * import { anthropic, bedrock, google, openai, openaiResponses, type ChatRequest } from "@rosetta/llm";
 * import assert from "node:assert/strict";
 * const request: ChatRequest = { model: "any", messages: [{ role: "user", content: "Hi" }] };
 * assert.match(anthropic.serializeRequest(request), /"max_tokens":4096/);
 * assert.match(openai.serializeRequest(request), /"role":"user"/);
 * assert.match(openaiResponses.serializeRequest(request), /"input":\[/);
 * assert.match(google.serializeRequest(request), /"parts":\[\{"text":"Hi"\}\]/);
 * assert.match(bedrock.serializeRequest(request), /"content":\[\{"text":"Hi"\}\]/);
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
  Provider,
  ProviderProfile,
  SerializeOptions,
  StreamDecoder,
  StreamDecoderOptions,
} from "./common/provider.ts";
export type * from "./common/events.ts";
export { EventStream } from "./codec/event_stream.ts";
export { EventTransformStream } from "./codec/stream.ts";
export { PartialJsonReader, type PartialJsonReaderOptions } from "./codec/partial_json.ts";
export {
  partialToolArguments,
  type PartialToolCall,
  PartialToolCalls,
} from "./codec/partial_tool_calls.ts";
export { defineTool } from "./tools/tool.ts";
export type { AnyTool, DefineToolOptions, Tool, ToolContext } from "./tools/tool.ts";
export { defineOutput, parseOutput } from "./tools/output.ts";
export type { DefineOutputOptions, Output } from "./tools/output.ts";
export {
  type DeepPartial,
  PartialOutput,
  partialOutput,
  type PartialOutputOptions,
  type ResponseEventStream,
} from "./tools/partial_output.ts";
export {
  executeToolCalls,
  extractToolCalls,
  runToolRound,
  toolResultMessage,
} from "./tools/dispatch.ts";
export type { DispatchOptions } from "./tools/dispatch.ts";
export { errorResult, prepareToolCall } from "./tools/prepare.ts";
export type { PreparedCall } from "./tools/prepare.ts";
export { createClient } from "./client/client.ts";
export type {
  CallOptions,
  Client,
  ClientOptions,
  ProviderCallOptions,
  TokenCount,
} from "./client/client.ts";
export { estimateTokens } from "./codec/estimate.ts";
export { explain } from "./client/explain.ts";
export type { ExplainOptions, Explanation } from "./client/explain.ts";
export type { EstimateOptions } from "./codec/estimate.ts";
export type { FetchFunction } from "./client/call.ts";
export { createFallbackClient } from "./client/fallback.ts";
export type {
  FallbackClient,
  FallbackClientOptions,
  FallbackRequest,
  FallbackTarget,
} from "./client/fallback.ts";
export { FallbackError } from "./client/fallback_error.ts";
export type { FallbackAttempt } from "./client/fallback_error.ts";
export type * from "./client/fallback_events.ts";
export type { FallbackEventStream, FallbackResponse } from "./client/fallback_stream.ts";
export type * from "./client/events.ts";
export type { Sleep } from "./client/retry.ts";
export { anthropic } from "./providers/anthropic/mod.ts";
export { openai } from "./providers/openai/mod.ts";
export { google } from "./providers/google/mod.ts";
export { openaiResponses } from "./providers/openai-responses/mod.ts";
export { bedrock, createBedrock } from "./providers/bedrock/mod.ts";
export type { BedrockCredentials, BedrockOptions } from "./providers/bedrock/mod.ts";
export { getProvider, providers } from "./providers/mod.ts";
export type { ProviderName } from "./providers/mod.ts";
export {
  azureOpenAI,
  azureOpenAIResponses,
  getHost,
  hosts,
  openaiCompatible,
  vertexAnthropic,
  vertexGemini,
} from "./hosts/mod.ts";
export { costOf } from "./hosts/cost.ts";
export type { Cost, ModelPricing, TokenRates } from "./common/pricing.ts";
export type {
  AzureOpenAIOptions,
  AzureResponsesProvider,
  HostName,
  HostProvider,
  OpenAICompatibleOptions,
  VertexOptions,
} from "./hosts/mod.ts";

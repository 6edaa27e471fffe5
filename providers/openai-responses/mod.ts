/**
 * The OpenAI Responses API dialect (`POST /v1/responses`): reasoning summaries as thinking, the
 * reasoning itself sent back encrypted from one turn to the next without server state, function
 * calls by `call_id`, and OpenAI's provider-run tools kept as provider blocks.
 *
 * @example
 * ```ts
 * import { openaiResponses } from "@rosetta/llm/openai-responses";
 * import assert from "node:assert/strict";
 * const http = openaiResponses.buildHttpRequest(
 *   { model: "gpt-5-mini", messages: [{ role: "user", content: "Hi" }] },
 *   { apiKey: "sk-test", stream: true },
 * );
 * assert.equal(http.url, "https://api.openai.com/v1/responses");
 * assert.equal(JSON.parse(http.body).stream, true);
 * ```
 *
 * @module
 */

import { apiKeyOf, apiRoot, countRequest, readCount } from "../../codec/endpoint.ts";
import type { HttpRequest, HttpRequestOptions, Provider } from "../../common/provider.ts";
import type { ChatRequest } from "../../common/types.ts";
import { openAIResponsesErrorFromResponse } from "./errors.ts";
import {
  type OpenAIResponsesSerializeOptions,
  serializeOpenAIResponsesRequest,
} from "./request.ts";
import { parseOpenAIResponsesResponse } from "./response.ts";
import { createOpenAIResponsesStreamDecoder } from "./stream.ts";
import { costFunction } from "../../codec/cost.ts";
import { openAIPricing } from "../openai-shared/models.ts";

// What using this dialect alone needs, without the client, tools or other dialects.
export * from "../standalone.ts";
export { openAIResponsesErrorFromResponse } from "./errors.ts";
export { serializeOpenAIResponsesRequest } from "./request.ts";
export type { OpenAIResponsesSerializeOptions } from "./request.ts";
export { createOpenAIResponsesStreamDecoder } from "./stream.ts";
export { mapOpenAIResponsesFinishReason, mapOpenAIResponsesUsage } from "./mappers.ts";
export { parseOpenAIResponsesResponse } from "./response.ts";

/** Options of {@link OpenAIResponsesProvider.buildHttpRequest}: auth, and stored conversations. */
export interface OpenAIResponsesHttpOptions
  extends HttpRequestOptions, OpenAIResponsesSerializeOptions {}

/** The Responses dialect: the provider interface, its serializer taking stored conversations. */
export interface OpenAIResponsesProvider extends Provider<"openai-responses"> {
  /** Canonical request → wire JSON body; `store` and `previousResponseId` as options. */
  serializeRequest(request: ChatRequest, options?: OpenAIResponsesSerializeOptions): string;
  /** Canonical request → URL, headers and body for `fetch`. */
  buildHttpRequest(request: ChatRequest, options: OpenAIResponsesHttpOptions): HttpRequest;
}

function buildHttpRequest(request: ChatRequest, options: OpenAIResponsesHttpOptions): HttpRequest {
  const apiKey = apiKeyOf("openai-responses", options);
  return {
    url: `${apiRoot("openai-responses", options.baseUrl, "https://api.openai.com/v1")}/responses`,
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${apiKey}` },
    body: serializeOpenAIResponsesRequest(request, options),
  };
}

// What POST /v1/responses/input_tokens takes:
// https://developers.openai.com/api/reference/resources/responses/subresources/input_tokens
const COUNTED = [
  "model",
  "input",
  "instructions",
  "tools",
  "tool_choice",
  "text",
  "reasoning",
  "previous_response_id",
  "conversation",
  "parallel_tool_calls",
  "truncation",
];

function buildCountTokensRequest(request: ChatRequest, options: HttpRequestOptions): HttpRequest {
  const chat = buildHttpRequest(request, { ...options, stream: false });
  return countRequest(chat, `${chat.url}/input_tokens`, COUNTED);
}

/** The OpenAI Responses provider. */
export const openaiResponses: OpenAIResponsesProvider = {
  name: "openai-responses",
  profile: {
    label: "OpenAI Responses",
    models: { chat: "gpt-4o", thinking: "gpt-5-mini" },
    apiKeyEnv: ["OPENAI_API_KEY"],
  },
  serializeRequest: serializeOpenAIResponsesRequest,
  buildHttpRequest,
  parseResponse: parseOpenAIResponsesResponse,
  errorFromResponse: openAIResponsesErrorFromResponse,
  createStreamDecoder: createOpenAIResponsesStreamDecoder,
  pricing: openAIPricing,
  costOf: costFunction(openAIPricing),
  buildCountTokensRequest,
  parseCountTokensResponse: (body) => readCount("openai-responses", body, "input_tokens"),
};

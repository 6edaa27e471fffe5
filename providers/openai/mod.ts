/**
 * The OpenAI Chat Completions dialect (also spoken by many compatible servers: set `baseUrl`).
 *
 * @example
 * ```ts
 * import { openai } from "@rosetta/llm/openai";
 * import assert from "node:assert/strict";
 * const http = openai.buildHttpRequest(
 *   { model: "gpt-4o", messages: [{ role: "user", content: "Hi" }] },
 *   { apiKey: "sk-test" },
 * );
 * assert.equal(http.url, "https://api.openai.com/v1/chat/completions");
 * ```
 *
 * @module
 */

import { apiKeyOf, apiRoot } from "../../codec/endpoint.ts";
import type { HttpRequest, HttpRequestOptions, Provider } from "../../common/provider.ts";
import type { ChatRequest } from "../../common/types.ts";
import { openAIErrorFromResponse } from "./errors.ts";
import { serializeOpenAIRequest } from "./request.ts";
import { parseOpenAIResponse } from "./response.ts";
import { createOpenAIStreamDecoder } from "./stream.ts";
import { costFunction } from "../../codec/cost.ts";
import { openAIPricing } from "../openai-shared/models.ts";

// What using this dialect alone needs, without the client, tools or other dialects.
export * from "../standalone.ts";
export { openAIErrorFromResponse } from "./errors.ts";
export { serializeOpenAIRequest } from "./request.ts";
export { isOpenAIReasoningModel, openAIModel, openAIPricing } from "../openai-shared/models.ts";
export type { OpenAIModel } from "../openai-shared/models.ts";
export { createOpenAIStreamDecoder } from "./stream.ts";
export { mapOpenAIFinishReason, mapOpenAIUsage } from "./mappers.ts";
export { parseOpenAIResponse } from "./response.ts";

function buildHttpRequest(request: ChatRequest, options: HttpRequestOptions): HttpRequest {
  const apiKey = apiKeyOf("openai", options);
  return {
    url: `${apiRoot("openai", options.baseUrl, "https://api.openai.com/v1")}/chat/completions`,
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${apiKey}` },
    body: serializeOpenAIRequest(request, options),
  };
}

/** The OpenAI provider. */
export const openai: Provider<"openai"> = {
  name: "openai",
  profile: {
    label: "OpenAI",
    models: { chat: "gpt-4o", thinking: "o4-mini" },
    apiKeyEnv: ["OPENAI_API_KEY"],
  },
  serializeRequest: serializeOpenAIRequest,
  buildHttpRequest,
  parseResponse: parseOpenAIResponse,
  errorFromResponse: openAIErrorFromResponse,
  createStreamDecoder: createOpenAIStreamDecoder,
  pricing: openAIPricing,
  costOf: costFunction(openAIPricing),
};

/**
 * The Anthropic Messages API dialect.
 *
 * @example
 * ```ts
 * import { anthropic } from "@rosetta/llm/anthropic";
 * import assert from "node:assert/strict";
 * const http = anthropic.buildHttpRequest(
 *   { model: "claude-sonnet-4-5", messages: [{ role: "user", content: "Hi" }] },
 *   { apiKey: "sk-ant-test" },
 * );
 * assert.equal(http.url, "https://api.anthropic.com/v1/messages");
 * ```
 *
 * @module
 */

import { apiKeyOf, apiRoot, countRequest, readCount } from "../../codec/endpoint.ts";
import type { HttpRequest, HttpRequestOptions, Provider } from "../../common/provider.ts";
import type { ChatRequest } from "../../common/types.ts";
import { refersToFile } from "./documents.ts";
import { anthropicErrorFromResponse } from "./errors.ts";
import { serializeAnthropicRequest } from "./request.ts";
import { parseAnthropicResponse } from "./response.ts";
import { createAnthropicStreamDecoder } from "./stream.ts";
import { costFunction } from "../../codec/cost.ts";
import { anthropicOneHourWrites } from "./mappers.ts";
import { anthropicPricing } from "./models.ts";
import { ANTHROPIC_COUNTED_FIELDS } from "../anthropic-shared/count.ts";

// What using this dialect alone needs, without the client, tools or other dialects.
export * from "../standalone.ts";
export { anthropicErrorFromResponse } from "./errors.ts";
export { serializeAnthropicRequest } from "./request.ts";
export { createAnthropicStreamDecoder } from "./stream.ts";
export { mapAnthropicStopReason, mapAnthropicUsage } from "./mappers.ts";
export { parseAnthropicResponse } from "./response.ts";
export { anthropicModel, anthropicPricing } from "./models.ts";
export type { AnthropicModel } from "./models.ts";

/** The API version header rosetta speaks. */
export const ANTHROPIC_VERSION = "2023-06-01";
/** The beta a request referring to an uploaded file needs (the Files API). */
const FILES_BETA = "files-api-2025-04-14";

function buildHttpRequest(request: ChatRequest, options: HttpRequestOptions): HttpRequest {
  const apiKey = apiKeyOf("anthropic", options);
  const root = apiRoot("anthropic", options.baseUrl, "https://api.anthropic.com/v1");
  const body = serializeAnthropicRequest(request, options);
  const headers: Record<string, string> = {
    "content-type": "application/json",
    "x-api-key": apiKey,
    "anthropic-version": ANTHROPIC_VERSION,
  };
  if (refersToFile(request)) headers["anthropic-beta"] = FILES_BETA;
  return {
    url: `${root}/messages`,
    method: "POST",
    headers,
    body,
  };
}

function buildCountTokensRequest(request: ChatRequest, options: HttpRequestOptions): HttpRequest {
  const chat = buildHttpRequest(request, { ...options, stream: false });
  return countRequest(chat, `${chat.url}/count_tokens`, ANTHROPIC_COUNTED_FIELDS);
}

/** The Anthropic provider. */
export const anthropic: Provider<"anthropic"> = {
  name: "anthropic",
  profile: {
    label: "Anthropic",
    models: { chat: "claude-haiku-4-5", thinking: "claude-sonnet-4-5" },
    apiKeyEnv: ["ANTHROPIC_API_KEY"],
  },
  serializeRequest: serializeAnthropicRequest,
  buildHttpRequest,
  parseResponse: parseAnthropicResponse,
  errorFromResponse: anthropicErrorFromResponse,
  createStreamDecoder: createAnthropicStreamDecoder,
  pricing: anthropicPricing,
  costOf: costFunction(anthropicPricing, anthropicOneHourWrites),
  buildCountTokensRequest,
  parseCountTokensResponse: (body) => readCount("anthropic", body, "input_tokens"),
};

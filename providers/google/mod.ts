/**
 * The Google Gemini `generateContent` dialect.
 *
 * @example
 * ```ts
 * import { google } from "@rosetta/llm/google";
 * import assert from "node:assert/strict";
 * const http = google.buildHttpRequest(
 *   { model: "gemini-2.5-flash", messages: [{ role: "user", content: "Hi" }] },
 *   { apiKey: "test", stream: true },
 * );
 * assert.equal(http.url, "https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse");
 * ```
 *
 * @module
 */

import { apiKeyOf, apiRoot, countRequest, readCount } from "../../codec/endpoint.ts";
import type { HttpRequest, HttpRequestOptions, Provider } from "../../common/provider.ts";
import type { ChatRequest } from "../../common/types.ts";
import { googleErrorFromResponse } from "./errors.ts";
import { serializeGoogleRequest } from "./request.ts";
import { parseGoogleResponse } from "./response.ts";
import { createGoogleStreamDecoder } from "./stream.ts";
import { costFunction } from "../../codec/cost.ts";
import { googlePricing } from "./models.ts";

// What using this dialect alone needs, without the client, tools or other dialects.
export * from "../standalone.ts";
export { googleErrorFromResponse } from "./errors.ts";
export { serializeGoogleRequest } from "./request.ts";
export { createGoogleStreamDecoder } from "./stream.ts";
export { mapGoogleFinishReason, mapGoogleUsage } from "./mappers.ts";
export { parseGoogleResponse } from "./response.ts";
export { googleModel, googlePricing } from "./models.ts";
export type { GoogleBudget, GoogleModel } from "./models.ts";

function buildHttpRequest(request: ChatRequest, options: HttpRequestOptions): HttpRequest {
  const apiKey = apiKeyOf("google", options);
  const root = apiRoot(
    "google",
    options.baseUrl,
    "https://generativelanguage.googleapis.com/v1beta",
  );
  const body = serializeGoogleRequest(request, options); // validates the model id first
  const model = request.model.startsWith("models/") ? request.model : `models/${request.model}`;
  const method = options.stream ? "streamGenerateContent?alt=sse" : "generateContent";
  return {
    url: `${root}/${model}:${method}`,
    method: "POST",
    headers: { "content-type": "application/json", "x-goog-api-key": apiKey },
    body,
  };
}

// models.countTokens with the whole generateContentRequest, so that the system instruction and
// tools are counted too: https://ai.google.dev/api/tokens#method:-models.counttokens
const COUNTED = [
  "contents",
  "systemInstruction",
  "tools",
  "toolConfig",
  "safetySettings",
  "generationConfig",
  "cachedContent",
];

function buildCountTokensRequest(request: ChatRequest, options: HttpRequestOptions): HttpRequest {
  const chat = buildHttpRequest(request, { ...options, stream: false });
  const model = chat.url.slice(chat.url.lastIndexOf("/models/") + 1, chat.url.lastIndexOf(":"));
  const url = `${chat.url.slice(0, chat.url.lastIndexOf(":"))}:countTokens`;
  return countRequest(
    chat,
    url,
    COUNTED,
    (kept) => ({ generateContentRequest: { model, ...kept } }),
  );
}

/** The Google Gemini provider. */
export const google: Provider<"google"> = {
  name: "google",
  profile: {
    label: "Google",
    models: { chat: "gemini-2.5-flash", thinking: "gemini-2.5-flash" },
    apiKeyEnv: ["GOOGLE_API_KEY", "GEMINI_API_KEY"],
  },
  serializeRequest: serializeGoogleRequest,
  buildHttpRequest,
  parseResponse: parseGoogleResponse,
  errorFromResponse: googleErrorFromResponse,
  createStreamDecoder: createGoogleStreamDecoder,
  pricing: googlePricing,
  costOf: costFunction(googlePricing),
  buildCountTokensRequest,
  parseCountTokensResponse: (body) => readCount("google", body, "totalTokens"),
};

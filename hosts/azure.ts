/**
 * Azure OpenAI: OpenAI's models on a customer's Azure resource, speaking Chat Completions. Two URL
 * forms: the v1 API (`https://{resource}.openai.azure.com/openai/v1/chat/completions`, where
 * `model` names the deployment) and the older deployment URLs
 * (`…/openai/deployments/{deployment}/chat/completions?api-version=…`). The key goes in an
 * `api-key` header; a Microsoft Entra ID token goes in `Authorization: Bearer`. Content-filter
 * results (`prompt_filter_results`, each choice's `content_filter_results`) are kept in the
 * response's `providerMetadata`; a filtered answer finishes as `content_filter`.
 *
 * @see https://learn.microsoft.com/azure/ai-foundry/openai/api-version-lifecycle
 * @see https://learn.microsoft.com/azure/ai-foundry/openai/concepts/content-filter
 * @module
 */

import { apiKeyOf, apiRoot, isHttpUrl } from "../codec/endpoint.ts";
import { describeValue } from "../codec/describe.ts";
import { ValidationError } from "../common/errors.ts";
import type { HttpRequest, HttpRequestOptions, Provider } from "../common/provider.ts";
import type { ChatRequest } from "../common/types.ts";
import { openAIHttpError } from "../providers/openai-shared/errors.ts";
import { openAIModel } from "../providers/openai-shared/models.ts";
import {
  type OpenAIResponsesSerializeOptions,
  serializeResponsesRequest,
} from "../providers/openai-responses/request.ts";
import { parseResponsesResponse } from "../providers/openai-responses/response.ts";
import { createResponsesStreamDecoder } from "../providers/openai-responses/stream.ts";
import { type HostProvider, openaiCompatible } from "./host.ts";

/** Where an Azure OpenAI resource is and how to reach it. */
export interface AzureOpenAIOptions {
  /** The resource name, as in `https://{resource}.openai.azure.com`; or give `endpoint`. */
  resource?: string;
  /** The resource's endpoint, e.g. `https://my-res.openai.azure.com` (a proxy's, a sovereign cloud's). */
  endpoint?: string;
  /** A deployment, for the deployment URLs; without one the v1 API is used. */
  deployment?: string;
  /**
   * The `api-version` of the deployment URLs (the v1 API takes none).
   * @default "2024-10-21"
   */
  apiVersion?: string;
  /**
   * `api-key` for a resource key, `bearer` for a Microsoft Entra ID token.
   * @default "api-key"
   */
  auth?: "api-key" | "bearer";
}

/**
 * A provider for an Azure OpenAI resource.
 *
 * @param options The resource (or endpoint), and a deployment for the older URL form.
 * @returns The provider, named `azure`.
 * @throws {ValidationError} When neither a resource nor an endpoint is given.
 *
 * @example Both URL forms
 * ```ts
 * import { azureOpenAI } from "@rosetta/llm/hosts";
 * import assert from "node:assert/strict";
 * const request = { model: "gpt-4o", messages: [{ role: "user" as const, content: "Hi" }] };
 * const v1 = azureOpenAI({ resource: "contoso" }).buildHttpRequest(request, { apiKey: "k" });
 * assert.equal(v1.url, "https://contoso.openai.azure.com/openai/v1/chat/completions");
 * assert.equal(v1.headers["api-key"], "k");
 * const old = azureOpenAI({ resource: "contoso", deployment: "gpt4o-prod" });
 * assert.equal(
 *   old.buildHttpRequest(request, { apiKey: "k" }).url,
 *   "https://contoso.openai.azure.com/openai/deployments/gpt4o-prod/chat/completions?api-version=2024-10-21",
 * );
 * ```
 */
export function azureOpenAI(options: AzureOpenAIOptions): HostProvider<"azure"> {
  const endpoint = endpointOf("azureOpenAI", "azure", options);
  const deployment = options.deployment;
  return openaiCompatible({
    name: "azure",
    label: "Azure OpenAI",
    baseUrl: deployment === undefined
      ? `${endpoint}/openai/v1`
      : `${endpoint}/openai/deployments/${encodeURIComponent(deployment)}`,
    chatPath: deployment === undefined
      ? "/chat/completions"
      : `/chat/completions?api-version=${encodeURIComponent(options.apiVersion ?? "2024-10-21")}`,
    auth: options.auth ?? "api-key",
    apiKeyEnv: ["AZURE_OPENAI_API_KEY"],
    models: openAIModel,
    examples: { chat: "gpt-4o", thinking: "o4-mini" },
  });
}

function endpointOf(maker: string, name: string, options: AzureOpenAIOptions): string {
  const fail = (path: string, detail: string): never => {
    throw new ValidationError(`Cannot create ${maker}: ${detail}`, { provider: name, path });
  };
  if (options?.endpoint !== undefined) {
    if (!isHttpUrl(options.endpoint)) {
      fail(
        "endpoint",
        `endpoint must be an http:// or https:// URL, got ${describeValue(options.endpoint)}`,
      );
    }
    return options.endpoint.replace(/\/+$/, "");
  }
  const resource = options?.resource;
  if (resource === undefined) return fail("resource", "resource or endpoint is required");
  if (typeof resource !== "string" || !/^[a-zA-Z0-9-]+$/.test(resource)) {
    fail(
      "resource",
      `resource must be a resource name (letters, digits, -), got ${describeValue(resource)}`,
    );
  }
  return `https://${resource}.openai.azure.com`;
}

/** Options of an Azure Responses provider's `buildHttpRequest`: auth, and stored conversations. */
export interface AzureResponsesHttpOptions
  extends HttpRequestOptions, OpenAIResponsesSerializeOptions {}

/** Azure OpenAI's Responses API: the Responses dialect at the resource's URL. */
export interface AzureResponsesProvider extends Provider<"azure-responses"> {
  /** Canonical request → wire JSON body; `store` and `previousResponseId` as options. */
  serializeRequest(request: ChatRequest, options?: OpenAIResponsesSerializeOptions): string;
  /** Canonical request → URL, headers and body for `fetch`. */
  buildHttpRequest(request: ChatRequest, options: AzureResponsesHttpOptions): HttpRequest;
}

/**
 * A provider for an Azure OpenAI resource's Responses API (`…/openai/v1/responses`), the same
 * dialect as `openaiResponses` under the name `azure-responses`. `deployment` is not used: the
 * request's `model` names the deployment.
 *
 * @param options The resource (or endpoint) and the auth form.
 * @returns The provider.
 * @throws {ValidationError} When neither a resource nor an endpoint is given.
 *
 * @example
 * ```ts
 * import { azureOpenAIResponses } from "@rosetta/llm/hosts";
 * import assert from "node:assert/strict";
 * const azure = azureOpenAIResponses({ resource: "contoso" });
 * const http = azure.buildHttpRequest(
 *   { model: "gpt-5-mini", messages: [{ role: "user", content: "Hi" }] },
 *   { apiKey: "k" },
 * );
 * assert.equal(http.url, "https://contoso.openai.azure.com/openai/v1/responses");
 * assert.equal(http.headers["api-key"], "k");
 * ```
 */
export function azureOpenAIResponses(options: AzureOpenAIOptions): AzureResponsesProvider {
  const name = "azure-responses";
  const root = `${endpointOf("azureOpenAIResponses", name, options)}/openai/v1`;
  const serializeRequest = (
    request: ChatRequest,
    serialize: OpenAIResponsesSerializeOptions = {},
  ) => serializeResponsesRequest(name, request, serialize);
  return {
    name,
    profile: {
      label: "Azure OpenAI Responses",
      models: { chat: "gpt-4o", thinking: "gpt-5-mini" },
      apiKeyEnv: ["AZURE_OPENAI_API_KEY"],
    },
    serializeRequest,
    buildHttpRequest(request, http) {
      const apiKey = apiKeyOf(name, http);
      const headers: Record<string, string> = { "content-type": "application/json" };
      if (options.auth === "bearer") headers.authorization = `Bearer ${apiKey}`;
      else headers["api-key"] = apiKey;
      const url = `${apiRoot(name, http.baseUrl, root)}/responses`;
      return { url, method: "POST", headers, body: serializeRequest(request, http) };
    },
    parseResponse: (body) => parseResponsesResponse(name, body),
    errorFromResponse: (status, body, headers) => openAIHttpError(name, status, body, headers),
    createStreamDecoder: (decoder = {}) => createResponsesStreamDecoder(name, decoder),
  };
}

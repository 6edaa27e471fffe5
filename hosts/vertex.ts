/**
 * Google Vertex AI: Gemini and Claude under a Google Cloud project's identity and billing. Gemini
 * speaks Google's dialect at `…/publishers/google/models/{model}:generateContent` (streams:
 * `:streamGenerateContent?alt=sse`); Claude speaks Anthropic's at
 * `…/publishers/anthropic/models/{model}:rawPredict` (streams: `:streamRawPredict`) with the body
 * naming no model and carrying `anthropic_version: "vertex-2023-10-16"`. Both read with their
 * dialect's own reader and keep its name (`google`, `anthropic`), so a conversation's signatures go
 * back to the same models on Vertex. Token counts go to Vertex's own endpoints: Gemini's
 * `:countTokens` (the fields at the top level) and Claude's `count-tokens:rawPredict` (one for every
 * model, named in the body). Auth is an OAuth access token: `getAccessToken()` is called
 * before each attempt (plug in google-auth-library or a metadata-server fetch; rosetta has no
 * Google dependency), or a token passed as `apiKey` is sent as it is.
 *
 * @see https://cloud.google.com/vertex-ai/generative-ai/docs/model-reference/inference
 * @see https://cloud.google.com/vertex-ai/generative-ai/docs/partner-models/claude/use-claude
 * @see https://cloud.google.com/vertex-ai/docs/reference/rest/v1/projects.locations.endpoints/countTokens
 * @see https://cloud.google.com/vertex-ai/generative-ai/docs/partner-models/claude/count-tokens
 * @module
 */

import { apiKeyOf, apiRoot, countRequest, readCount } from "../codec/endpoint.ts";
import { describeValue } from "../codec/describe.ts";
import { ValidationError } from "../common/errors.ts";
import type { HttpRequest, HttpRequestOptions, Provider } from "../common/provider.ts";
import type { ChatRequest } from "../common/types.ts";
import { anthropic } from "../providers/anthropic/mod.ts";
import { ANTHROPIC_COUNTED_FIELDS } from "../providers/anthropic-shared/count.ts";
import { google } from "../providers/google/mod.ts";

/** Where a Vertex AI project is, and how to get its access token. */
export interface VertexOptions {
  /** The Google Cloud project id. */
  project: string;
  /**
   * The region, e.g. `us-east5`, or `global` for the global endpoint.
   * @default "global"
   */
  location?: string;
  /**
   * Gives an OAuth access token, asked before each attempt (so a refreshed one is used). Without
   * it, the `apiKey` a call is given is sent as the bearer token.
   */
  getAccessToken?: () => string | Promise<string>;
}

/** The `anthropic_version` Claude on Vertex takes in the body. */
export const VERTEX_ANTHROPIC_VERSION = "vertex-2023-10-16";

// One path segment, encoded, keeping the `@` of Vertex's versioned model ids as Vertex writes it.
const segment = (value: string) => encodeURIComponent(value).replaceAll("%40", "@");

interface Publisher<Name extends string> {
  dialect: Provider<Name>;
  publisher: "google" | "anthropic";
  label: string;
  method: (stream: boolean) => string;
  body: (request: ChatRequest, http: HttpRequestOptions) => string;
  /** The count request from the chat request built (`models`: the URL up to a model's id). */
  count: (chat: HttpRequest, request: ChatRequest, models: string) => HttpRequest;
  /** The count's field in the counting endpoint's answer. */
  countField: string;
}

function vertexProvider<Name extends string>(
  maker: string,
  options: VertexOptions,
  publisher: Publisher<Name>,
): Provider<Name> {
  const { dialect } = publisher;
  if (typeof options?.project !== "string" || options.project === "") {
    throw new ValidationError(`Cannot create ${maker}: project is required`, {
      provider: dialect.name,
      path: "project",
    });
  }
  const location = options.location ?? "global";
  const host = location === "global"
    ? "https://aiplatform.googleapis.com/v1"
    : `https://${location}-aiplatform.googleapis.com/v1`;
  const scope =
    `/projects/${options.project}/locations/${location}/publishers/${publisher.publisher}`;
  const getAccessToken = options.getAccessToken;
  const models = (http: HttpRequestOptions) =>
    `${apiRoot(dialect.name, http.baseUrl, host)}${scope}/models/`;
  function buildHttpRequest(request: ChatRequest, http: HttpRequestOptions): HttpRequest {
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (getAccessToken === undefined) {
      headers.authorization = `Bearer ${apiKeyOf(dialect.name, http)}`;
    }
    return {
      url: `${models(http)}${segment(request.model)}:${publisher.method(http.stream === true)}`,
      method: "POST",
      headers,
      body: publisher.body(request, http),
    };
  }
  return {
    ...dialect,
    profile: {
      ...dialect.profile,
      label: publisher.label,
      apiKeyEnv: [],
      keyless: getAccessToken !== undefined,
    },
    buildHttpRequest,
    // Vertex's own counting endpoints, not the dialect's public API's.
    buildCountTokensRequest: (request, http) =>
      publisher.count(buildHttpRequest(request, { ...http, stream: false }), request, models(http)),
    parseCountTokensResponse: (body) => readCount(dialect.name, body, publisher.countField),
    authorize: getAccessToken === undefined ? undefined : async (http) => {
      const token = await getAccessToken();
      if (typeof token !== "string" || token === "") {
        throw new Error(`getAccessToken gave ${describeValue(token)}, not a token`);
      }
      return { ...http, headers: { ...http.headers, authorization: `Bearer ${token}` } };
    },
  };
}

/**
 * Gemini on Vertex AI.
 *
 * @param options The project, location and token source.
 * @returns The provider (named `google`: Gemini's dialect, its signatures valid on both).
 * @throws {ValidationError} Without a project.
 *
 * @example
 * ```ts
 * import { vertexGemini } from "@rosetta/llm/hosts";
 * import assert from "node:assert/strict";
 * const vertex = vertexGemini({ project: "acme", location: "us-central1", getAccessToken: () => "ya29.t" });
 * const http = vertex.buildHttpRequest(
 *   { model: "gemini-2.5-flash", messages: [{ role: "user", content: "Hi" }] },
 *   { apiKey: "", stream: true },
 * );
 * assert.equal(
 *   http.url,
 *   "https://us-central1-aiplatform.googleapis.com/v1/projects/acme/locations/us-central1/publishers/google/models/gemini-2.5-flash:streamGenerateContent?alt=sse",
 * );
 * const signed = await vertex.authorize!(http, new AbortController().signal);
 * assert.equal(signed.headers.authorization, "Bearer ya29.t");
 * ```
 */
export function vertexGemini(options: VertexOptions): Provider<"google"> {
  return vertexProvider("vertexGemini", options, {
    dialect: google,
    publisher: "google",
    label: "Gemini on Vertex AI",
    method: (stream) => stream ? "streamGenerateContent?alt=sse" : "generateContent",
    body: (request, http) => google.serializeRequest(request, http),
    // `:countTokens` takes the fields at the top level, where Gemini's API wraps them.
    count: (chat) =>
      countRequest(chat, `${chat.url.slice(0, chat.url.lastIndexOf(":"))}:countTokens`, [
        "contents",
        "systemInstruction",
        "tools",
        "generationConfig",
      ]),
    countField: "totalTokens",
  });
}

/**
 * Claude on Vertex AI.
 *
 * @param options The project, location (Claude runs in some regions and `global`) and token source.
 * @returns The provider (named `anthropic`: Anthropic's dialect, its signatures valid on both).
 * @throws {ValidationError} Without a project.
 *
 * @example
 * ```ts
 * import { vertexAnthropic } from "@rosetta/llm/hosts";
 * import assert from "node:assert/strict";
 * const vertex = vertexAnthropic({ project: "acme", location: "us-east5" });
 * const http = vertex.buildHttpRequest(
 *   { model: "claude-sonnet-4-5@20250929", messages: [{ role: "user", content: "Hi" }] },
 *   { apiKey: "ya29.token" },
 * );
 * assert.ok(http.url.endsWith("/publishers/anthropic/models/claude-sonnet-4-5@20250929:rawPredict"));
 * assert.equal(JSON.parse(http.body).anthropic_version, "vertex-2023-10-16");
 * assert.equal(JSON.parse(http.body).model, undefined);
 * ```
 */
export function vertexAnthropic(options: VertexOptions): Provider<"anthropic"> {
  return vertexProvider("vertexAnthropic", options, {
    dialect: anthropic,
    publisher: "anthropic",
    label: "Claude on Vertex AI",
    method: (stream) => stream ? "streamRawPredict" : "rawPredict",
    body: vertexAnthropicBody,
    // One `count-tokens` endpoint for every model: the model goes in the body.
    count: (chat, request, models) =>
      countRequest(
        chat,
        `${models}count-tokens:rawPredict`,
        ANTHROPIC_COUNTED_FIELDS,
        (kept) => ({ anthropic_version: VERTEX_ANTHROPIC_VERSION, model: request.model, ...kept }),
      ),
    countField: "input_tokens",
  });
}

// The Messages body with `anthropic_version` where `model` was: the serializer writes the model
// first, so the body is rewritten at its head instead of parsed and written again.
function vertexAnthropicBody(request: ChatRequest, http: HttpRequestOptions): string {
  const body = anthropic.serializeRequest(request, http);
  const head = `{"model":${JSON.stringify(request.model)},`;
  const version = `{"anthropic_version":"${VERTEX_ANTHROPIC_VERSION}",`;
  if (body.startsWith(head)) return version + body.slice(head.length);
  const { model: _, ...rest } = JSON.parse(body);
  return JSON.stringify({ anthropic_version: VERTEX_ANTHROPIC_VERSION, ...rest });
}

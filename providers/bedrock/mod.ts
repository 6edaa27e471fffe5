/**
 * The AWS Bedrock Converse dialect: Claude, Nova, Llama, Mistral and DeepSeek under an AWS
 * account's identity and billing. `bedrock` sends a Bedrock API key (`AWS_BEARER_TOKEN_BEDROCK`)
 * as a bearer token to `us-east-1`; {@link createBedrock} picks the region and signs each attempt
 * with SigV4 from AWS credentials instead. Streams are AWS's binary event stream.
 *
 * @example A signed Converse request
 * ```ts
 * import { createBedrock } from "@rosetta/llm/bedrock";
 * import assert from "node:assert/strict";
 * const bedrock = createBedrock({
 *   region: "eu-west-1",
 *   credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" },
 * });
 * const http = bedrock.buildHttpRequest(
 *   { model: "eu.anthropic.claude-sonnet-4-5-20250929-v1:0", messages: [{ role: "user", content: "Hi" }] },
 *   { apiKey: "" },
 * );
 * assert.equal(http.url, "https://bedrock-runtime.eu-west-1.amazonaws.com/model/eu.anthropic.claude-sonnet-4-5-20250929-v1%3A0/converse");
 * const signed = await bedrock.authorize!(http, new AbortController().signal);
 * assert.match(signed.headers.authorization, /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/eu-west-1\/bedrock\/aws4_request, /);
 * ```
 *
 * @module
 */

import { apiKeyOf, apiRoot, countRequest, readCount } from "../../codec/endpoint.ts";
import { ValidationError } from "../../common/errors.ts";
import type { HttpRequest, HttpRequestOptions, Provider } from "../../common/provider.ts";
import type { ChatRequest } from "../../common/types.ts";
import { type BedrockCredentials, bedrockSigner } from "./auth.ts";
import { bedrockErrorFromResponse } from "./errors.ts";
import { serializeBedrockRequest } from "./request.ts";
import { parseBedrockResponse } from "./response.ts";
import { createBedrockStreamDecoder } from "./stream.ts";
import { bedrockPricing } from "./pricing.ts";
import { costFunction } from "../../codec/cost.ts";

// What using this dialect alone needs, without the client, tools or other dialects.
export * from "../standalone.ts";
export { bedrockErrorFromResponse } from "./errors.ts";
export { serializeBedrockRequest } from "./request.ts";
export { parseBedrockResponse } from "./response.ts";
export { createBedrockStreamDecoder } from "./stream.ts";
export { mapBedrockStopReason, mapBedrockUsage } from "./mappers.ts";
export { bedrockModel } from "./models.ts";
export { bedrockPricing } from "./pricing.ts";
export type { BedrockModel, BedrockVendor } from "./models.ts";
export type { BedrockCredentials } from "./auth.ts";
export { canonicalAwsRequest, signAwsRequest } from "../../codec/sigv4.ts";
export type { AwsCredentials, AwsSigningOptions, CanonicalAwsRequest } from "../../codec/sigv4.ts";
export { createAwsEventStreamDecoder } from "../../codec/aws_event_stream.ts";
export type {
  AwsEventHeaderValue,
  AwsEventMessage,
  AwsEventStreamDecoder,
} from "../../codec/aws_event_stream.ts";

/** Where Bedrock runs and how its requests are authorized. */
export interface BedrockOptions {
  /**
   * The AWS region of the Bedrock Runtime endpoint (and of the signature).
   * @default "us-east-1"
   */
  region?: string;
  /**
   * AWS credentials to sign each attempt with (SigV4), or a callback giving them before each
   * attempt. Without them, the client's `apiKey` (a Bedrock API key) is sent as a bearer token.
   */
  credentials?: BedrockCredentials;
}

const REGION = /^[a-z]{2}(?:-[a-z]+)+-\d+$/;
const COUNTED = ["messages", "system", "toolConfig", "additionalModelRequestFields"];
const PROFILE_PREFIX = /^(?:us|us-gov|eu|apac|jp|au|ca|global)\./;
// Converse reports one count of cache writes: each is billed at the 5-minute rate.
const bedrockCost = costFunction(bedrockPricing);

/**
 * A Bedrock provider for a region, authorized by a Bedrock API key or by AWS credentials.
 *
 * @param options The region and, to sign with SigV4, the credentials.
 * @returns The provider (named `bedrock`).
 * @throws {ValidationError} For a region that is not one, or static credentials missing a field.
 *
 * @example With a Bedrock API key in another region
 * ```ts
 * import { createBedrock } from "@rosetta/llm/bedrock";
 * import assert from "node:assert/strict";
 * const bedrock = createBedrock({ region: "us-west-2" });
 * const http = bedrock.buildHttpRequest(
 *   { model: "amazon.nova-pro-v1:0", messages: [{ role: "user", content: "Hi" }] },
 *   { apiKey: "bedrock-api-key", stream: true },
 * );
 * assert.equal(http.url, "https://bedrock-runtime.us-west-2.amazonaws.com/model/amazon.nova-pro-v1%3A0/converse-stream");
 * assert.equal(http.headers.authorization, "Bearer bedrock-api-key");
 * ```
 */
export function createBedrock(options: BedrockOptions = {}): Provider<"bedrock"> {
  const region = options?.region ?? "us-east-1";
  if (typeof region !== "string" || !REGION.test(region)) {
    throw new ValidationError(
      `Cannot create bedrock provider: region must be an AWS region such as "us-east-1", got ${
        JSON.stringify(region)
      }`,
      { provider: "bedrock", path: "region" },
    );
  }
  const signs = options.credentials !== undefined;
  const authorize = signs ? bedrockSigner(options.credentials!, region) : undefined;
  const host = `https://bedrock-runtime.${region}.amazonaws.com`;
  function buildHttpRequest(request: ChatRequest, http: HttpRequestOptions): HttpRequest {
    const root = apiRoot("bedrock", http.baseUrl, host);
    const stream = http.stream === true;
    const body = serializeBedrockRequest(request, http);
    const headers: Record<string, string> = {
      "content-type": "application/json",
      accept: stream ? "application/vnd.amazon.eventstream" : "application/json",
    };
    if (!signs) headers.authorization = `Bearer ${apiKeyOf("bedrock", http)}`;
    return {
      url: `${root}/model/${encodeURIComponent(request.model)}/${
        stream ? "converse-stream" : "converse"
      }`,
      method: "POST",
      headers,
      body,
    };
  }
  // CountTokens takes a foundation model's own id, not an inference profile's, and the Converse
  // fields that reach the model under input.converse (API_runtime_CountTokens).
  function buildCountTokensRequest(request: ChatRequest, http: HttpRequestOptions): HttpRequest {
    const chat = buildHttpRequest(request, { ...http, stream: false });
    const model = encodeURIComponent(request.model.replace(PROFILE_PREFIX, ""));
    const url = `${chat.url.slice(0, chat.url.indexOf("/model/"))}/model/${model}/count-tokens`;
    return countRequest(chat, url, COUNTED, (converse) => ({ input: { converse } }));
  }
  return {
    name: "bedrock",
    profile: {
      label: "Bedrock",
      models: {
        chat: "us.anthropic.claude-haiku-4-5-20251001-v1:0",
        thinking: "us.anthropic.claude-sonnet-4-5-20250929-v1:0",
      },
      apiKeyEnv: signs ? [] : ["AWS_BEARER_TOKEN_BEDROCK"],
      keyless: signs,
      streamFormat: "aws-event-stream",
    },
    serializeRequest: serializeBedrockRequest,
    buildHttpRequest,
    parseResponse: parseBedrockResponse,
    errorFromResponse: bedrockErrorFromResponse,
    createStreamDecoder: createBedrockStreamDecoder,
    buildCountTokensRequest,
    parseCountTokensResponse: (body) => readCount("bedrock", body, "inputTokens"),
    pricing: bedrockPricing,
    costOf: bedrockCost,
    authorize,
  };
}

/** Bedrock in `us-east-1` with a Bedrock API key (`AWS_BEARER_TOKEN_BEDROCK`) as bearer token. */
export const bedrock: Provider<"bedrock"> = createBedrock();

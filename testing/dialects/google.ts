/**
 * The Gemini API as the mock speaks it: `POST /v1beta/models/{model}:generateContent` and
 * `:streamGenerateContent?alt=sse` with `x-goog-api-key` (or `?key=`); each SSE event a whole
 * `GenerateContentResponse`, the last with `finishReason` and `usageMetadata`; errors as
 * `{error: {code, message, status, details}}` with the retry delay in a `RetryInfo` detail.
 *
 * @see https://ai.google.dev/api/generate-content
 * @see https://ai.google.dev/gemini-api/docs/troubleshooting
 * @module
 */

import type { JsonObject } from "../../common/json_object.ts";
import { finishOf, type MockBlock, type MockReply, pieces } from "../script.ts";
import type { MockDialect, MockEvent } from "./dialect.ts";

const FINISH_REASON = { stop: "STOP", length: "MAX_TOKENS", tool_use: "STOP" };
const STATUS: Record<number, string> = {
  400: "INVALID_ARGUMENT",
  401: "UNAUTHENTICATED",
  403: "PERMISSION_DENIED",
  404: "NOT_FOUND",
  429: "RESOURCE_EXHAUSTED",
  500: "INTERNAL",
  503: "UNAVAILABLE",
  504: "DEADLINE_EXCEEDED",
};

// The parts of one block: a whole part, or one per streamed piece (signature on the last).
function parts(block: MockBlock, streamed: boolean): JsonObject[] {
  if (block.type === "tool_call") {
    return [{ functionCall: { name: block.name, args: block.arguments } }];
  }
  const texts = streamed ? pieces(block.text) : [block.text];
  const out: JsonObject[] = texts.map((text) =>
    block.type === "thinking" ? { text, thought: true } : { text }
  );
  if (block.type === "thinking") out[out.length - 1].thoughtSignature = block.signature;
  return out;
}

function usageMetadata(reply: MockReply): JsonObject {
  const { inputTokens, outputTokens, thinkingTokens } = reply.usage;
  const usage: JsonObject = {
    promptTokenCount: inputTokens,
    candidatesTokenCount: outputTokens,
    totalTokenCount: inputTokens + outputTokens + thinkingTokens,
  };
  if (thinkingTokens > 0) usage.thoughtsTokenCount = thinkingTokens;
  return usage;
}

function envelope(model: string, id: string, partList: JsonObject[]): JsonObject {
  return {
    candidates: [{ content: { role: "model", parts: partList }, index: 0 }],
    modelVersion: model,
    responseId: id,
  };
}

function finish(chunk: JsonObject, reply: MockReply): JsonObject {
  (chunk.candidates as JsonObject[])[0].finishReason = FINISH_REASON[finishOf(reply)];
  chunk.usageMetadata = usageMetadata(reply);
  return chunk;
}

/** The Gemini dialect of the mock server. */
export const googleMock: MockDialect = {
  basePath: "/v1beta",
  route: "/v1beta/models/:target{.+}",
  // https://ai.google.dev/api/tokens#method:-models.counttokens
  countTokens: {
    route: "/v1beta/models/:target{.+:countTokens}",
    response: (tokens) => ({
      totalTokens: tokens,
      promptTokensDetails: [{ modality: "TEXT", tokenCount: tokens }],
    }),
  },
  keyHeader: "x-goog-api-key",
  credential(request) {
    return request.headers.get("x-goog-api-key") ?? new URL(request.url).searchParams.get("key") ??
      undefined;
  },
  target(url) {
    const [model, method] = decodeURIComponent(url.pathname.slice("/v1beta/models/".length)).split(
      ":",
    );
    return { model, stream: method === "streamGenerateContent" };
  },
  response(reply, model, id) {
    return finish(
      envelope(model, id, reply.content.flatMap((block) => parts(block, false))),
      reply,
    );
  },
  events(reply, model, id) {
    const chunks = reply.content.flatMap((block) => parts(block, true)).map((part) =>
      envelope(model, id, [part])
    );
    if (chunks.length === 0) chunks.push(envelope(model, id, []));
    finish(chunks[chunks.length - 1], reply);
    return chunks.map((data): MockEvent => ({ data: JSON.stringify(data) }));
  },
  error(status, message, retryAfterMs) {
    const error: JsonObject = { code: status, message, status: STATUS[status] ?? "UNKNOWN" };
    if (retryAfterMs !== undefined) {
      error.details = [{
        "@type": "type.googleapis.com/google.rpc.RetryInfo",
        retryDelay: `${retryAfterMs / 1000}s`,
      }];
    }
    return { body: { error }, headers: {} };
  },
};

/**
 * Bedrock Converse as the mock speaks it: `POST /model/{modelId}/converse` (and
 * `/converse-stream`, answered in AWS event-stream frames), authorized by a Bedrock API key
 * (`Authorization: Bearer`) or a SigV4 signature (`AWS4-HMAC-SHA256 Credential=…` with
 * `x-amz-date`; the access key id is the credential checked). Errors are `{"message"}` bodies
 * with the exception's name in `x-amzn-errortype`; an in-stream error is an exception frame.
 *
 * @see https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_Converse.html
 * @see https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_ConverseStream.html
 * @module
 */

import type { JsonObject } from "../../common/json_object.ts";
import { converseExceptionHeaders } from "../aws_frames.ts";
import { finishOf, type MockBlock, type MockReply, pieces } from "../script.ts";
import { fragments, type MockDialect, type MockEvent, retryHeaders } from "./dialect.ts";

const STOP_REASON = { stop: "end_turn", length: "max_tokens", tool_use: "tool_use" };
const EXCEPTION: Record<number, string> = {
  400: "ValidationException",
  401: "UnrecognizedClientException",
  403: "AccessDeniedException",
  404: "ResourceNotFoundException",
  408: "ModelTimeoutException",
  422: "ValidationException",
  424: "ModelErrorException",
  429: "ThrottlingException",
  500: "InternalServerException",
  503: "ServiceUnavailableException",
};
const SIGNATURE =
  /^AWS4-HMAC-SHA256 Credential=([^/\s]+)\/\d{8}\/[a-z0-9-]+\/bedrock\/aws4_request, SignedHeaders=[a-z0-9;-]+, Signature=[0-9a-f]{64}$/;

function toolId(block: { id?: string }, index: number): string {
  return block.id ?? `tooluse_mock${index}`;
}

function wireBlock(block: MockBlock, index: number): JsonObject {
  switch (block.type) {
    case "text":
      return { text: block.text };
    case "thinking":
      return {
        reasoningContent: { reasoningText: { text: block.text, signature: block.signature } },
      };
    case "tool_call":
      return {
        toolUse: { toolUseId: toolId(block, index), name: block.name, input: block.arguments },
      };
  }
}

function blockEvents(block: MockBlock, index: number): MockEvent[] {
  const at = { contentBlockIndex: index };
  const out: Array<[string, JsonObject]> = [];
  const delta = (d: JsonObject) => out.push(["contentBlockDelta", { ...at, delta: d }]);
  if (block.type === "text") { for (const text of pieces(block.text)) delta({ text }); }
  else if (block.type === "thinking") {
    for (const text of pieces(block.text)) delta({ reasoningContent: { text } });
    delta({ reasoningContent: { signature: block.signature } });
  } else {
    const start = { toolUse: { toolUseId: toolId(block, index), name: block.name } };
    out.push(["contentBlockStart", { ...at, start }]);
    const json = JSON.stringify(block.arguments);
    if (json !== "{}") { for (const input of fragments(json)) delta({ toolUse: { input } }); }
  }
  out.push(["contentBlockStop", at]);
  return out.map(([event, data]) => ({ event, data: JSON.stringify(data) }));
}

function usageOf(reply: MockReply): JsonObject {
  const { inputTokens, outputTokens, thinkingTokens } = reply.usage;
  const output = outputTokens + thinkingTokens;
  return { inputTokens, outputTokens: output, totalTokens: inputTokens + output };
}

/** The Bedrock Converse dialect of the mock server. */
export const bedrockMock: MockDialect = {
  basePath: "",
  route: "/model/:target{.+}",
  // https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_CountTokens.html
  countTokens: {
    route: "/model/:target{.+/count-tokens}",
    response: (tokens) => ({ inputTokens: tokens }),
  },
  keyHeader: "authorization",
  streamFormat: "aws-event-stream",
  credential(request) {
    const authorization = request.headers.get("authorization") ?? "";
    const bearer = /^Bearer (.+)$/.exec(authorization)?.[1];
    if (bearer !== undefined) return bearer;
    const signed = SIGNATURE.exec(authorization);
    const date = request.headers.get("x-amz-date") ?? "";
    return signed !== null && /^\d{8}T\d{6}Z$/.test(date) ? signed[1] : undefined;
  },
  target(url) {
    const path = url.pathname.slice("/model/".length);
    const at = path.lastIndexOf("/");
    return {
      model: decodeURIComponent(path.slice(0, at)),
      stream: path.slice(at + 1) === "converse-stream",
    };
  },
  response(reply) {
    return {
      output: { message: { role: "assistant", content: reply.content.map(wireBlock) } },
      stopReason: STOP_REASON[finishOf(reply)],
      usage: usageOf(reply),
      metrics: { latencyMs: 42 },
    };
  },
  events(reply) {
    const events: MockEvent[] = [{ event: "messageStart", data: '{"role":"assistant"}' }];
    reply.content.forEach((block, index) => events.push(...blockEvents(block, index)));
    events.push(
      { event: "messageStop", data: JSON.stringify({ stopReason: STOP_REASON[finishOf(reply)] }) },
      {
        event: "metadata",
        data: JSON.stringify({ usage: usageOf(reply), metrics: { latencyMs: 42 } }),
      },
    );
    return events;
  },
  streamError(message) {
    return {
      headers: converseExceptionHeaders("modelStreamErrorException"),
      data: JSON.stringify({ message }),
    };
  },
  error(status, message, retryAfterMs) {
    const name = EXCEPTION[status] ??
      (status >= 500 ? "InternalServerException" : "ValidationException");
    return {
      body: { message },
      headers: {
        "x-amzn-errortype": `${name}:http://internal.amazon.com/coral/com.amazon.bedrock/`,
        ...retryHeaders(retryAfterMs),
      },
    };
  },
};

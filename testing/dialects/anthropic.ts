/**
 * The Anthropic Messages API as the mock speaks it: `POST /v1/messages` with `x-api-key` and
 * `anthropic-version`; `message_start` … `message_stop` events; `{type: "error", error}` bodies.
 *
 * @see https://docs.anthropic.com/en/api/messages-streaming
 * @see https://docs.anthropic.com/en/api/errors
 * @module
 */

import type { JsonObject } from "../../common/json_object.ts";
import { finishOf, type MockBlock, pieces } from "../script.ts";
import { fragments, type MockDialect, type MockEvent, retryHeaders } from "./dialect.ts";

const STOP_REASON = { stop: "end_turn", length: "max_tokens", tool_use: "tool_use" };
const ERROR_TYPE: Record<number, string> = {
  400: "invalid_request_error",
  401: "authentication_error",
  403: "permission_error",
  404: "not_found_error",
  413: "request_too_large",
  429: "rate_limit_error",
  504: "timeout_error",
  529: "overloaded_error",
};

function toolId(block: { id?: string }, index: number): string {
  return block.id ?? `toolu_mock${index}`;
}

function wireBlock(block: MockBlock, index: number): JsonObject {
  switch (block.type) {
    case "text":
      return { type: "text", text: block.text };
    case "thinking":
      return { type: "thinking", thinking: block.text, signature: block.signature };
    case "tool_call":
      return {
        type: "tool_use",
        id: toolId(block, index),
        name: block.name,
        input: block.arguments,
      };
  }
}

// content_block_start, the deltas, content_block_stop.
function blockEvents(block: MockBlock, index: number): JsonObject[] {
  const delta = (d: JsonObject) => ({ type: "content_block_delta", index, delta: d });
  const out: JsonObject[] = [];
  if (block.type === "text") {
    out.push({ type: "content_block_start", index, content_block: { type: "text", text: "" } });
    for (const text of pieces(block.text)) out.push(delta({ type: "text_delta", text }));
  } else if (block.type === "thinking") {
    const start = { type: "thinking", thinking: "" };
    out.push({ type: "content_block_start", index, content_block: start });
    for (const thinking of pieces(block.text)) {
      out.push(delta({ type: "thinking_delta", thinking }));
    }
    out.push(delta({ type: "signature_delta", signature: block.signature }));
  } else {
    const start = { type: "tool_use", id: toolId(block, index), name: block.name, input: {} };
    out.push({ type: "content_block_start", index, content_block: start });
    for (const partial_json of fragments(JSON.stringify(block.arguments))) {
      out.push(delta({ type: "input_json_delta", partial_json }));
    }
  }
  out.push({ type: "content_block_stop", index });
  return out;
}

/** The Anthropic dialect of the mock server. */
export const anthropicMock: MockDialect = {
  basePath: "/v1",
  route: "/v1/messages",
  // https://platform.claude.com/docs/en/api/messages/count_tokens
  countTokens: {
    route: "/v1/messages/count_tokens",
    response: (tokens) => ({ input_tokens: tokens }),
  },
  keyHeader: "x-api-key",
  credential(request) {
    const version = request.headers.get("anthropic-version");
    return version ? request.headers.get("x-api-key") ?? undefined : undefined;
  },
  target(_url, body) {
    return { model: String(body.model), stream: body.stream === true };
  },
  response(reply, model, id) {
    const { inputTokens, outputTokens, thinkingTokens } = reply.usage;
    return {
      id,
      type: "message",
      role: "assistant",
      model,
      content: reply.content.map(wireBlock),
      stop_reason: STOP_REASON[finishOf(reply)],
      stop_sequence: null,
      usage: { input_tokens: inputTokens, output_tokens: outputTokens + thinkingTokens },
    };
  },
  events(reply, model, id) {
    const { inputTokens, outputTokens, thinkingTokens } = reply.usage;
    const message = {
      id,
      type: "message",
      role: "assistant",
      model,
      content: [],
      stop_reason: null,
      stop_sequence: null,
      usage: { input_tokens: inputTokens, output_tokens: 1 },
    };
    const events: JsonObject[] = [{ type: "message_start", message }, { type: "ping" }];
    reply.content.forEach((block, index) => events.push(...blockEvents(block, index)));
    events.push({
      type: "message_delta",
      delta: { stop_reason: STOP_REASON[finishOf(reply)], stop_sequence: null },
      usage: { output_tokens: outputTokens + thinkingTokens },
    }, { type: "message_stop" });
    return events.map((data): MockEvent => ({
      event: String(data.type),
      data: JSON.stringify(data),
    }));
  },
  streamError(message) {
    const data = { type: "error", error: { type: "overloaded_error", message } };
    return { event: "error", data: JSON.stringify(data) };
  },
  error(status, message, retryAfterMs) {
    const type = ERROR_TYPE[status] ?? "api_error";
    return {
      body: { type: "error", error: { type, message } },
      headers: retryHeaders(retryAfterMs),
    };
  },
};

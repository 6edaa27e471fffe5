/**
 * OpenAI Chat Completions as the mock speaks it: `POST /v1/chat/completions` with
 * `Authorization: Bearer`; `chat.completion.chunk` events, the usage chunk (as
 * `stream_options.include_usage` asks), then `data: [DONE]`; `{error: {…}}` bodies.
 * Chat Completions returns no reasoning text: thinking blocks count only as reasoning tokens.
 *
 * @see https://platform.openai.com/docs/api-reference/chat-streaming
 * @see https://platform.openai.com/docs/guides/error-codes
 * @module
 */

import type { JsonObject } from "../../common/json_object.ts";
import { finishOf, type MockBlock, type MockReply, pieces } from "../script.ts";
import { fragments, type MockDialect, type MockEvent, retryHeaders } from "./dialect.ts";

const FINISH_REASON = { stop: "stop", length: "length", tool_use: "tool_calls" };
const ERROR: Record<number, { type: string; code: string | null }> = {
  400: { type: "invalid_request_error", code: null },
  401: { type: "invalid_request_error", code: "invalid_api_key" },
  404: { type: "invalid_request_error", code: "model_not_found" },
  429: { type: "requests", code: "rate_limit_exceeded" },
};
// A fixed creation time keeps the mock's output deterministic.
const CREATED = 1767225600;

type ToolBlock = Extract<MockBlock, { type: "tool_call" }>;

function split(reply: MockReply): { text: string; tools: ToolBlock[] } {
  let text = "";
  const tools: ToolBlock[] = [];
  for (const block of reply.content) {
    if (block.type === "text") text += block.text;
    else if (block.type === "tool_call") tools.push(block);
  }
  return { text, tools };
}

function usageOf(reply: MockReply): JsonObject {
  const { inputTokens, outputTokens, thinkingTokens } = reply.usage;
  const completion = outputTokens + thinkingTokens;
  return {
    prompt_tokens: inputTokens,
    completion_tokens: completion,
    total_tokens: inputTokens + completion,
    completion_tokens_details: { reasoning_tokens: thinkingTokens },
  };
}

const callId = (tool: ToolBlock, index: number) => tool.id ?? `call_mock${index}`;

/** The OpenAI dialect of the mock server. */
export const openAIMock: MockDialect = {
  basePath: "/v1",
  route: "/v1/chat/completions",
  keyHeader: "authorization",
  credential(request) {
    const match = /^Bearer (.+)$/.exec(request.headers.get("authorization") ?? "");
    return match?.[1];
  },
  target(_url, body) {
    return { model: String(body.model), stream: body.stream === true };
  },
  response(reply, model, id) {
    const { text, tools } = split(reply);
    const message: JsonObject = {
      role: "assistant",
      content: text === "" ? null : text,
      refusal: null,
    };
    if (tools.length > 0) {
      message.tool_calls = tools.map((tool, i) => ({
        id: callId(tool, i),
        type: "function",
        function: { name: tool.name, arguments: JSON.stringify(tool.arguments) },
      }));
    }
    return {
      id,
      object: "chat.completion",
      created: CREATED,
      model,
      choices: [{
        index: 0,
        message,
        logprobs: null,
        finish_reason: FINISH_REASON[finishOf(reply)],
      }],
      usage: usageOf(reply),
    };
  },
  events(reply, model, id) {
    const { text, tools } = split(reply);
    const chunk = (delta: JsonObject, finish: string | null = null) => ({
      id,
      object: "chat.completion.chunk",
      created: CREATED,
      model,
      choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }],
    });
    const chunks: JsonObject[] = [chunk({ role: "assistant", content: "" })];
    if (text !== "") { for (const content of pieces(text)) chunks.push(chunk({ content })); }
    tools.forEach((tool, index) => {
      const fn = { name: tool.name, arguments: "" };
      chunks.push(
        chunk({ tool_calls: [{ index, id: callId(tool, index), type: "function", function: fn }] }),
      );
      for (const args of fragments(JSON.stringify(tool.arguments))) {
        chunks.push(chunk({ tool_calls: [{ index, function: { arguments: args } }] }));
      }
    });
    chunks.push(chunk({}, FINISH_REASON[finishOf(reply)]));
    chunks.push({
      id,
      object: "chat.completion.chunk",
      created: CREATED,
      model,
      choices: [],
      usage: usageOf(reply),
    });
    const events = chunks.map((data): MockEvent => ({ data: JSON.stringify(data) }));
    events.push({ data: "[DONE]" });
    return events;
  },
  error(status, message, retryAfterMs) {
    const { type, code } = ERROR[status] ?? { type: "server_error", code: null };
    return {
      body: { error: { message, type, param: null, code } },
      headers: retryHeaders(retryAfterMs),
    };
  },
};

/**
 * The OpenAI Responses API as the mock speaks it: `POST /v1/responses` with
 * `Authorization: Bearer`; `response.created` … `response.completed` events, each with its
 * `sequence_number`; a thinking block as a reasoning item (its summary the text, its signature
 * the encrypted content); errors as every OpenAI endpoint sends them.
 *
 * @see https://platform.openai.com/docs/api-reference/responses-streaming
 * @see https://platform.openai.com/docs/guides/error-codes
 * @module
 */

import type { JsonObject } from "../../common/json_object.ts";
import { finishOf, type MockBlock, type MockReply, pieces } from "../script.ts";
import { fragments, type MockDialect, type MockEvent } from "./dialect.ts";
import { openAIMock } from "./openai.ts";

// A fixed creation time keeps the mock's output deterministic.
const CREATED = 1767225600;

function item(block: MockBlock, index: number): JsonObject {
  switch (block.type) {
    case "text":
      return {
        id: `msg_mock${index}`,
        type: "message",
        status: "completed",
        role: "assistant",
        content: [{ type: "output_text", annotations: [], text: block.text }],
      };
    case "thinking":
      return {
        id: `rs_mock${index}`,
        type: "reasoning",
        summary: [{ type: "summary_text", text: block.text }],
        encrypted_content: block.signature,
      };
    case "tool_call":
      return {
        id: `fc_mock${index}`,
        type: "function_call",
        status: "completed",
        arguments: JSON.stringify(block.arguments),
        call_id: block.id ?? `call_mock${index}`,
        name: block.name,
      };
  }
}

// output_item.added, the part and delta events, output_item.done.
function itemEvents(block: MockBlock, output_index: number): JsonObject[] {
  const whole = item(block, output_index);
  const at = { item_id: whole.id, output_index };
  const out: JsonObject[] = [];
  if (block.type === "text") {
    out.push({ type: "response.output_item.added", output_index, item: { ...whole, content: [] } });
    const part = { type: "output_text", annotations: [], text: "" };
    out.push({ type: "response.content_part.added", ...at, content_index: 0, part });
    for (const delta of pieces(block.text)) {
      out.push({
        type: "response.output_text.delta",
        ...at,
        content_index: 0,
        delta,
        logprobs: [],
      });
    }
  } else if (block.type === "thinking") {
    out.push({ type: "response.output_item.added", output_index, item: { ...whole, summary: [] } });
    const part = { type: "summary_text", text: "" };
    out.push({ type: "response.reasoning_summary_part.added", ...at, summary_index: 0, part });
    for (const delta of pieces(block.text)) {
      out.push({ type: "response.reasoning_summary_text.delta", ...at, summary_index: 0, delta });
    }
  } else {
    out.push({
      type: "response.output_item.added",
      output_index,
      item: { ...whole, arguments: "" },
    });
    for (const delta of fragments(String(whole.arguments))) {
      out.push({ type: "response.function_call_arguments.delta", ...at, delta });
    }
  }
  out.push({ type: "response.output_item.done", output_index, item: whole });
  return out;
}

function responseOf(reply: MockReply, model: string, id: string, final: boolean): JsonObject {
  const { inputTokens, outputTokens, thinkingTokens } = reply.usage;
  const length = finishOf(reply) === "length";
  const output = outputTokens + thinkingTokens;
  return {
    id,
    object: "response",
    created_at: CREATED,
    status: !final ? "in_progress" : length ? "incomplete" : "completed",
    error: null,
    incomplete_details: final && length ? { reason: "max_output_tokens" } : null,
    model,
    output: final ? reply.content.map(item) : [],
    store: false,
    usage: final
      ? {
        input_tokens: inputTokens,
        input_tokens_details: { cached_tokens: 0 },
        output_tokens: output,
        output_tokens_details: { reasoning_tokens: thinkingTokens },
        total_tokens: inputTokens + output,
      }
      : null,
  };
}

/** The Responses dialect of the mock server. */
export const openAIResponsesMock: MockDialect = {
  basePath: "/v1",
  route: "/v1/responses",
  // https://developers.openai.com/api/reference/resources/responses/subresources/input_tokens
  countTokens: {
    route: "/v1/responses/input_tokens",
    response: (tokens) => ({ object: "response.input_tokens", input_tokens: tokens }),
  },
  keyHeader: "authorization",
  credential: openAIMock.credential,
  target(_url, body) {
    return { model: String(body.model), stream: body.stream === true };
  },
  response(reply, model, id) {
    return responseOf(reply, model, id, true);
  },
  events(reply, model, id) {
    const start = responseOf(reply, model, id, false);
    const final = responseOf(reply, model, id, true);
    const events: JsonObject[] = [
      // `response.in_progress`, which repeats this, is left out: the mock sends what a reader
      // needs, so that a fault after a few events falls inside the text.
      { type: "response.created", response: start },
      ...reply.content.flatMap(itemEvents),
      {
        type: final.status === "completed" ? "response.completed" : "response.incomplete",
        response: final,
      },
    ];
    return events.map((event, sequence_number): MockEvent => ({
      event: String(event.type),
      data: JSON.stringify({ ...event, sequence_number }),
    }));
  },
  error: openAIMock.error,
};

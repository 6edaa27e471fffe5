/**
 * The hosts' quirk families as the mock speaks them, each over OpenAI's Chat Completions at a
 * path of its own: DeepSeek's `reasoning_content`, Mistral's typed content chunks (and its refusal
 * of fields it does not document), and Azure's `api-key` header with content-filter results.
 *
 * @see https://api-docs.deepseek.com/guides/thinking_mode
 * @see https://docs.mistral.ai/capabilities/reasoning
 * @see https://learn.microsoft.com/azure/ai-foundry/openai/concepts/content-filter
 * @module
 */

import type { JsonObject } from "../../common/json_object.ts";
import { type MockHostName, type MockReply, pieces } from "../script.ts";
import type { MockDialect, MockEvent } from "./dialect.ts";
import { openAIMock } from "./openai.ts";
import { vertexAnthropicMock, vertexGoogleMock } from "./vertex.ts";

interface HostShape {
  basePath: string;
  reasoning?: "reasoning_content" | "content_chunks";
  keyHeader?: "api-key";
  filterResults?: boolean;
  accepts?: readonly string[];
}

const SAFE = {
  hate: { filtered: false, severity: "safe" },
  self_harm: { filtered: false, severity: "safe" },
  sexual: { filtered: false, severity: "safe" },
  violence: { filtered: false, severity: "safe" },
};

const thinkingOf = (reply: MockReply) =>
  reply.content.flatMap((block) => block.type === "thinking" ? [block.text] : []).join("");

const chunkOf = (
  thinking: string,
) => [{ type: "thinking", thinking: [{ type: "text", text: thinking }] }];

function hostMock(shape: HostShape): MockDialect {
  const keyHeader = shape.keyHeader ?? "authorization";
  return {
    basePath: shape.basePath,
    route: `${shape.basePath}/chat/completions`,
    keyHeader,
    credential: keyHeader === "api-key"
      ? (request) => request.headers.get("api-key") ?? undefined
      : openAIMock.credential,
    target: openAIMock.target,
    refuse(body) {
      if (shape.accepts === undefined) return undefined;
      const extra = Object.keys(body).find((field) => !shape.accepts!.includes(field));
      return extra === undefined ? undefined : `Extra inputs are not permitted: ${extra}`;
    },
    response(reply, model, id) {
      const body = openAIMock.response(reply, model, id);
      const choice = (body.choices as JsonObject[])[0];
      const message = choice.message as JsonObject;
      const thinking = thinkingOf(reply);
      if (thinking !== "" && shape.reasoning === "reasoning_content") {
        message.reasoning_content = thinking;
      } else if (thinking !== "" && shape.reasoning === "content_chunks") {
        const text = message.content;
        message.content = [
          ...chunkOf(thinking),
          ...(text === null ? [] : [{ type: "text", text }]),
        ];
      }
      if (shape.filterResults) {
        body.prompt_filter_results = [{ prompt_index: 0, content_filter_results: SAFE }];
        choice.content_filter_results = SAFE;
      }
      return body;
    },
    events(reply, model, id) {
      const events = openAIMock.events(reply, model, id);
      const first = JSON.parse(events[0].data) as JsonObject;
      const chunk = (delta: JsonObject): MockEvent => ({
        data: JSON.stringify({
          ...first,
          choices: [{ index: 0, delta, logprobs: null, finish_reason: null }],
        }),
      });
      const thinking = thinkingOf(reply);
      const reasoning = thinking === "" || shape.reasoning === undefined
        ? []
        : pieces(thinking).map((piece) =>
          chunk(
            shape.reasoning === "reasoning_content"
              ? { reasoning_content: piece }
              : { content: chunkOf(piece) },
          )
        );
      const out = [events[0], ...reasoning, ...events.slice(1)];
      if (shape.filterResults) {
        const prompt = { choices: [], created: 0, id: "", model: "", object: "" };
        out.unshift({
          data: JSON.stringify({
            ...prompt,
            prompt_filter_results: [{ prompt_index: 0, content_filter_results: SAFE }],
          }),
        });
      }
      return out;
    },
    error: openAIMock.error,
  };
}

/** Every host family's mock dialect. */
export const HOST_DIALECTS: Readonly<Record<MockHostName, MockDialect>> = {
  deepseek: hostMock({ basePath: "/deepseek", reasoning: "reasoning_content" }),
  // Mistral answers 422 "Extra inputs are not permitted" to any field it does not document
  // (docs.mistral.ai/api, chat completion request body).
  mistral: hostMock({
    basePath: "/mistral/v1",
    reasoning: "content_chunks",
    accepts: [
      "model",
      "messages",
      "temperature",
      "top_p",
      "max_tokens",
      "stream",
      "stop",
      "random_seed",
      "response_format",
      "tools",
      "tool_choice",
      "presence_penalty",
      "frequency_penalty",
      "n",
      "prediction",
      "parallel_tool_calls",
      "prompt_mode",
      "safe_prompt",
      "reasoning_effort",
      "prompt_cache_key",
    ],
  }),
  azure: hostMock({ basePath: "/azure/openai/v1", keyHeader: "api-key", filterResults: true }),
  "vertex-google": vertexGoogleMock,
  "vertex-anthropic": vertexAnthropicMock,
};

/**
 * Prompt and answer content in the GenAI semantic conventions' message shape
 * (`gen_ai.input.messages`, `gen_ai.output.messages`: roles with typed parts), for a tracing
 * hook that was asked to record content.
 *
 * @see https://opentelemetry.io/docs/specs/semconv/gen-ai/gen-ai-spans/
 * @module
 */

import type { ChatRequest, ChatResponse, ContentBlock } from "../common/types.ts";

/** One part of a message, as the conventions type it. */
type Part = Record<string, unknown> & { type: string };

function part(block: ContentBlock): Part {
  switch (block.type) {
    case "text":
      return { type: "text", content: block.text };
    case "thinking":
      return { type: "reasoning", content: block.text };
    case "tool_call":
      return { type: "tool_call", id: block.id, name: block.name, arguments: block.arguments };
    case "tool_result":
      return {
        type: "tool_call_response",
        id: block.toolCallId,
        response: typeof block.content === "string" ? block.content : block.content.map(part),
      };
    default:
      // Images, documents, redacted thinking, provider blocks: their kind, not their bytes.
      return { type: block.type };
  }
}

function parts(content: string | readonly ContentBlock[]): Part[] {
  return typeof content === "string" ? [{ type: "text", content }] : content.map(part);
}

/**
 * The request's messages as `gen_ai.input.messages` JSON.
 *
 * @param request The canonical request.
 * @returns The JSON text.
 */
export function inputMessages(request: ChatRequest): string {
  return JSON.stringify(
    request.messages.map((message) => ({ role: message.role, parts: parts(message.content) })),
  );
}

/**
 * The response as `gen_ai.output.messages` JSON: one message per choice.
 *
 * @param response The response.
 * @returns The JSON text.
 */
export function outputMessages(response: ChatResponse): string {
  const choices = [response, ...(response.alternatives ?? [])];
  return JSON.stringify(choices.map((choice) => ({
    role: "assistant",
    parts: parts(choice.content),
    finish_reason: choice.finishReason,
  })));
}

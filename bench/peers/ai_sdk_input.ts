/**
 * A canonical request as an AI SDK caller writes it: `ModelMessage`s, tools from JSON Schema
 * (no `execute`: the calls come back to the caller, as rosetta's do), and the provider options
 * that ask for the same thinking budget or effort and output limit rosetta sends.
 *
 * @module
 */

import {
  type AssistantContent,
  jsonSchema,
  type JSONValue,
  type ModelMessage,
  tool,
  type ToolSet,
} from "ai";
import type { AssistantBlock, ChatRequest, Message } from "../../mod.ts";
import { wireBody } from "./requests.ts";
import type { PeerProvider } from "./wire.ts";

/** The call settings `generateText` / `streamText` take besides the model. */
export interface AiSdkInput {
  /** System prompt. */
  system?: string;
  /** Conversation. */
  messages: ModelMessage[];
  /** Tools by name. */
  tools: ToolSet;
  /** Tool choice. */
  toolChoice: "auto";
  /** Output limit, as rosetta sends it. */
  maxOutputTokens?: number;
  /** Thinking, as rosetta sends it. */
  providerOptions: Record<string, Record<string, JSONValue>>;
}

type AssistantPart = Exclude<AssistantContent, string>[number];

// The wire fields the AI SDK's settings are read from.
interface WireSettings {
  max_tokens?: number;
  thinking?: { budget_tokens: number };
  max_completion_tokens?: number;
  reasoning_effort?: string;
  generationConfig?: {
    maxOutputTokens?: number;
    thinkingConfig?: Record<string, JSONValue>;
  };
}

function toolName(request: ChatRequest, id: string): string {
  for (const m of request.messages) {
    if (m.role !== "assistant" || typeof m.content === "string") continue;
    for (const b of m.content) {
      if (b.type === "tool_call" && b.id === id) return b.name;
    }
  }
  throw new Error(`Cannot find tool call ${id} in the request`);
}

function assistantPart(
  b: AssistantBlock,
  provider: PeerProvider,
): AssistantPart {
  if (b.type === "text") return { type: "text", text: b.text };
  if (b.type === "thinking") {
    const signed = { [provider]: { signature: b.signature ?? "" } };
    return { type: "reasoning", text: b.text, providerOptions: signed };
  }
  if (b.type === "redacted_thinking") {
    const redacted = { anthropic: { redactedData: b.data } };
    return { type: "reasoning", text: "", providerOptions: redacted };
  }
  if (b.type === "tool_call") {
    return {
      type: "tool-call",
      toolCallId: b.id,
      toolName: b.name,
      input: b.arguments,
    };
  }
  throw new Error(`No AI SDK part for a ${b.type} block`);
}

function message(
  m: Message,
  request: ChatRequest,
  provider: PeerProvider,
): ModelMessage {
  if (typeof m.content === "string") {
    return { role: m.role, content: m.content } as ModelMessage;
  }
  if (m.role === "user") {
    return {
      role: "user",
      content: m.content.map((b) =>
        b.type === "text" ? { type: "text", text: b.text } : {
          type: "image",
          image: (b as { data: string }).data,
          mediaType: b.mediaType,
        }
      ),
    };
  }
  if (m.role === "assistant") {
    return {
      role: "assistant",
      content: m.content.map((b) => assistantPart(b, provider)),
    };
  }
  return {
    role: "tool",
    content: m.content.map((r) => {
      const value = typeof r.content === "string"
        ? r.content
        : r.content.map((c) => (c.type === "text" ? c.text : "")).join("");
      return {
        type: "tool-result",
        toolCallId: r.toolCallId,
        toolName: toolName(request, r.toolCallId),
        output: { type: r.isError ? "error-text" : "text", value },
      };
    }),
  };
}

// The thinking settings and output limit rosetta put on the wire, in the AI SDK's options.
function settings(
  provider: PeerProvider,
  request: ChatRequest,
): { maxOutputTokens?: number; options: Record<string, JSONValue> } {
  const wire = wireBody(provider, request) as WireSettings;
  if (provider === "anthropic") {
    const budgetTokens = wire.thinking?.budget_tokens ?? 0;
    return {
      maxOutputTokens: wire.max_tokens,
      options: { thinking: { type: "enabled", budgetTokens } },
    };
  }
  if (provider === "openai") {
    const options = { reasoningEffort: wire.reasoning_effort ?? null };
    return { maxOutputTokens: wire.max_completion_tokens, options };
  }
  const { thinkingConfig = {}, maxOutputTokens } = wire.generationConfig ?? {};
  return { maxOutputTokens, options: { thinkingConfig } };
}

/**
 * The AI SDK's input for a canonical request.
 *
 * @param provider The provider.
 * @param request The request.
 * @returns Everything `generateText` takes but the model.
 */
export function aiSdkInput(
  provider: PeerProvider,
  request: ChatRequest,
): AiSdkInput {
  const tools: ToolSet = {};
  for (const t of request.tools ?? []) {
    tools[t.name] = tool({ description: t.description, inputSchema: jsonSchema(t.parameters) });
  }
  const { maxOutputTokens, options } = settings(provider, request);
  return {
    system: request.system,
    messages: request.messages.map((m) => message(m, request, provider)),
    tools,
    toolChoice: "auto",
    maxOutputTokens,
    providerOptions: { [provider]: options },
  };
}

/**
 * Canonical request → OpenAI Chat Completions body, in one pass and one `JSON.stringify`.
 *
 * @see https://platform.openai.com/docs/api-reference/chat/create
 * @module
 */

import { dataUrl } from "../../codec/data_url.ts";
import { blockPath, messagePath } from "../../codec/paths.ts";
import { breakpointMessages } from "../../codec/cache.ts";
import type { DocumentBlock } from "../../common/features.ts";
import type { SerializeOptions } from "../../common/provider.ts";
import { acceptsOpaque, ownCitations, ownProviderBlock, warn } from "../../codec/replay.ts";
import type {
  AssistantBlock,
  AssistantMessage,
  ChatRequest,
  ImageBlock,
  Message,
  TextBlock,
  ToolChoice,
  ToolMessage,
  Warning,
} from "../../common/types.ts";
import { validateRequest } from "../../codec/validate.ts";
import { refuse } from "../../common/refuse.ts";
import { planOpenAIEffort } from "../openai-shared/effort.ts";
import { FEATURES, requestFields } from "../../codec/fields.ts";
import { markOpenAIMessage } from "./cache.ts";
import { type ChatDialect, OPENAI_CHAT, serverName } from "./dialect.ts";
import { openAIDocument } from "./documents.ts";
import { checkOpenAIOptions, writeOpenAIFeatures } from "./options.ts";

type WireMessage = Record<string, unknown>;

/**
 * Serializes a request for OpenAI Chat Completions.
 *
 * @param request The canonical request.
 * @param options `stream` (adds `stream_options.include_usage`) and a `warnings` list.
 * @returns The JSON body.
 * @throws {ValidationError} When the request is malformed or asks what the model cannot do.
 *
 * @example
 * ```ts
 * import { openai } from "@rosetta/llm";
 * import assert from "node:assert/strict";
 * const body = openai.serializeRequest({ model: "o3", thinking: "low", messages: [{ role: "user", content: "Hi" }] });
 * assert.equal(body, '{"model":"o3","messages":[{"role":"user","content":"Hi"}],"reasoning_effort":"low"}');
 * ```
 */
export function serializeOpenAIRequest(
  request: ChatRequest,
  options: SerializeOptions = {},
): string {
  return serializeChatRequest(OPENAI_CHAT, request, options);
}

/**
 * Serializes a request for a server that speaks Chat Completions: OpenAI or a host.
 *
 * @param dialect The server's name, model table and replay rule.
 * @param request The canonical request.
 * @param options `stream` and a `warnings` list.
 * @returns The JSON body.
 * @throws {ValidationError} When the request is malformed or asks what the model cannot do.
 */
export function serializeChatRequest(
  dialect: ChatDialect,
  request: ChatRequest,
  options: SerializeOptions,
): string {
  const name = dialect.name;
  const fields = requestFields(request);
  const features = (fields & FEATURES) !== 0;
  validateRequest(request, name, fields, dialect.limits);
  const row = dialect.model(request.model);
  const effort = planOpenAIEffort(name, request, row, options.warnings);
  checkOpenAIOptions(name, request, row, effort);
  const messages: WireMessage[] = [];
  if (request.system !== undefined) {
    // Reasoning models take instructions as `developer` messages.
    messages.push({ role: row.reasoning ? "developer" : "system", content: request.system });
  }
  // Message breakpoints only where the model takes them: others cache prefixes by themselves.
  const marked = features && request.cache !== undefined && row.cacheBreakpoints
    ? breakpointMessages(request.cache)
    : undefined;
  convertMessages(dialect, request, messages, options.warnings, marked);
  const body: Record<string, unknown> = { model: request.model, messages };
  if (request.tools !== undefined && request.tools.length > 0) {
    body.tools = request.tools.map((tool) => ({
      type: "function",
      function: tool.description === undefined
        ? { name: tool.name, parameters: tool.parameters }
        : { name: tool.name, description: tool.description, parameters: tool.parameters },
    }));
  }
  if (request.toolChoice !== undefined) body.tool_choice = toolChoice(request.toolChoice);
  if (effort !== undefined) body.reasoning_effort = effort;
  if (request.maxOutputTokens !== undefined) {
    if (dialect.maxTokensField === "max_tokens") body.max_tokens = request.maxOutputTokens;
    else body.max_completion_tokens = request.maxOutputTokens;
  }
  if (request.temperature !== undefined) body.temperature = request.temperature;
  if (request.stopSequences !== undefined && request.stopSequences.length > 0) {
    body.stop = request.stopSequences;
  }
  if (features) writeOpenAIFeatures(name, body, request, row, effort, options.warnings);
  if (dialect.renamedFields !== undefined || dialect.refusedFields !== undefined) {
    adaptFields(dialect, body);
  }
  if (options.stream) {
    body.stream = true;
    if (dialect.streamOptions !== false) body.stream_options = { include_usage: true };
  }
  return JSON.stringify(body);
}

// A host's names for fields, and the fields it refuses (only hosts have either).
function adaptFields(dialect: ChatDialect, body: Record<string, unknown>): void {
  for (const field in dialect.refusedFields) {
    if (body[field] !== undefined) {
      const from = dialect.refusedFields[field];
      refuse(dialect.name, from, `cannot be sent: ${dialect.name} takes no ${field}`);
    }
  }
  for (const field in dialect.renamedFields) {
    if (body[field] !== undefined) {
      body[dialect.renamedFields[field]] = body[field];
      delete body[field];
    }
  }
}

function toolChoice(choice: ToolChoice): unknown {
  return typeof choice === "object"
    ? { type: "function", function: { name: choice.name } }
    : choice;
}

function convertMessages(
  dialect: ChatDialect,
  request: ChatRequest,
  out: WireMessage[],
  warnings: Warning[] | undefined,
  marked: Set<number> | undefined,
): void {
  const messages = request.messages;
  const loops = dialect.reasoningReplay === "reasoning_content"
    ? toolLoopTurns(messages)
    : undefined;
  for (let m = 0; m < messages.length; m++) {
    const message = messages[m];
    const start = out.length;
    if (message.role === "user") {
      out.push({
        role: "user",
        content: typeof message.content === "string"
          ? message.content
          : userParts(dialect.name, message.content, m, warnings),
      });
    } else if (message.role === "assistant") {
      const reasoning = acceptsOpaque(message, dialect.name) &&
        (loops === undefined ? dialect.reasoningReplay !== undefined : loops.has(m));
      const turn = assistantMessage(dialect, message, m, warnings, reasoning);
      if (turn !== undefined) out.push(turn);
    } else {
      toolMessages(dialect.name, message, m, out, warnings);
    }
    if (marked !== undefined && marked.has(m)) {
      markOpenAIMessage(dialect.name, out, start, m, warnings);
    }
  }
}

function userParts(
  name: string,
  blocks: Array<TextBlock | ImageBlock | DocumentBlock>,
  m: number,
  warnings: Warning[] | undefined,
): Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = new Array(blocks.length);
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b];
    out[b] = block.type === "document"
      ? openAIDocument(name, block, blockPath(m, b), warnings)
      : userPart(block);
  }
  return out;
}

function userPart(block: TextBlock | ImageBlock): Record<string, unknown> {
  if (block.type === "text") return { type: "text", text: block.text };
  const url = "url" in block ? block.url : dataUrl(block.mediaType, block.data);
  return { type: "image_url", image_url: { url } };
}

// DeepSeek needs the reasoning of every assistant turn between two user turns in which it called
// tools, in all later requests (a 400 without it); elsewhere it ignores reasoning sent back:
// https://api-docs.deepseek.com/guides/thinking_mode
function toolLoopTurns(messages: readonly Message[]): Set<number> {
  const loops = new Set<number>();
  let span: number[] = [];
  let called = false;
  for (let m = 0; m <= messages.length; m++) {
    const message = messages[m];
    if (message === undefined || message.role === "user") {
      if (called) { for (const turn of span) loops.add(turn); }
      span = [];
      called = false;
    } else if (message.role === "assistant") {
      span.push(m);
      if (typeof message.content !== "string") {
        called ||= message.content.some((block) => block.type === "tool_call");
      }
    }
  }
  return loops;
}

// Whether a turn holds the reasoning_details a host sent (then its thinking text travels there).
function hasDetails(blocks: readonly AssistantBlock[], name: string): boolean {
  return blocks.some((b) =>
    b.type === "provider" && b.blockType === "reasoning_details" && b.provider === name
  );
}

function assistantMessage(
  dialect: ChatDialect,
  message: AssistantMessage,
  m: number,
  warnings: Warning[] | undefined,
  replayReasoning = false,
): WireMessage | undefined {
  if (typeof message.content === "string") return { role: "assistant", content: message.content };
  const texts: string[] = [];
  let reasoning = "";
  let details: unknown;
  const calls: unknown[] = [];
  const blocks = message.content;
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b];
    if (block.type === "text") {
      texts.push(block.text);
      // Chat Completions takes no annotations back; another provider's citations are reported.
      if (block.citations !== undefined) {
        ownCitations(block, dialect.name, warnings, blockPath(m, b));
      }
    } else if (block.type === "tool_call") {
      calls.push({
        id: block.id,
        type: "function",
        function: { name: block.name, arguments: JSON.stringify(block.arguments) },
      });
    } else if (
      block.type === "thinking" && replayReasoning &&
      (dialect.reasoningReplay === "reasoning_content" || hasDetails(blocks, dialect.name))
    ) {
      // OpenRouter's reasoning goes back inside reasoning_details, which hold this text too.
      if (dialect.reasoningReplay === "reasoning_content") reasoning += block.text;
    } else if (
      block.type === "provider" && block.blockType === "reasoning_details" && replayReasoning &&
      block.provider === dialect.name
    ) {
      details = block.data.reasoning_details;
    } else if (block.type !== "provider") {
      warn(
        warnings,
        dialect.name,
        blockPath(m, b),
        `${block.type} block dropped: ${WHY[block.type]}`,
      );
    } else if (ownProviderBlock(block, dialect.name, warnings, blockPath(m, b)) !== undefined) {
      warn(
        warnings,
        dialect.name,
        blockPath(m, b),
        `${block.blockType} block dropped: Chat Completions cannot replay it`,
      );
    }
    if ("signature" in block && block.signature !== undefined) {
      warn(
        warnings,
        dialect.name,
        `${blockPath(m, b)}.signature`,
        `dropped: ${serverName(dialect.name)} has no signatures`,
      );
    }
  }
  if (texts.length === 0 && calls.length === 0) {
    // `{"role":"assistant","content":null}` without tool calls is a 400: leave the turn out.
    warn(
      warnings,
      dialect.name,
      messagePath(m),
      `assistant turn dropped: nothing in it can be sent to ${serverName(dialect.name)}`,
    );
    return undefined;
  }
  const out: WireMessage = {
    role: "assistant",
    content: texts.length === 0
      ? null
      : texts.length === 1
      ? texts[0]
      : texts.map((text) => ({ type: "text", text })),
  };
  if (calls.length > 0) out.tool_calls = calls;
  if (reasoning !== "") out.reasoning_content = reasoning;
  if (details !== undefined) out.reasoning_details = details;
  return out;
}

const WHY: Record<string, string> = {
  thinking: "Chat Completions cannot replay reasoning",
  redacted_thinking: "Chat Completions cannot replay reasoning",
  image: "Chat Completions assistant turns take no images",
};

function toolMessages(
  name: string,
  message: ToolMessage,
  m: number,
  out: WireMessage[],
  warnings: Warning[] | undefined,
): void {
  const results = message.content;
  for (let r = 0; r < results.length; r++) {
    const result = results[r];
    const parts = result.content;
    let content: unknown = parts;
    if (typeof parts !== "string") {
      content = parts.map((part, p) => {
        if (part.type !== "text") {
          refuse(name, blockPath(m, r, p), "is an image; tool messages take text only");
        }
        return { type: "text", text: part.text };
      });
    }
    if (result.isError) {
      warn(
        warnings,
        name,
        `${blockPath(m, r)}.isError`,
        "dropped: Chat Completions tool messages have no error flag; the content is sent as the result",
      );
    }
    out.push({ role: "tool", tool_call_id: result.toolCallId, content });
  }
}

/**
 * An offline estimate of a request's input tokens, with no tokenizer: characters per token by
 * script, a few tokens per message, the tool definitions as their JSON, and images at a fixed
 * cost per provider. Its measured error is stated on {@link estimateTokens}.
 *
 * @module
 */

import type { ChatRequest, ContentBlock, Message } from "../common/types.ts";

/** Options of {@link estimateTokens}. */
export interface EstimateOptions {
  /**
   * The provider the request goes to, for its fixed costs (an image's tokens, Anthropic's tool
   * use system prompt); unknown or unset: the costs of none in particular.
   */
  provider?: string;
}

// Tokens per character: ASCII prose and JSON run ~4 characters a token in every tokenizer of
// these providers; other alphabets (accented Latin, Cyrillic, Greek, Arabic…) ~2.5; CJK, kana,
// hangul and emoji about one token each.
const ASCII = 1 / 4;
const ALPHABET = 1 / 2.5;
const IDEOGRAPH = 1;
// Role markers and separators around each message, and around the whole prompt.
const PER_MESSAGE = 4;
const PER_REQUEST = 3;
const PER_TOOL = 8;
// An image of unknown size, at each provider's documented rule for a typical one: Anthropic
// (width × height / 750, capped near 1600 for 1.15 megapixels), OpenAI (85 + 170 per 512-pixel
// tile: 765 at 1024×1024, high detail), Gemini (258 per 768-pixel tile: four tiles).
const IMAGE: Readonly<Record<string, number>> = {
  anthropic: 1600,
  openai: 765,
  "openai-responses": 765,
  google: 1032,
};
const DEFAULT_IMAGE = 1000;
// A PDF or file by reference: its size is unknown offline; about two pages of text and image.
const DOCUMENT = 3000;
// Anthropic's tool use system prompt, added when tools are given (pricing page, "Tool use
// system prompt token count": 346 for auto or none on the Claude 4 models).
const ANTHROPIC_TOOL_PROMPT = 346;

/**
 * The estimated tokens of a text.
 *
 * @param text Any text.
 * @returns Its estimated tokens, fractional.
 */
function textTokens(text: string): number {
  let tokens = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) tokens += ASCII;
    else if (code < 0x3000) tokens += ALPHABET;
    // A surrogate pair (emoji, rare ideographs) is one character: half a token per half.
    else if (code >= 0xd800 && code < 0xe000) tokens += IDEOGRAPH / 2;
    else tokens += IDEOGRAPH;
  }
  return tokens;
}

function blockTokens(block: ContentBlock, image: number): number {
  switch (block.type) {
    case "text":
    case "thinking":
      return textTokens(block.text);
    case "redacted_thinking":
      return block.data.length * ASCII;
    case "tool_call":
      return textTokens(block.name) + textTokens(JSON.stringify(block.arguments));
    case "tool_result":
      return typeof block.content === "string"
        ? textTokens(block.content)
        : block.content.reduce((sum, part) => sum + blockTokens(part, image), 0);
    case "image":
      return image;
    case "document":
      return "data" in block && block.mediaType.startsWith("text/")
        ? textTokens(block.data)
        : DOCUMENT;
    case "provider":
      return textTokens(JSON.stringify(block.data));
  }
}

function messageTokens(message: Message, image: number): number {
  const content = message.content;
  if (typeof content === "string") return PER_MESSAGE + textTokens(content);
  let tokens = PER_MESSAGE;
  for (const block of content) tokens += blockTokens(block, image);
  return tokens;
}

/**
 * Estimates a request's input tokens offline, without a tokenizer: text at about 4 ASCII
 * characters, 2.5 other alphabetic characters or 1 CJK character per token, 4 tokens per
 * message, tool definitions and structured-output schemas as their JSON, images and binary
 * documents at fixed costs per provider.
 *
 * Measured error: see the README section "Token counts" (the figures there come from
 * `codec/estimate_test.ts`, which measures this function against the recorded input tokens of
 * the fixtures whose request is known).
 *
 * @param request The canonical request.
 * @param options The provider, for its fixed costs.
 * @returns The estimated input tokens, a whole number.
 *
 * @example
 * ```ts
 * import { estimateTokens } from "@rosetta/llm";
 * import assert from "node:assert/strict";
 * const tokens = estimateTokens({
 *   model: "any",
 *   messages: [{ role: "user", content: "What is the capital of France?" }],
 * });
 * assert.ok(tokens > 5 && tokens < 20, String(tokens));
 * ```
 */
export function estimateTokens(request: ChatRequest, options: EstimateOptions = {}): number {
  const image = IMAGE[options.provider ?? ""] ?? DEFAULT_IMAGE;
  let tokens = PER_REQUEST;
  if (request.system !== undefined) tokens += PER_MESSAGE + textTokens(request.system);
  for (const message of request.messages) tokens += messageTokens(message, image);
  const tools = request.tools ?? [];
  for (const tool of tools) {
    tokens += PER_TOOL + textTokens(tool.name) + textTokens(tool.description ?? "") +
      textTokens(JSON.stringify(tool.parameters));
  }
  if (tools.length > 0 && options.provider === "anthropic") tokens += ANTHROPIC_TOOL_PROMPT;
  if (request.structuredOutput !== undefined) {
    tokens += PER_TOOL + textTokens(JSON.stringify(request.structuredOutput.schema));
  }
  return Math.ceil(tokens);
}

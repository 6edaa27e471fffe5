/**
 * Canonical messages → Converse `messages`: `user` and `assistant` turns only (tool results ride
 * in a user turn, and turns of one role in a row are joined, as Converse wants them alternating),
 * with a `cachePoint` block after a turn marked as a cache breakpoint. Replay: reasoning
 * (`reasoningContent`, with its signature or as `redactedContent`) goes back only to Claude, and
 * only reasoning made by Claude (on Bedrock, or on Anthropic's own API: the same signatures);
 * anything else is dropped with a {@link Warning}.
 *
 * @see https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_Message.html
 * @see https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_ReasoningContentBlock.html
 * @module
 */

import { blockPath } from "../../codec/paths.ts";
import { ownProviderBlock, warn } from "../../codec/replay.ts";
import type { AssistantBlock, AssistantMessage, ChatRequest, Warning } from "../../common/types.ts";
import type { JsonObject } from "../../common/json_object.ts";
import { bedrockToolResult, bedrockUserBlocks } from "./content.ts";
import type { BedrockModel } from "./models.ts";

/** The block that marks a cache breakpoint. */
export const CACHE_POINT: JsonObject = { cachePoint: { type: "default" } };

interface WireMessage {
  role: "user" | "assistant";
  content: JsonObject[];
}

// Claude's signed reasoning is valid wherever Claude runs: from Bedrock and from Anthropic's API.
const CLAUDE_SOURCES = new Set(["bedrock", "anthropic"]);

/**
 * Converts the conversation.
 *
 * @param request The validated request.
 * @param row The target model's row (whether it takes reasoning back).
 * @param marked Messages after which a cache point goes.
 * @param warnings Receives what was dropped.
 * @returns The Converse messages.
 */
export function bedrockMessages(
  request: ChatRequest,
  row: BedrockModel,
  marked: Set<number> | undefined,
  warnings: Warning[] | undefined,
): WireMessage[] {
  const out: WireMessage[] = [];
  const messages = request.messages;
  for (let m = 0; m < messages.length; m++) {
    const message = messages[m];
    let role: "user" | "assistant" = "user";
    let content: JsonObject[];
    if (message.role === "assistant") {
      role = "assistant";
      content = typeof message.content === "string"
        ? [{ text: message.content }]
        : assistantBlocks(message, row, m, warnings);
      if (content.length === 0) continue;
    } else if (message.role === "tool") {
      content = message.content.map((block, b) => bedrockToolResult(block, m, b, warnings));
    } else {
      content = typeof message.content === "string"
        ? [{ text: message.content }]
        : bedrockUserBlocks(message.content, m, warnings);
    }
    if (marked?.has(m)) content.push(CACHE_POINT);
    const previous = out.length === 0 ? undefined : out[out.length - 1];
    if (previous !== undefined && previous.role === role) previous.content.push(...content);
    else out.push({ role, content });
  }
  return out;
}

function assistantBlocks(
  message: AssistantMessage,
  row: BedrockModel,
  m: number,
  warnings: Warning[] | undefined,
): JsonObject[] {
  const blocks = message.content as AssistantBlock[];
  const from = message.provider;
  const reasoning = row.vendor === "anthropic" && (from === undefined || CLAUDE_SOURCES.has(from));
  const out: JsonObject[] = [];
  for (let b = 0; b < blocks.length; b++) {
    const wire = assistantBlock(blocks[b], reasoning, from, m, b, warnings);
    if (wire !== undefined) out.push(wire);
  }
  return out;
}

function dropReasoning(
  from: string | undefined,
  path: string,
  warnings: Warning[] | undefined,
): undefined {
  warn(
    warnings,
    "bedrock",
    path,
    `reasoning from ${
      from ?? "an unnamed provider"
    } dropped: Bedrock takes back only Claude's own signed reasoning, and only on Claude`,
  );
  return undefined;
}

function assistantBlock(
  block: AssistantBlock,
  reasoning: boolean,
  from: string | undefined,
  m: number,
  b: number,
  warnings: Warning[] | undefined,
): JsonObject | undefined {
  switch (block.type) {
    case "text":
      if (block.signature !== undefined || block.citations !== undefined) {
        warn(
          warnings,
          "bedrock",
          blockPath(m, b),
          "signature and citations dropped: Converse text carries neither",
        );
      }
      return { text: block.text };
    case "thinking":
      if (!reasoning || block.signature === undefined) {
        return dropReasoning(from, blockPath(m, b), warnings);
      }
      return {
        reasoningContent: { reasoningText: { text: block.text, signature: block.signature } },
      };
    case "redacted_thinking":
      if (!reasoning) return dropReasoning(from, blockPath(m, b), warnings);
      return { reasoningContent: { redactedContent: block.data } };
    case "tool_call":
      if (block.signature !== undefined) {
        warn(
          warnings,
          "bedrock",
          `${blockPath(m, b)}.signature`,
          "dropped: Converse tool calls carry no signature",
        );
      }
      return { toolUse: { toolUseId: block.id, name: block.name, input: block.arguments } };
    case "image":
      warn(
        warnings,
        "bedrock",
        blockPath(m, b),
        "image block dropped: Converse assistant turns take no images",
      );
      return undefined;
    case "provider":
      return ownProviderBlock(block, "bedrock", warnings, blockPath(m, b));
  }
}

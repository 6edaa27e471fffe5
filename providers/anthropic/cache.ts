/**
 * Anthropic prompt caching: `cache_control` on the block each breakpoint ends at (the last tool,
 * the system prompt, the last block of a message), or top-level `cache_control` (the whole
 * prompt) when the request asks for caching without breakpoints.
 *
 * @see https://platform.claude.com/docs/en/build-with-claude/prompt-caching
 * @module
 */

import type { PromptCache } from "../../common/features.ts";
import { warn } from "../../codec/replay.ts";
import type { Warning } from "../../common/types.ts";
import type { JsonObject } from "../../common/json_object.ts";

type WireBlock = Record<string, unknown>;

/** `cache_control` for a request's TTL. */
export function cacheControl(cache: PromptCache): JsonObject {
  return cache.ttl === undefined ? { type: "ephemeral" } : { type: "ephemeral", ttl: cache.ttl };
}

/**
 * The content of a message with `cache_control` on its last block. The block is copied: it may
 * be the caller's own object (a replayed provider block).
 *
 * @param content The wire content of one message.
 * @param control The `cache_control` value.
 * @returns The content as blocks, the last one marked.
 */
export function markLastBlock(content: string | WireBlock[], control: JsonObject): WireBlock[] {
  const blocks = typeof content === "string" ? [{ type: "text", text: content }] : content;
  const last = blocks.length - 1;
  blocks[last] = { ...blocks[last], cache_control: control };
  return blocks;
}

/**
 * Marks the tools and system breakpoints, or the whole prompt, and reports the routing key.
 * Message breakpoints are marked while the messages are converted.
 *
 * @param body The wire body, with its tools and system prompt set.
 * @param cache The request's cache settings.
 * @param control The `cache_control` value.
 * @param warnings Receives what Anthropic has no field for.
 */
export function writeAnthropicCache(
  body: JsonObject,
  cache: PromptCache,
  control: JsonObject,
  warnings: Warning[] | undefined,
): void {
  const points = cache.breakpoints;
  if (points === undefined || points.length === 0) body.cache_control = control;
  else {
    if (points.includes("system")) {
      body.system = [{ type: "text", text: body.system, cache_control: control }];
    }
    if (points.includes("tools")) {
      const tools = body.tools as WireBlock[];
      tools[tools.length - 1] = { ...tools[tools.length - 1], cache_control: control };
    }
  }
  if (cache.key !== undefined) {
    warn(warnings, "anthropic", "cache.key", "dropped: Anthropic caches by prefix, with no key");
  }
}

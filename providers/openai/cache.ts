/**
 * OpenAI prompt caching: `prompt_cache_key`, and on gpt-5.6 and later explicit breakpoints
 * (`prompt_cache_breakpoint` on the content part a cached prefix ends at). Other models cache
 * prefixes on their own: breakpoints and TTL are then reported, not sent.
 *
 * @see https://platform.openai.com/docs/guides/prompt-caching
 * @module
 */

import { serverName } from "./dialect.ts";
import type { PromptCache } from "../../common/features.ts";
import { warn } from "../../codec/replay.ts";
import type { Warning } from "../../common/types.ts";
import type { JsonObject } from "../../common/json_object.ts";

type WireMessage = Record<string, unknown>;

const BREAKPOINT = { mode: "explicit" } as const;

/**
 * Marks the last content part of the wire messages made from one canonical message.
 *
 * @param name The provider serializing, named in warnings.
 * @param out The wire messages so far.
 * @param start How many there were before the message was converted.
 * @param m The message's index.
 * @param warnings Receives a breakpoint that has no part to ride on.
 */
export function markOpenAIMessage(
  name: string,
  out: WireMessage[],
  start: number,
  m: number,
  warnings: Warning[] | undefined,
): void {
  const message = out[out.length - 1];
  const content = out.length > start ? message.content : undefined;
  if (typeof content === "string") {
    message.content = [{ type: "text", text: content, prompt_cache_breakpoint: BREAKPOINT }];
  } else if (Array.isArray(content) && content.length > 0) {
    const parts = [...content];
    parts[parts.length - 1] = { ...parts[parts.length - 1], prompt_cache_breakpoint: BREAKPOINT };
    message.content = parts;
  } else {
    warn(
      warnings,
      name,
      "cache.breakpoints",
      `breakpoint at message ${m} dropped: that turn sends no content part to carry it`,
    );
  }
}

/**
 * Writes the key and the system breakpoint, and reports what the model has no field for.
 *
 * @param name The provider serializing, named in warnings.
 * @param body The wire body.
 * @param cache The request's cache settings.
 * @param breakpoints Whether the model takes explicit breakpoints.
 * @param warnings Receives dropped settings.
 */
export function writeOpenAICache(
  name: string,
  body: JsonObject,
  cache: PromptCache,
  breakpoints: boolean,
  warnings: Warning[] | undefined,
): void {
  if (cache.key !== undefined) body.prompt_cache_key = cache.key;
  if (cache.ttl !== undefined) {
    warn(warnings, name, "cache.ttl", `dropped: ${serverName(name)} sets cache lifetimes itself`);
  }
  const points = cache.breakpoints;
  if (points === undefined || points.length === 0) return;
  if (!breakpoints) {
    warn(
      warnings,
      name,
      "cache.breakpoints",
      `dropped: "${body.model}" caches prompt prefixes automatically, without breakpoints`,
    );
    return;
  }
  if (points.includes("tools")) {
    warn(
      warnings,
      name,
      "cache.breakpoints",
      `"tools" dropped: Chat Completions marks breakpoints on content parts only`,
    );
  }
  if (points.includes("system")) {
    const system = (body.messages as WireMessage[])[0];
    system.content = [{ type: "text", text: system.content, prompt_cache_breakpoint: BREAKPOINT }];
  }
}

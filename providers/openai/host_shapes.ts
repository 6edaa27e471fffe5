/**
 * Shapes OpenAI-compatible servers answer in beyond OpenAI's own, read by the one Chat
 * Completions reader for bodies and streams alike: `content` as a list of typed chunks
 * (Mistral's reasoning models) and `reasoning_details` (OpenRouter).
 *
 * @module
 */

import type { ResponseAccumulator } from "../../codec/accumulator.ts";
import { invalidField, isJsonObject } from "../../codec/json.ts";
import type { JsonObject } from "../../common/json_object.ts";
import {
  at,
  CONTENT,
  listField,
  noText,
  notObject,
  OTHER_CHUNKS,
  REASONING,
  REASONING_DETAILS,
} from "./fields.ts";

// `content` is a string on OpenAI; Mistral's reasoning models send a list of typed chunks.
export function contentField(
  acc: ResponseAccumulator,
  value: unknown,
  position: number,
  inBody: boolean,
): string {
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return contentChunks(acc, value, position, inBody);
  return noText(acc.provider, value, "content", position, inBody);
}

/**
 * Reads Mistral's content chunks: `text` chunks are the answer, `thinking` chunks (whose
 * `thinking` is a list of text chunks) the reasoning; any other kind (`reference`, …) is kept as a
 * provider block. Returns "" once written, so the caller adds nothing more.
 *
 * @see https://docs.mistral.ai/capabilities/reasoning
 */
function contentChunks(
  acc: ResponseAccumulator,
  chunks: unknown[],
  position: number,
  inBody: boolean,
): string {
  // Paths are built only when a check fails: this runs for every chunk of every delta.
  const provider = acc.provider;
  for (let i = 0; i < chunks.length; i++) {
    const chunk = chunks[i];
    if (!isJsonObject(chunk)) {
      throw notObject(provider, chunk, at(position, inBody, `.content[${i}]`));
    }
    if (chunk.type === "text") {
      const text = chunk.text;
      if (typeof text !== "string") {
        throw invalidField(provider, at(position, inBody, `.content[${i}].text`), "a string", text);
      }
      if (text !== "") acc.text(CONTENT, text);
    } else if (chunk.type === "thinking") {
      const parts = chunk.thinking;
      if (!Array.isArray(parts)) {
        const path = at(position, inBody, `.content[${i}].thinking`);
        throw invalidField(provider, path, "an array", parts);
      }
      for (let j = 0; j < parts.length; j++) {
        const part = parts[j];
        if (!isJsonObject(part)) {
          throw notObject(provider, part, at(position, inBody, `.content[${i}].thinking[${j}]`));
        }
        const text = part.text;
        if (typeof text !== "string") {
          const path = at(position, inBody, `.content[${i}].thinking[${j}].text`);
          throw invalidField(provider, path, "a string", text);
        }
        if (text !== "") acc.thinking(REASONING, text);
      }
    } else {
      // Rare: each chunk of a kind not read is kept under a key of its own, counted per
      // response (searching for a free key would be quadratic over such chunks).
      const kept = otherChunks.get(acc) ?? 0;
      otherChunks.set(acc, kept + 1);
      const kind = typeof chunk.type === "string" ? chunk.type : "content";
      acc.providerBlock(OTHER_CHUNKS - kept, kind, chunk);
    }
  }
  return "";
}

// Content chunks of kinds not read so far, per response being read.
const otherChunks: WeakMap<ResponseAccumulator, number> = new WeakMap();

// A stream's reasoning_details as merged so far, per response being read.
const streamedDetails: WeakMap<ResponseAccumulator, JsonObject[]> = new WeakMap();

/**
 * Keeps OpenRouter's `reasoning_details` (reasoning text with the vendor's signatures, summaries,
 * encrypted reasoning), which must go back unchanged: a body's list as received, a stream's
 * pieces merged by their `index` (text, summary and data appended, other fields set).
 *
 * @see https://openrouter.ai/docs/use-cases/reasoning-tokens#preserving-reasoning-blocks
 */
export function reasoningDetails(
  acc: ResponseAccumulator,
  value: unknown,
  position: number,
  inBody: boolean,
): void {
  const list = listField(acc.provider, value, "reasoning_details", position, inBody) ?? [];
  if (inBody) {
    return acc.providerBlock(REASONING_DETAILS, "reasoning_details", { reasoning_details: list });
  }
  let merged = streamedDetails.get(acc);
  if (merged === undefined) {
    merged = [];
    streamedDetails.set(acc, merged);
    acc.providerBlock(REASONING_DETAILS, "reasoning_details", { reasoning_details: merged });
  }
  for (let i = 0; i < list.length; i++) {
    const piece = list[i];
    if (!isJsonObject(piece)) {
      throw notObject(acc.provider, piece, at(position, inBody, `.reasoning_details[${i}]`));
    }
    let same: JsonObject | undefined;
    for (let k = 0; k < merged.length && same === undefined; k++) {
      if (merged[k].index === piece.index && merged[k].type === piece.type) same = merged[k];
    }
    if (same === undefined || piece.index === undefined) merged.push({ ...piece });
    else {
      for (const key in piece) {
        const before = same[key];
        const next = piece[key];
        const appends = key === "text" || key === "summary" || key === "data";
        same[key] = appends && typeof before === "string" && typeof next === "string"
          ? before + next
          : next;
      }
    }
  }
}

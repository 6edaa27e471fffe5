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
  for (let i = 0; i < chunks.length; i++) {
    const chunk = chunks[i];
    const path = `.content[${i}]`;
    if (!isJsonObject(chunk)) throw notObject(acc.provider, chunk, at(position, inBody, path));
    if (chunk.type === "text") {
      const text = chunkText(acc.provider, chunk.text, position, inBody, `${path}.text`);
      if (text !== "") acc.text(CONTENT, text);
    } else if (chunk.type === "thinking") {
      const parts =
        listField(acc.provider, chunk.thinking, `content[${i}].thinking`, position, inBody) ?? [];
      for (let j = 0; j < parts.length; j++) {
        const part = parts[j];
        const where = `${path}.thinking[${j}]`;
        if (!isJsonObject(part)) throw notObject(acc.provider, part, at(position, inBody, where));
        const text = chunkText(acc.provider, part.text, position, inBody, `${where}.text`);
        if (text !== "") acc.thinking(REASONING, text);
      }
    } else {
      let key = OTHER_CHUNKS;
      while (acc.has(key)) key--;
      acc.providerBlock(key, typeof chunk.type === "string" ? chunk.type : "content", chunk);
    }
  }
  return "";
}

function chunkText(
  provider: string,
  value: unknown,
  position: number,
  inBody: boolean,
  path: string,
): string {
  if (typeof value === "string") return value;
  throw invalidField(provider, at(position, inBody, path), "a string", value);
}

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
    const same = merged.find((d) => d.index === piece.index && d.type === piece.type);
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

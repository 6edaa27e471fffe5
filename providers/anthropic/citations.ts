/**
 * Anthropic citations → canonical citations, for a body's `citations` and a stream's
 * `citations_delta` alike.
 *
 * @see https://docs.anthropic.com/en/docs/build-with-claude/citations
 * @module
 */

import { citationOf } from "../../codec/citation.ts";
import { invalidField, isJsonObject } from "../../codec/json.ts";
import type { Citation } from "../../common/types.ts";

/**
 * Maps one Anthropic citation object (document, page, content-block, web search or search
 * result location).
 *
 * @param value The wire citation.
 * @param path Its path, for errors.
 * @returns The canonical citation.
 */
export function anthropicCitation(value: unknown, path: string): Citation {
  if (!isJsonObject(value)) throw invalidField("anthropic", path, "an object", value);
  return citationOf(
    "anthropic",
    value,
    value.url ?? value.source,
    value.title ?? value.document_title,
    value.cited_text,
  );
}

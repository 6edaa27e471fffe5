/**
 * The one canonical shape of a citation, built from whatever a provider calls its fields.
 *
 * @module
 */

import type { Citation } from "../common/types.ts";
import type { JsonObject } from "../common/json_object.ts";

/**
 * Builds a {@link Citation}, keeping the descriptive fields only when they are strings.
 *
 * @param provider The provider that made it.
 * @param data The provider's citation object, kept whole.
 * @param url The source's address, if any.
 * @param title The source's title, if any.
 * @param citedText The quoted passage, if any.
 * @returns The citation.
 */
export function citationOf(
  provider: string,
  data: JsonObject,
  url: unknown,
  title: unknown,
  citedText: unknown,
): Citation {
  const citation: Citation = { provider, data };
  if (typeof url === "string") citation.url = url;
  if (typeof title === "string") citation.title = title;
  if (typeof citedText === "string") citation.citedText = citedText;
  return citation;
}

/**
 * The parts of Responses output items: a message's `output_text` (its annotations citations) and
 * `refusal`, a reasoning item's `summary_text` and `reasoning_text` — read whole from a body or an
 * item that is done, or as they start in a stream (`content_part.added`,
 * `reasoning_summary_part.added`), each into the block its key names.
 *
 * @see https://platform.openai.com/docs/api-reference/responses/object
 * @module
 */

import { citationOf } from "../../codec/citation.ts";
import { invalidField, isJsonObject } from "../../codec/json.ts";
import type { Citation } from "../../common/types.ts";
import type { JsonObject } from "../../common/json_object.ts";
import { partPath } from "./keys.ts";
import type { ResponsesReader } from "./state.ts";

/**
 * Reads a message part (`output_text`, `refusal`) or reasoning part (`summary_text`,
 * `reasoning_text`), whole or as it starts.
 *
 * @param reader The read.
 * @param key The block's key.
 * @param value The part.
 * @param list The item's list holding it (`content`, `summary`), for errors.
 * @param inBody Whether its item is in a body; undefined for the `part` of an event.
 * @returns False for a part of a kind this reader does not know.
 */
export function readPart(
  reader: ResponsesReader,
  key: number,
  value: unknown,
  list: string,
  inBody: boolean | undefined,
): boolean {
  if (!isJsonObject(value)) {
    throw invalidField(reader.acc.provider, partPath(key, list, inBody), "an object", value);
  }
  const acc = reader.acc;
  let text: unknown;
  let type: "text" | "thinking" = "text";
  switch (value.type) {
    case "output_text":
      text = value.text;
      break;
    case "refusal":
      reader.refused = true;
      text = value.refusal;
      break;
    case "summary_text":
    case "reasoning_text":
      text = value.text;
      type = "thinking";
      break;
    default:
      return false;
  }
  if (typeof text !== "string") {
    const field = value.type === "refusal" ? "refusal" : "text";
    throw invalidField(
      reader.acc.provider,
      `${partPath(key, list, inBody)}.${field}`,
      "a string",
      text,
    );
  }
  if (text === "") acc.open(key, type);
  else if (type === "text") acc.text(key, text);
  else acc.thinking(key, text);
  const annotations = value.annotations;
  if (annotations === undefined || annotations === null || type === "thinking") return true;
  if (!Array.isArray(annotations)) {
    const path = `${partPath(key, list, inBody)}.annotations`;
    throw invalidField(reader.acc.provider, path, "an array", annotations);
  }
  for (let i = 0; i < annotations.length; i++) {
    const annotation = annotations[i];
    if (!isJsonObject(annotation)) {
      const path = `${partPath(key, list, inBody)}.annotations[${i}]`;
      throw invalidField(reader.acc.provider, path, "an object", annotation);
    }
    acc.citation(key, citationFrom(reader.acc.provider, annotation));
  }
  return true;
}

// `url_citation` names its source by url and title, the file citations by filename.
function citationFrom(provider: string, annotation: JsonObject): Citation {
  return citationOf(
    provider,
    annotation,
    annotation.url,
    annotation.title ?? annotation.filename,
    undefined,
  );
}

/**
 * Maps an `output_text` annotation (`url_citation`, `file_citation`, `container_file_citation`,
 * `file_path`) to a citation.
 *
 * @param provider Who sent it, named in the citation and errors.
 * @param value The wire annotation.
 * @param path Its path, for errors.
 * @returns The citation.
 */
export function annotationOf(provider: string, value: unknown, path: string): Citation {
  if (!isJsonObject(value)) throw invalidField(provider, path, "an object", value);
  return citationFrom(provider, value);
}

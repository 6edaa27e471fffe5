/**
 * Inline documents for both OpenAI dialects: a base64 PDF becomes file fields (a data URL and a
 * filename), plain text is decoded and sent as text, as OpenAI's file-inputs guide advises.
 * Each dialect wraps the result in its own part type.
 *
 * @see https://platform.openai.com/docs/guides/file-inputs
 * @module
 */

import { dataUrl } from "../../codec/data_url.ts";
import { decodeTextDocument, PDF } from "../../codec/document.ts";
import { warn } from "../../codec/replay.ts";
import type { Warning } from "../../common/types.ts";
import { refuse } from "../../common/refuse.ts";

/** A PDF's file fields, as both dialects name them. */
export interface OpenAIFileData {
  /** The document's title, or `document.pdf`. */
  filename: string;
  /** The PDF as a `data:` URL. */
  file_data: string;
}

/**
 * What a base64 document becomes: a PDF's file fields, or a plain-text document's text.
 *
 * @param block The document's data and media type, and its title.
 * @param provider The dialect, named in errors and warnings.
 * @param path The document's path in the request.
 * @param warnings Receives a title dropped from a plain-text document.
 * @returns The file fields, or the decoded text.
 * @throws {ValidationError} For a media type other than PDF and plain text, or text that is not
 * base64 of UTF-8.
 */
export function inlineOpenAIDocument(
  block: { data: string; mediaType: string; title?: string },
  provider: string,
  path: string,
  warnings: Warning[] | undefined,
): OpenAIFileData | string {
  if (block.mediaType === PDF) {
    return { filename: block.title ?? "document.pdf", file_data: dataUrl(PDF, block.data) };
  }
  if (block.mediaType !== "text/plain") {
    refuse(
      provider,
      `${path}.mediaType`,
      `must be "${PDF}" or "text/plain", got "${block.mediaType}"`,
    );
  }
  if (block.title !== undefined) {
    warn(warnings, provider, `${path}.title`, "dropped: plain text is sent as a text part");
  }
  return decodeTextDocument(block.data, provider, path);
}

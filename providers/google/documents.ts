/**
 * Documents → Gemini parts: `inlineData` for base64 data, `fileData` for a URL or an uploaded
 * file's URI. Gemini reads PDFs and plain text (and other types its models take) either way.
 *
 * @see https://ai.google.dev/gemini-api/docs/document-processing
 * @module
 */

import type { DocumentBlock } from "../../common/features.ts";
import { warn } from "../../codec/replay.ts";
import type { Warning } from "../../common/types.ts";
import { refuse } from "../../common/refuse.ts";

/**
 * A document's part.
 *
 * @param block The canonical document.
 * @param path Its path in the request.
 * @param warnings Receives a dropped title.
 * @returns The wire part.
 * @throws {ValidationError} For a URL or file without a `mediaType`.
 */
export function googleDocument(
  block: DocumentBlock,
  path: string,
  warnings: Warning[] | undefined,
): Record<string, unknown> {
  if (block.title !== undefined) {
    warn(warnings, "google", `${path}.title`, "dropped: Gemini parts carry no title");
  }
  if ("data" in block) return { inlineData: { mimeType: block.mediaType, data: block.data } };
  const uri = "url" in block ? block.url : block.fileId;
  if (block.mediaType === undefined) {
    refuse("google", `${path}.mediaType`, "is required for a document by URL or file");
  }
  return { fileData: { mimeType: block.mediaType, fileUri: uri } };
}

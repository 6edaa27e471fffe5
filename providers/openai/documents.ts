/**
 * Documents → Chat Completions content parts. Chat Completions takes PDFs only, as `file` parts
 * (base64 or an uploaded file's id); plain text is sent as a text part, as OpenAI's file-inputs
 * guide advises; a document by URL has no form.
 *
 * @see https://platform.openai.com/docs/guides/file-inputs
 * @module
 */

import { dataUrl } from "../../common/data_url.ts";
import { decodeTextDocument, PDF } from "../../common/document.ts";
import type { DocumentBlock } from "../../common/features.ts";
import { warn } from "../../common/replay.ts";
import type { Warning } from "../../common/types.ts";
import { refuse } from "../../common/validate.ts";

/**
 * A document's content part.
 *
 * @param block The canonical document.
 * @param path Its path in the request.
 * @param warnings Receives a dropped title.
 * @returns The wire part.
 * @throws {ValidationError} For a URL, or a media type other than PDF and plain text.
 */
export function openAIDocument(
  block: DocumentBlock,
  path: string,
  warnings: Warning[] | undefined,
): Record<string, unknown> {
  if ("url" in block) {
    refuse("openai", `${path}.url`, "cannot be sent: Chat Completions takes files by id or data");
  }
  if ("fileId" in block) {
    if (block.mediaType !== undefined && block.mediaType !== PDF) {
      refuse(
        "openai",
        `${path}.mediaType`,
        `must be "${PDF}" for a file id, got "${block.mediaType}"`,
      );
    }
    return { type: "file", file: { file_id: block.fileId } };
  }
  if (block.mediaType === PDF) {
    const data = dataUrl(PDF, block.data);
    return { type: "file", file: { filename: block.title ?? "document.pdf", file_data: data } };
  }
  if (block.mediaType !== "text/plain") {
    refuse(
      "openai",
      `${path}.mediaType`,
      `must be "${PDF}" or "text/plain", got "${block.mediaType}"`,
    );
  }
  if (block.title !== undefined) {
    warn(warnings, "openai", `${path}.title`, "dropped: plain text is sent as a text part");
  }
  return { type: "text", text: decodeTextDocument(block.data, "openai", path) };
}

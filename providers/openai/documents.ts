/**
 * Documents → Chat Completions content parts. Chat Completions takes PDFs only, as `file` parts
 * (base64 or an uploaded file's id); plain text is sent as a text part, as OpenAI's file-inputs
 * guide advises; a document by URL has no form.
 *
 * @see https://platform.openai.com/docs/guides/file-inputs
 * @module
 */

import { PDF } from "../../codec/document.ts";
import type { DocumentBlock } from "../../common/features.ts";
import { inlineOpenAIDocument } from "../openai-shared/documents.ts";
import type { Warning } from "../../common/types.ts";
import { refuse } from "../../common/refuse.ts";

/**
 * A document's content part.
 *
 * @param name The provider serializing, named in errors and warnings.
 * @param block The canonical document.
 * @param path Its path in the request.
 * @param warnings Receives a dropped title.
 * @returns The wire part.
 * @throws {ValidationError} For a URL, or a media type other than PDF and plain text.
 */
export function openAIDocument(
  name: string,
  block: DocumentBlock,
  path: string,
  warnings: Warning[] | undefined,
): Record<string, unknown> {
  if ("url" in block) {
    refuse(name, `${path}.url`, "cannot be sent: Chat Completions takes files by id or data");
  }
  if ("fileId" in block) {
    if (block.mediaType !== undefined && block.mediaType !== PDF) {
      refuse(
        name,
        `${path}.mediaType`,
        `must be "${PDF}" for a file id, got "${block.mediaType}"`,
      );
    }
    return { type: "file", file: { file_id: block.fileId } };
  }
  const inline = inlineOpenAIDocument(block, name, path, warnings);
  return typeof inline === "string"
    ? { type: "text", text: inline }
    : { type: "file", file: inline };
}

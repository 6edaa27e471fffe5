/**
 * Documents → Responses `input_file` parts: a PDF by base64 data, file id or URL; plain text is
 * sent as an `input_text` part, as OpenAI's file-inputs guide advises.
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
 * A document's input part.
 *
 * @param block The canonical document.
 * @param path Its path in the request.
 * @param warnings Receives a dropped title.
 * @returns The wire part.
 * @throws {ValidationError} For a media type other than PDF and plain text.
 */
export function responsesDocument(
  name: string,
  block: DocumentBlock,
  path: string,
  warnings: Warning[] | undefined,
): Record<string, unknown> {
  if (block.mediaType !== undefined && block.mediaType !== PDF && !("data" in block)) {
    refuse(
      name,
      `${path}.mediaType`,
      `must be "${PDF}" for a file id or URL, got "${block.mediaType}"`,
    );
  }
  if ("fileId" in block) return { type: "input_file", file_id: block.fileId };
  if ("url" in block) return { type: "input_file", file_url: block.url };
  const inline = inlineOpenAIDocument(block, name, path, warnings);
  return typeof inline === "string"
    ? { type: "input_text", text: inline }
    : { type: "input_file", ...inline };
}

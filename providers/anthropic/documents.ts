/**
 * Documents → Anthropic `document` blocks: base64 PDF, plain text (decoded), a PDF URL, or a file
 * id (the Files API; `buildHttpRequest` adds its beta header when a user turn has one).
 *
 * @see https://platform.claude.com/docs/en/build-with-claude/pdf-support
 * @module
 */

import { decodeTextDocument, PDF } from "../../codec/document.ts";
import type { DocumentBlock } from "../../common/features.ts";
import type { ChatRequest } from "../../common/types.ts";
import { refuse } from "../../common/refuse.ts";

/**
 * A document block.
 *
 * @param block The canonical document.
 * @param path Its path in the request.
 * @returns The wire block.
 * @throws {ValidationError} For a media type Anthropic documents cannot be.
 */
export function anthropicDocument(block: DocumentBlock, path: string): Record<string, unknown> {
  let source: Record<string, unknown>;
  if ("fileId" in block) {
    source = { type: "file", file_id: block.fileId };
  } else if ("url" in block) {
    if (block.mediaType !== undefined && block.mediaType !== PDF) {
      refuse(
        "anthropic",
        `${path}.mediaType`,
        `must be "${PDF}" for a URL, got "${block.mediaType}"`,
      );
    }
    source = { type: "url", url: block.url };
  } else if (block.mediaType === PDF) {
    source = { type: "base64", media_type: PDF, data: block.data };
  } else if (block.mediaType === "text/plain") {
    source = {
      type: "text",
      media_type: "text/plain",
      data: decodeTextDocument(block.data, "anthropic", path),
    };
  } else {
    refuse(
      "anthropic",
      `${path}.mediaType`,
      `must be "${PDF}" or "text/plain", got "${block.mediaType}"`,
    );
  }
  return block.title === undefined
    ? { type: "document", source }
    : { type: "document", source, title: block.title };
}

/**
 * Whether a request sends a document by file id, which needs the Files API beta. Only user
 * turns hold documents; text elsewhere (a replayed tool call's arguments) may look like one.
 *
 * @param request The request.
 * @returns True when a user turn has a document with a `fileId`.
 */
export function refersToFile(request: ChatRequest): boolean {
  for (const message of request.messages) {
    if (message.role !== "user" || typeof message.content === "string") continue;
    for (const block of message.content) {
      if (block.type === "document" && "fileId" in block) return true;
    }
  }
  return false;
}

/**
 * Canonical user content → Converse content blocks: text, `image` (`{format, source: {bytes}}`
 * or an S3 object), `document` (`{format, name, source}`) and tool results (`toolResult` with
 * `text` / `image` content and `status: "error"`). Converse fetches nothing from the web: an image
 * or document by URL must be an `s3://` URL (sent as `s3Location`), anything else is refused.
 *
 * @see https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_ContentBlock.html
 * @see https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_DocumentBlock.html
 * @module
 */

import { blockPath } from "../../codec/paths.ts";
import type { DocumentBlock } from "../../common/features.ts";
import type { ImageBlock, TextBlock, ToolResultBlock } from "../../common/types.ts";
import type { JsonObject } from "../../common/json_object.ts";
import { refuse } from "../../common/refuse.ts";

const IMAGE_FORMATS: Record<string, string> = {
  "image/png": "png",
  "image/jpeg": "jpeg",
  "image/jpg": "jpeg",
  "image/gif": "gif",
  "image/webp": "webp",
};

const DOCUMENT_FORMATS: Record<string, string> = {
  "application/pdf": "pdf",
  "text/csv": "csv",
  "application/msword": "doc",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
  "application/vnd.ms-excel": "xls",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
  "text/html": "html",
  "text/plain": "txt",
  "text/markdown": "md",
};

// A document name Converse takes: letters, digits, single spaces, hyphens, parentheses, brackets.
const DOCUMENT_NAME = /^(?:[A-Za-z0-9\-()[\]]| (?! ))+$/;

function format(
  table: Record<string, string>,
  mediaType: string | undefined,
  path: string,
  what: string,
): string {
  const found = mediaType === undefined ? undefined : table[mediaType.toLowerCase()];
  if (found === undefined) {
    refuse(
      "bedrock",
      `${path}.mediaType`,
      `must be one of ${Object.keys(table).join(", ")} for a Converse ${what}, got ${
        mediaType === undefined ? "none" : JSON.stringify(mediaType)
      }`,
    );
  }
  return found;
}

function source(block: { url?: string; data?: string }, path: string): JsonObject {
  if (block.data !== undefined) return { bytes: block.data };
  const url = block.url!;
  if (!url.startsWith("s3://")) {
    refuse("bedrock", `${path}.url`, `must be an s3:// URL (Converse fetches nothing else), got "${url}"`);
  }
  return { s3Location: { uri: url } };
}

/**
 * An image block.
 *
 * @param block The canonical image.
 * @param path Its path, for errors.
 * @returns `{image: {format, source}}`.
 */
export function bedrockImage(block: ImageBlock, path: string): JsonObject {
  return {
    image: {
      format: format(IMAGE_FORMATS, block.mediaType, path, "image"),
      source: source(block as { url?: string; data?: string }, path),
    },
  };
}

/**
 * A document block. Its `name` is the title, or `document-{m}-{b}` without one.
 *
 * @param block The canonical document.
 * @param m The message's index.
 * @param b The block's index.
 * @returns `{document: {format, name, source}}`.
 */
export function bedrockDocument(block: DocumentBlock, m: number, b: number): JsonObject {
  const path = blockPath(m, b);
  if ("fileId" in block) {
    refuse("bedrock", `${path}.fileId`, "cannot be sent: Converse has no file uploads; send data or an s3:// url");
  }
  const name = block.title ?? `document-${m}-${b}`;
  if (!DOCUMENT_NAME.test(name)) {
    refuse(
      "bedrock",
      `${path}.title`,
      `must be letters, digits, single spaces, hyphens, parentheses or brackets for Converse, got ${
        JSON.stringify(name)
      }`,
    );
  }
  return {
    document: {
      format: format(DOCUMENT_FORMATS, block.mediaType, path, "document"),
      name,
      source: source(block as { url?: string; data?: string }, path),
    },
  };
}

/**
 * User blocks of a message.
 *
 * @param blocks Text, images and documents.
 * @param m The message's index.
 * @returns The Converse blocks.
 */
export function bedrockUserBlocks(
  blocks: Array<TextBlock | ImageBlock | DocumentBlock>,
  m: number,
): JsonObject[] {
  const out: JsonObject[] = new Array(blocks.length);
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b];
    out[b] = block.type === "text"
      ? { text: block.text }
      : block.type === "image"
      ? bedrockImage(block, blockPath(m, b))
      : bedrockDocument(block, m, b);
  }
  return out;
}

/**
 * A tool result.
 *
 * @param block The canonical result.
 * @param m The message's index.
 * @param b The block's index.
 * @returns `{toolResult: {toolUseId, content, status?}}`.
 */
export function bedrockToolResult(block: ToolResultBlock, m: number, b: number): JsonObject {
  const content = typeof block.content === "string"
    ? [{ text: block.content }]
    : block.content.map((inner, i) =>
      inner.type === "text" ? { text: inner.text } : bedrockImage(inner, blockPath(m, b, i))
    );
  const result: JsonObject = { toolUseId: block.toolCallId, content };
  if (block.isError) result.status = "error";
  return { toolResult: result };
}

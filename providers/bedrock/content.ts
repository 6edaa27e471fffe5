/**
 * Canonical user content → Converse content blocks: text, `image` (`{format, source: {bytes}}`
 * or an S3 object), `document` (`{format, name, source}`) and tool results (`toolResult` with
 * `text` / `image` content and `status: "error"`). Converse fetches nothing from the web: an image
 * or document by URL is sent when it is an `s3://` URL (as `s3Location`); one on the web is
 * dropped with a {@link Warning}, as the other dialects drop what their API cannot take.
 *
 * @see https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_ContentBlock.html
 * @see https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_DocumentBlock.html
 * @module
 */

import { blockPath } from "../../codec/paths.ts";
import type { DocumentBlock } from "../../common/features.ts";
import { warn } from "../../codec/replay.ts";
import type { ImageBlock, TextBlock, ToolResultBlock, Warning } from "../../common/types.ts";
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

// What a document name Converse takes may not hold: anything but letters, digits, single
// spaces, hyphens, parentheses and brackets.
const NOT_IN_NAME = /[^A-Za-z0-9\-()[\] ]+| {2,}/g;

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

// Where the bytes are: inline, or an S3 object; undefined (with a warning) for a web URL.
function source(
  block: { url?: string; data?: string },
  path: string,
  warnings: Warning[] | undefined,
): JsonObject | undefined {
  if (block.data !== undefined) return { bytes: block.data };
  const url = block.url!;
  if (url.startsWith("s3://")) return { s3Location: { uri: url } };
  warn(
    warnings,
    "bedrock",
    path,
    "dropped: Converse takes images and documents inline or from s3:// URLs, not from the web",
  );
  return undefined;
}

/**
 * An image block.
 *
 * @param block The canonical image.
 * @param path Its path, for errors.
 * @param warnings Receives a web URL dropped.
 * @returns `{image: {format, source}}`, or undefined when it was dropped.
 */
export function bedrockImage(
  block: ImageBlock,
  path: string,
  warnings: Warning[] | undefined,
): JsonObject | undefined {
  const from = source(block as { url?: string; data?: string }, path, warnings);
  if (from === undefined) return undefined;
  return { image: { format: format(IMAGE_FORMATS, block.mediaType, path, "image"), source: from } };
}

/**
 * A document block. Its `name` is the title, or `document-{m}-{b}` without one.
 *
 * @param block The canonical document.
 * @param m The message's index.
 * @param b The block's index.
 * @param warnings Receives a web URL dropped.
 * @returns `{document: {format, name, source}}`, or undefined when it was dropped.
 */
export function bedrockDocument(
  block: DocumentBlock,
  m: number,
  b: number,
  warnings: Warning[] | undefined,
): JsonObject | undefined {
  const path = blockPath(m, b);
  if ("fileId" in block) {
    refuse(
      "bedrock",
      `${path}.fileId`,
      "cannot be sent: Converse has no file uploads; send data or an s3:// url",
    );
  }
  // Converse names a document with at least one character.
  const title = block.title || `document-${m}-${b}`;
  const name = title.replace(NOT_IN_NAME, (run) => run[0] === " " ? " " : "-");
  if (name !== title) {
    warn(
      warnings,
      "bedrock",
      `${path}.title`,
      `sent as the name "${name}": Converse document names take only letters, digits, single spaces, hyphens, parentheses and brackets`,
    );
  }
  const from = source(block as { url?: string; data?: string }, path, warnings);
  if (from === undefined) return undefined;
  const kind = format(DOCUMENT_FORMATS, block.mediaType, path, "document");
  return { document: { format: kind, name, source: from } };
}

/**
 * User blocks of a message.
 *
 * @param blocks Text, images and documents.
 * @param m The message's index.
 * @param warnings Receives what was dropped.
 * @returns The Converse blocks.
 */
export function bedrockUserBlocks(
  blocks: Array<TextBlock | ImageBlock | DocumentBlock>,
  m: number,
  warnings: Warning[] | undefined,
): JsonObject[] {
  const out: JsonObject[] = [];
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b];
    const wire = block.type === "text"
      ? { text: block.text }
      : block.type === "image"
      ? bedrockImage(block, blockPath(m, b), warnings)
      : bedrockDocument(block, m, b, warnings);
    if (wire !== undefined) out.push(wire);
  }
  return out;
}

/**
 * A tool result.
 *
 * @param block The canonical result.
 * @param m The message's index.
 * @param b The block's index.
 * @param warnings Receives what was dropped.
 * @returns `{toolResult: {toolUseId, content, status?}}`.
 */
export function bedrockToolResult(
  block: ToolResultBlock,
  m: number,
  b: number,
  warnings: Warning[] | undefined,
): JsonObject {
  const content: JsonObject[] = [];
  if (typeof block.content === "string") content.push({ text: block.content });
  else {
    block.content.forEach((inner, i) => {
      const wire = inner.type === "text"
        ? { text: inner.text }
        : bedrockImage(inner, blockPath(m, b, i), warnings);
      if (wire !== undefined) content.push(wire);
    });
  }
  const result: JsonObject = { toolUseId: block.toolCallId, content };
  if (block.isError) result.status = "error";
  return { toolResult: result };
}

/**
 * Reading documents for providers that take their content as text rather than as a file.
 *
 * @module
 */

import { refuse } from "../common/refuse.ts";

/** The media type of PDF documents. */
export const PDF = "application/pdf";

/**
 * The text of a base64 `text/plain` document.
 *
 * @param data Base64 data.
 * @param provider The provider being serialized for, named in errors.
 * @param path The document's path in the request.
 * @returns The text.
 * @throws {ValidationError} Naming `<path>.data` when it is not base64 of UTF-8 text.
 */
export function decodeTextDocument(data: string, provider: string, path: string): string {
  let binary: string;
  try {
    binary = atob(data);
  } catch {
    refuse(provider, `${path}.data`, "is not valid base64");
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    refuse(provider, `${path}.data`, "is not UTF-8 text");
  }
}

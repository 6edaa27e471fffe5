/**
 * Replaying a conversation: opaque provider data (signatures, redacted thinking, citations,
 * provider blocks) goes back only to the provider that made it; anything dropped is reported as
 * a {@link Warning}.
 *
 * @module
 */

import type { AssistantMessage, ProviderBlock, TextBlock, Warning } from "../common/types.ts";
import type { JsonObject } from "../common/json_object.ts";

/**
 * Whether opaque data in this assistant turn may be sent to `provider`.
 *
 * @param message The assistant turn.
 * @param provider The provider being serialized for.
 * @returns True when the turn came from that provider, or says nothing of its origin.
 */
export function acceptsOpaque(message: AssistantMessage, provider: string): boolean {
  return message.provider === undefined || message.provider === provider;
}

/**
 * Records a lossy conversion, if the caller collects warnings.
 *
 * @param warnings The caller's list, or undefined.
 * @param provider The provider being serialized for.
 * @param path Where in the request.
 * @param message What was dropped or changed.
 */
export function warn(
  warnings: Warning[] | undefined,
  provider: string,
  path: string,
  message: string,
): void {
  warnings?.push({ provider, path, message });
}

/**
 * The citations of a text block that `provider` made, as it sent them; the others are dropped
 * with a warning (no provider takes another's citations).
 *
 * @param block The text block being replayed.
 * @param provider The provider being serialized for.
 * @param warnings The caller's list, or undefined.
 * @param path The block's path in the request.
 * @returns The provider's own citation objects, or undefined when there are none.
 */
export function ownCitations(
  block: TextBlock,
  provider: string,
  warnings: Warning[] | undefined,
  path: string,
): JsonObject[] | undefined {
  const citations = block.citations;
  if (citations === undefined || citations.length === 0) return undefined;
  const own: JsonObject[] = [];
  for (let i = 0; i < citations.length; i++) {
    const citation = citations[i];
    if (citation.provider === provider) own.push(citation.data);
    else {
      warn(
        warnings,
        provider,
        `${path}.citations[${i}]`,
        `dropped: a citation from ${citation.provider} cannot be sent to ${provider}`,
      );
    }
  }
  return own.length === 0 ? undefined : own;
}

/**
 * The wire data of a provider block, when it goes back to the provider that made it; otherwise
 * undefined, and a warning.
 *
 * @param block The provider block being replayed.
 * @param provider The provider being serialized for.
 * @param warnings The caller's list, or undefined.
 * @param path The block's path in the request.
 * @returns The block's data, unchanged, or undefined.
 */
export function ownProviderBlock(
  block: ProviderBlock,
  provider: string,
  warnings: Warning[] | undefined,
  path: string,
): JsonObject | undefined {
  if (block.provider === provider) return block.data;
  warn(
    warnings,
    provider,
    path,
    `${block.blockType} block from ${block.provider} dropped: only ${block.provider} can take it back`,
  );
  return undefined;
}

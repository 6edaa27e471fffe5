/**
 * Replaying a conversation: opaque provider data (signatures, redacted thinking) goes back only
 * to the provider that made it; anything dropped is reported as a {@link Warning}.
 *
 * @module
 */

import type { AssistantMessage, Warning } from "./types.ts";

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

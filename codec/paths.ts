/**
 * Field paths of request messages, for errors and warnings. Serializers pass indices down and
 * build a path only when something is reported: building one per message or block would cost
 * every request a string per block.
 *
 * @module
 */

/**
 * The path of a message.
 *
 * @param m The message's index.
 * @returns e.g. `messages[2]`.
 */
export function messagePath(m: number): string {
  return `messages[${m}]`;
}

/**
 * The path of a block of a message, or of a block inside a tool result's content.
 *
 * @param m The message's index.
 * @param b The block's index in the message.
 * @param inner The index in the tool result's content, if the block is one of those.
 * @returns e.g. `messages[2].content[0]` or `messages[2].content[0].content[1]`.
 */
export function blockPath(m: number, b: number, inner?: number): string {
  const path = `messages[${m}].content[${b}]`;
  return inner === undefined ? path : `${path}.content[${inner}]`;
}

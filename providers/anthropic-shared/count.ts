/**
 * What Anthropic's token-counting endpoint takes, wherever Claude is served with it.
 *
 * @module
 */

/**
 * The body fields `POST /v1/messages/count_tokens` takes (Claude on Vertex's `count-tokens`
 * endpoint too).
 *
 * @see https://platform.claude.com/docs/en/api/messages/count_tokens
 */
export const ANTHROPIC_COUNTED_FIELDS: readonly string[] = [
  "model",
  "messages",
  "system",
  "tools",
  "tool_choice",
  "thinking",
  "output_config",
  "mcp_servers",
  "cache_control",
];

/**
 * What an OpenAI-compatible host changes in the Chat Completions dialect: the name it answers
 * to, its models' capability rows, and how reasoning goes back to it. The reader needs none of
 * it (it reads every documented shape); the serializer is given one of these.
 *
 * @module
 */

import type { RequestLimits } from "../../codec/validate_tools.ts";
import { OPENAI_LIMITS, type OpenAIModel, openAIModel } from "../openai-shared/models.ts";

/** How a replayed assistant turn's reasoning goes back to the server. */
export type ReasoningReplay =
  /** As `reasoning_content` on the assistant turns of a span with tool calls (DeepSeek). */
  | "reasoning_content"
  /** As the `reasoning_details` the server sent, unchanged (OpenRouter). */
  | "reasoning_details";

/** The Chat Completions dialect as one server speaks it. */
export interface ChatDialect {
  /** The provider's name: the `providerOptions` key, and what errors, warnings and responses say. */
  readonly name: string;
  /** The capability row of a model id (unknown ids get a permissive row). */
  readonly model: (id: string) => OpenAIModel;
  /** Sampling ranges and the tool-name rule. */
  readonly limits: RequestLimits;
  /** How reasoning is replayed; unset: it is not (OpenAI takes none back). */
  readonly reasoningReplay?: ReasoningReplay;
  /**
   * The field `maxOutputTokens` goes in: servers that predate `max_completion_tokens` (or refuse
   * fields they do not document, as Mistral does) take `max_tokens`.
   * @default "max_completion_tokens"
   */
  readonly maxTokensField?: "max_tokens" | "max_completion_tokens";
  /**
   * Whether a stream asks for usage with `stream_options.include_usage`; false for servers that
   * send usage anyway and refuse the field.
   * @default true
   */
  readonly streamOptions?: boolean;
  /** Body fields the server names otherwise, e.g. Mistral's `seed` → `random_seed`. */
  readonly renamedFields?: Readonly<Record<string, string>>;
  /**
   * Body fields the server refuses, each with the request field that wrote it: a request that sets
   * one is refused there, never sent to be answered 422.
   */
  readonly refusedFields?: Readonly<Record<string, string>>;
}

/** OpenAI's own Chat Completions. */
export const OPENAI_CHAT: ChatDialect = {
  name: "openai",
  model: openAIModel,
  limits: OPENAI_LIMITS,
};

/**
 * The server as messages name it: `OpenAI`, or a host by its name.
 *
 * @param name The provider's name.
 * @returns The name to write in a warning.
 */
export function serverName(name: string): string {
  return name === "openai" ? "OpenAI" : name;
}

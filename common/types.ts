/**
 * The canonical model: one request, one response and one set of stream events that every
 * provider maps to and from. Plain data only, so values can be logged, stored and replayed.
 *
 * @module
 */

import type { DocumentBlock, PromptCache, ProviderTool, StructuredOutput } from "./features.ts";
import type { JsonObject } from "./json_object.ts";
import type { ProviderOptions } from "./provider_options.ts";

export type { JsonObject };

/**
 * A source that a text block cites, in one shape for every provider: Anthropic `citations`
 * (documents, web search and fetch results), OpenAI `annotations` (`url_citation`), Gemini
 * `citationMetadata` and grounding chunks.
 */
export interface Citation {
  /** The provider that made it (registry name); `data` is sent back only to that provider. */
  provider: string;
  /** The cited source's address, when it has one. */
  url?: string;
  /** The source's title (a page or document title). */
  title?: string;
  /** The passage quoted from the source, when the provider gives it. */
  citedText?: string;
  /**
   * The provider's citation object as received: offsets in its own units, document indices,
   * encrypted ids.
   */
  data: JsonObject;
}

/** Plain text. `signature` is Gemini's opaque `thoughtSignature` when it rides on a text part. */
export interface TextBlock {
  /** Discriminant. */
  type: "text";
  /** The text. */
  text: string;
  /** Opaque provider signature that must be replayed unchanged (Gemini only). */
  signature?: string;
  /** The sources this text cites, in the order they arrived. */
  citations?: Citation[];
}

/** Model reasoning. `signature` must be replayed to the same provider unchanged. */
export interface ThinkingBlock {
  /** Discriminant. */
  type: "thinking";
  /** The reasoning text (or summary) the provider returned. */
  text: string;
  /** Opaque signature (Anthropic `signature`, Gemini `thoughtSignature`). */
  signature?: string;
}

/** Reasoning the provider encrypted; only the opaque `data` exists and it is replayed as is. */
export interface RedactedThinkingBlock {
  /** Discriminant. */
  type: "redacted_thinking";
  /** Opaque encrypted payload. */
  data: string;
}

/** A model's request to call a tool. */
export interface ToolCallBlock {
  /** Discriminant. */
  type: "tool_call";
  /** Call id; generated for Google, which has none. */
  id: string;
  /** Tool name. */
  name: string;
  /** The arguments, parsed from the provider's JSON. */
  arguments: JsonObject;
  /** Gemini `thoughtSignature` attached to the call, replayed unchanged. */
  signature?: string;
}

/** An image, inline as base64 or by URL. */
export type ImageBlock =
  | {
    /** Discriminant. */
    type: "image";
    /** IANA media type, e.g. `image/png`. */
    mediaType: string;
    /** Base64 data, no `data:` prefix. */
    data: string;
    /** Gemini `thoughtSignature` on a generated image, replayed unchanged. */
    signature?: string;
  }
  | {
    /** Discriminant. */
    type: "image";
    /** Where the provider fetches the image. */
    url: string;
    /** IANA media type; Google requires it for URLs. */
    mediaType?: string;
  };

/** The result of running a tool, sent back in a `tool` message. */
export interface ToolResultBlock {
  /** Discriminant. */
  type: "tool_result";
  /** The `id` of the {@link ToolCallBlock} this answers. */
  toolCallId: string;
  /** Tool name; needed by Google, filled from the call when omitted. */
  toolName?: string;
  /** The result as text, or text and image blocks. */
  content: string | Array<TextBlock | ImageBlock>;
  /** True when the tool failed and `content` describes the error. */
  isError?: boolean;
}

/**
 * Model output the canonical model has no type for, kept whole and in order: Anthropic
 * server-tool activity (`server_tool_use`, `web_search_tool_result`, `web_fetch_tool_result`,
 * code-execution results), Gemini `executableCode` / `codeExecutionResult` parts, and any block
 * or part kind a provider adds later. Replayed unchanged to the provider that made it; dropped,
 * with a {@link Warning}, for any other.
 */
export interface ProviderBlock {
  /** Discriminant. */
  type: "provider";
  /** The provider that made it (registry name). */
  provider: string;
  /** The provider's own kind, e.g. `web_search_tool_result` or `executableCode`. */
  blockType: string;
  /** The wire block (Anthropic) or part (Gemini) exactly as received. */
  data: JsonObject;
}

/** A block a model produces: what a response holds and an assistant turn replays. */
export type AssistantBlock =
  | TextBlock
  | ThinkingBlock
  | RedactedThinkingBlock
  | ToolCallBlock
  | ImageBlock
  | ProviderBlock;

/** Every content block, discriminated on `type`. */
export type ContentBlock =
  | TextBlock
  | ThinkingBlock
  | RedactedThinkingBlock
  | ToolCallBlock
  | ToolResultBlock
  | ImageBlock
  | DocumentBlock
  | ProviderBlock;

/** A user turn: text, images and documents. A string is shorthand for one text block. */
export interface UserMessage {
  /** Discriminant. */
  role: "user";
  /** Text or blocks. */
  content: string | Array<TextBlock | ImageBlock | DocumentBlock>;
}

/** A model turn, usually a previous response's content replayed. */
export interface AssistantMessage {
  /** Discriminant. */
  role: "assistant";
  /** Text or blocks. */
  content: string | AssistantBlock[];
  /**
   * The provider that produced this turn (its registry name, e.g. `anthropic`). Signatures and
   * redacted thinking are sent only back to that provider; unset means "trust the blocks as
   * they are".
   */
  provider?: string;
}

/** Tool results answering the previous assistant turn's calls. */
export interface ToolMessage {
  /** Discriminant. */
  role: "tool";
  /** One result per call. */
  content: ToolResultBlock[];
}

/** A conversation turn. `system` is a request field, not a message. */
export type Message = UserMessage | AssistantMessage | ToolMessage;

/** A tool the model may call, described by a JSON Schema for its arguments. */
export interface ToolDefinition {
  /** Tool name, unique within a request. */
  name: string;
  /** What the tool does, for the model. */
  description?: string;
  /** JSON Schema of the arguments object. */
  parameters: JsonObject;
}

/** How the model may use tools: `auto`, `none`, `required` (any tool) or one named tool. */
export type ToolChoice = "auto" | "none" | "required" | { name: string };

/**
 * Canonical reasoning effort, mapped to the model's nearest setting (a budget, an effort or a
 * level); a {@link Warning} says so when the model has no exact match.
 */
export type ThinkingLevel = "none" | "low" | "medium" | "high";

/** A provider's own effort name, sent unchanged where the model takes it (refused elsewhere). */
export type ThinkingEffort = "none" | "minimal" | "low" | "medium" | "high" | "xhigh" | "max";

/** An exact thinking budget in tokens (Anthropic `budget_tokens`, Gemini `thinkingBudget`). */
export interface ThinkingBudget {
  /** Tokens the model may spend reasoning. */
  budgetTokens: number;
}

/** An exact effort (OpenAI `reasoning_effort`, Anthropic `output_config.effort`, Gemini `thinkingLevel`). */
export interface ExactEffort {
  /** The provider's effort name. */
  effort: ThinkingEffort;
}

/**
 * How much the model reasons: a canonical level, or an exact budget or effort for callers who
 * need one. An exact value the model cannot take is refused, never approximated.
 */
export type Thinking = ThinkingLevel | ThinkingBudget | ExactEffort;

/** One provider-neutral chat request. */
export interface ChatRequest {
  /** Provider model id, e.g. `claude-sonnet-4-5`, `gpt-4o`, `gemini-2.5-flash`. */
  model: string;
  /** System prompt. */
  system?: string;
  /** The conversation, oldest first. */
  messages: Message[];
  /** Tools the model may call. */
  tools?: ToolDefinition[];
  /** Tool use policy. */
  toolChoice?: ToolChoice;
  /** Reasoning effort: a level, `{ budgetTokens }` or `{ effort }`; unset leaves the provider's default. */
  thinking?: Thinking;
  /** Cap on generated tokens. */
  maxOutputTokens?: number;
  /** Sampling temperature. */
  temperature?: number;
  /** Sequences that stop generation. */
  stopSequences?: string[];
  /** Nucleus sampling: Anthropic `top_p`, OpenAI `top_p`, Gemini `topP`. */
  topP?: number;
  /** Sample from the K likeliest tokens: Anthropic `top_k`, Gemini `topK` (OpenAI: warning). */
  topK?: number;
  /** Best-effort determinism: OpenAI `seed`, Gemini `seed` (Anthropic: warning). */
  seed?: number;
  /** −2…2, favours new topics: OpenAI and Gemini (Anthropic: warning). */
  presencePenalty?: number;
  /** −2…2, discourages repetition: OpenAI and Gemini (Anthropic: warning). */
  frequencyPenalty?: number;
  /**
   * Whether the model may call several tools in one turn: OpenAI `parallel_tool_calls`,
   * Anthropic `tool_choice.disable_parallel_tool_use` (Gemini: warning when false).
   */
  parallelToolCalls?: boolean;
  /**
   * An opaque id of the end user (a hash, never personal data) for abuse detection: Anthropic
   * `metadata.user_id`, OpenAI `safety_identifier` (Gemini: warning).
   */
  userId?: string;
  /** Answer with JSON matching a schema. */
  structuredOutput?: StructuredOutput;
  /** Prompt caching: breakpoints, lifetime, routing key. */
  cache?: PromptCache;
  /** Tools the provider runs itself: web search, web fetch, code execution. */
  providerTools?: ProviderTool[];
  /** Wire fields of one provider with no canonical name, merged into its body. */
  providerOptions?: ProviderOptions;
}

/** Why generation stopped, in canonical form. */
export type FinishReason = "stop" | "length" | "tool_use" | "content_filter" | "error" | "unknown";

/** Token counts. `inputTokens` includes cached tokens; cache counts are parts of it. */
export interface Usage {
  /** All prompt tokens, cached or not. */
  inputTokens: number;
  /**
   * Every token billed as output, thinking included, on every provider (Anthropic
   * `output_tokens`, OpenAI `completion_tokens` / `output_tokens`, Gemini
   * `candidatesTokenCount + thoughtsTokenCount`).
   */
  outputTokens: number;
  /**
   * The part of {@link outputTokens} spent thinking, where the provider reports it (OpenAI
   * `reasoning_tokens`, Gemini `thoughtsTokenCount`, Anthropic `thinking_tokens` when given);
   * 0 otherwise. The answer itself is `outputTokens - thinkingTokens`.
   */
  thinkingTokens: number;
  /** Prompt tokens read from cache. */
  cacheReadTokens: number;
  /** Prompt tokens written to cache. */
  cacheWriteTokens: number;
  /** Total as the provider reports it, else the sum. */
  totalTokens: number;
}

/** A complete model response. */
export interface ChatResponse {
  /**
   * The provider that produced it (its registry name, e.g. `anthropic`); carried into the
   * assistant turn when the response is replayed.
   */
  provider: string;
  /** Provider response id, when given. */
  id?: string;
  /** Model that answered. */
  model: string;
  /** Response content in order. */
  content: AssistantBlock[];
  /** Canonical finish reason. */
  finishReason: FinishReason;
  /** The provider's own finish reason, unmapped. */
  rawFinishReason?: string;
  /** Token usage (of the whole response, alternatives included). */
  usage: Usage;
  /**
   * What the provider sent beside the content that the canonical model has no field for, kept
   * raw and unparsed: the wire `usage` object, and fields such as Anthropic `stop_sequence` /
   * `stop_details` / `container`, OpenAI `logprobs` / `system_fingerprint` / Azure
   * `content_filter_results`, Gemini `safetyRatings` / `groundingMetadata` / `promptFeedback`.
   * Field names are the provider's. In a stream, the last value of a field wins (OpenAI
   * `logprobs` lists are joined).
   */
  providerMetadata?: JsonObject;
  /**
   * The other choices (OpenAI `n` > 1) or candidates (Gemini `candidateCount` > 1), each read
   * like the first, in index order. They share `id`, `model` and `usage` with this response. A
   * stream's events describe the first choice only; the others arrive here, at the end.
   */
  alternatives?: ChatResponse[];
}

/** A lossy but legal conversion, reported instead of thrown or logged. */
export interface Warning {
  /** The provider the request was being serialized for. */
  provider: string;
  /** Where in the request, e.g. `messages[3].content[0]`. */
  path: string;
  /** What was dropped or changed, and why. */
  message: string;
}

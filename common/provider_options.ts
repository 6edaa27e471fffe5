/**
 * The escape hatch: fields of one provider's wire body that the canonical request has no name
 * for, typed where rosetta knows them, merged into that provider's body in the same pass that
 * builds it. Options for other providers are ignored, so one request serves all of them.
 *
 * @module
 */

/** Anthropic Messages body fields, e.g. `service_tier`, `container`, `context_management`. */
export interface AnthropicOptions {
  /** Priority capacity when available, or standard only. */
  service_tier?: "auto" | "standard_only";
  /** Any other top-level field of the Messages body. */
  [field: string]: unknown;
}

/** OpenAI Chat Completions body fields, e.g. `service_tier`, `store`, `logprobs`, `verbosity`. */
export interface OpenAIOptions {
  /** Processing tier. */
  service_tier?: "auto" | "default" | "flex" | "scale" | "priority";
  /** How long cached prefixes are kept. */
  prompt_cache_retention?: "in_memory" | "24h";
  /** Store the completion for distillation and evals. */
  store?: boolean;
  /** Up to 16 string pairs stored with the completion. */
  metadata?: Record<string, string>;
  /** Any other top-level field of the Chat Completions body. */
  [field: string]: unknown;
}

/** Gemini harm categories (`HarmCategory`). */
export type GoogleHarmCategory =
  | "HARM_CATEGORY_HARASSMENT"
  | "HARM_CATEGORY_HATE_SPEECH"
  | "HARM_CATEGORY_SEXUALLY_EXPLICIT"
  | "HARM_CATEGORY_DANGEROUS_CONTENT"
  | "HARM_CATEGORY_CIVIC_INTEGRITY";

/** Gemini block thresholds (`HarmBlockThreshold`). */
export type GoogleHarmBlockThreshold =
  | "BLOCK_LOW_AND_ABOVE"
  | "BLOCK_MEDIUM_AND_ABOVE"
  | "BLOCK_ONLY_HIGH"
  | "BLOCK_NONE"
  | "OFF";

/** One Gemini safety setting: block `category` at `threshold` and above. */
export interface GoogleSafetySetting {
  /** The harm category. */
  category: GoogleHarmCategory;
  /** The threshold. */
  threshold: GoogleHarmBlockThreshold;
}

/** Gemini `generateContent` body fields. */
export interface GoogleOptions {
  /** Per-category blocking thresholds. */
  safetySettings?: GoogleSafetySetting[];
  /**
   * A cache made with the caching API, e.g. `cachedContents/abc123`. The cache holds the
   * system instruction and tools: a request that sets `system`, `tools` or `toolChoice`
   * beside it is refused.
   */
  cachedContent?: string;
  /** Any other top-level field, e.g. `generationConfig: { responseModalities: ["IMAGE"] }`. */
  [field: string]: unknown;
}

/** Provider-specific body fields, per provider; each provider reads only its own. */
export interface ProviderOptions {
  /** Merged into Anthropic bodies. */
  anthropic?: AnthropicOptions;
  /** Merged into OpenAI bodies. */
  openai?: OpenAIOptions;
  /** Merged into Gemini bodies. */
  google?: GoogleOptions;
  /** Merged into OpenAI Responses bodies: any top-level field, e.g. `service_tier`. */
  "openai-responses"?: { [field: string]: unknown };
  /**
   * Merged into the bodies sent to the host of that name (`deepseek`, `groq`, `azure`, …: a
   * host preset's `name`), e.g. `{ deepseek: { thinking: { type: "disabled" } } }`.
   */
  [host: string]: { [field: string]: unknown } | undefined;
}

/**
 * The hosts rosetta knows: OpenAI-compatible servers as data over the Chat Completions dialect.
 * Each row cites the page it comes from; a model id no row matches gets the permissive row, so a
 * new model is sent as asked, never refused for being new.
 *
 * @module
 */

import { type HostProvider, openaiCompatible } from "./host.ts";

/**
 * DeepSeek: thinking on by default with `reasoning_effort` low, high or max; the reasoning of
 * every turn of a tool loop must go back as `reasoning_content`; `max_tokens`.
 *
 * @see https://api-docs.deepseek.com/guides/thinking_mode
 * @see https://api-docs.deepseek.com/api/create-chat-completion
 */
export const deepseek: HostProvider<"deepseek"> = openaiCompatible({
  name: "deepseek",
  label: "DeepSeek",
  baseUrl: "https://api.deepseek.com",
  apiKeyEnv: ["DEEPSEEK_API_KEY"],
  maxTokensField: "max_tokens",
  reasoningReplay: "reasoning_content",
  models: [
    [/^deepseek-v4/, {
      reasoning: false,
      efforts: ["low", "high", "max"],
      temperature: true,
      stop: true,
    }],
    // The legacy reasoner thinks always and takes no effort; the legacy chat model never thinks.
    [/^deepseek-reasoner/, {
      reasoning: false,
      temperature: true,
      stop: true,
      reasonsAlways: true,
    }],
    [/^deepseek-chat/, { reasoning: false, efforts: [], temperature: true, stop: true }],
  ],
  examples: { chat: "deepseek-v4-flash", thinking: "deepseek-v4-pro" },
});

/**
 * Groq: reasoning arrives in `reasoning` (`reasoning_format: "parsed"`, the default with tools
 * or JSON); gpt-oss takes `reasoning_effort` low, medium or high.
 *
 * @see https://console.groq.com/docs/reasoning
 * @see https://console.groq.com/docs/openai
 */
export const groq: HostProvider<"groq"> = openaiCompatible({
  name: "groq",
  label: "Groq",
  baseUrl: "https://api.groq.com/openai/v1",
  apiKeyEnv: ["GROQ_API_KEY"],
  models: [
    [/^openai\/gpt-oss/, {
      reasoning: false,
      efforts: ["low", "medium", "high"],
      temperature: true,
      stop: true,
    }],
  ],
  // The models page lists input and output prices and no cached-input price: a call that read
  // from the cache stays unpriced.
  pricing: [
    [/^openai\/gpt-oss-120b$/, {
      input: 0.15,
      output: 0.6,
      contextWindow: 131_072,
      source: "https://console.groq.com/docs/models",
      read: "2026-12-06",
    }],
  ],
  examples: { chat: "llama-3.3-70b-versatile", thinking: "openai/gpt-oss-120b" },
});

/**
 * Mistral: refuses any field it does not document (so `max_tokens`, `random_seed`, and no
 * `stream_options`: usage comes with the last chunk anyway; `userId` and web search are refused);
 * Magistral always reasons and answers with `content` as typed chunks.
 *
 * @see https://docs.mistral.ai/capabilities/reasoning
 * @see https://docs.mistral.ai/api/#tag/chat
 */
export const mistral: HostProvider<"mistral"> = openaiCompatible({
  name: "mistral",
  label: "Mistral",
  baseUrl: "https://api.mistral.ai/v1",
  apiKeyEnv: ["MISTRAL_API_KEY"],
  maxTokensField: "max_tokens",
  streamOptions: false,
  renamedFields: { seed: "random_seed" },
  refusedFields: { safety_identifier: "userId", web_search_options: "providerTools" },
  models: [
    [/^magistral-/, { reasoning: false, temperature: true, stop: true, reasonsAlways: true }],
  ],
  examples: { chat: "mistral-small-latest", thinking: "magistral-medium-latest" },
});

/**
 * xAI: grok-3-mini takes `reasoning_effort` low or high, grok-4.3 none to high; the other grok-4
 * models reason by themselves and refuse `reasoning_effort`; reasoning models take no `stop` and
 * no penalties.
 *
 * @see https://docs.x.ai/docs/guides/reasoning
 */
export const xai: HostProvider<"xai"> = openaiCompatible({
  name: "xai",
  label: "xAI",
  baseUrl: "https://api.x.ai/v1",
  apiKeyEnv: ["XAI_API_KEY"],
  models: [
    [/^grok-3-mini/, {
      reasoning: false,
      efforts: ["low", "high"],
      temperature: true,
      stop: false,
      penalties: false,
    }],
    [/^grok-4\.3/, {
      reasoning: false,
      efforts: ["none", "low", "medium", "high"],
      temperature: true,
      stop: false,
      penalties: false,
    }],
    [/^grok-(4|code)(?!.*non-reasoning)/, {
      reasoning: false,
      temperature: true,
      stop: false,
      penalties: false,
      reasonsAlways: true,
    }],
    [/^grok-/, { reasoning: false, efforts: [], temperature: true, stop: true }],
  ],
  examples: { chat: "grok-4-1-fast-non-reasoning", thinking: "grok-3-mini" },
});

/**
 * OpenRouter: one key for many vendors' models, named `vendor/model`; reasoning arrives in
 * `reasoning` and in `reasoning_details` (the vendor's signed or encrypted reasoning), which goes
 * back unchanged on the assistant turns it came with.
 *
 * @see https://openrouter.ai/docs/use-cases/reasoning-tokens#preserving-reasoning-blocks
 *
 * @see https://openrouter.ai/docs/api-reference/overview
 */
export const openrouter: HostProvider<"openrouter"> = openaiCompatible({
  name: "openrouter",
  label: "OpenRouter",
  baseUrl: "https://openrouter.ai/api/v1",
  apiKeyEnv: ["OPENROUTER_API_KEY"],
  reasoningReplay: "reasoning_details",
  examples: { chat: "openai/gpt-4o-mini", thinking: "anthropic/claude-sonnet-4.5" },
});

/** Together AI. @see https://docs.together.ai/docs/openai-api-compatibility */
export const together: HostProvider<"together"> = openaiCompatible({
  name: "together",
  label: "Together AI",
  baseUrl: "https://api.together.xyz/v1",
  apiKeyEnv: ["TOGETHER_API_KEY"],
  examples: {
    chat: "meta-llama/Llama-3.3-70B-Instruct-Turbo",
    thinking: "deepseek-ai/DeepSeek-R1",
  },
});

/** Fireworks AI. @see https://docs.fireworks.ai/tools-sdks/openai-compatibility */
export const fireworks: HostProvider<"fireworks"> = openaiCompatible({
  name: "fireworks",
  label: "Fireworks AI",
  baseUrl: "https://api.fireworks.ai/inference/v1",
  apiKeyEnv: ["FIREWORKS_API_KEY"],
  examples: {
    chat: "accounts/fireworks/models/llama-v3p3-70b-instruct",
    thinking: "accounts/fireworks/models/deepseek-r1",
  },
});

/**
 * Cerebras: gpt-oss takes `reasoning_effort` low, medium or high.
 *
 * @see https://inference-docs.cerebras.ai/capabilities/reasoning
 */
export const cerebras: HostProvider<"cerebras"> = openaiCompatible({
  name: "cerebras",
  label: "Cerebras",
  baseUrl: "https://api.cerebras.ai/v1",
  apiKeyEnv: ["CEREBRAS_API_KEY"],
  models: [
    [/^gpt-oss/, {
      reasoning: false,
      efforts: ["low", "medium", "high"],
      temperature: true,
      stop: true,
    }],
  ],
  examples: { chat: "llama-3.3-70b", thinking: "gpt-oss-120b" },
});

/** Ollama on this machine: no key. @see https://docs.ollama.com/api/openai-compatibility */
export const ollama: HostProvider<"ollama"> = openaiCompatible({
  name: "ollama",
  label: "Ollama",
  baseUrl: "http://localhost:11434/v1",
  keyless: true,
  examples: { chat: "llama3.2", thinking: "gpt-oss:20b" },
});

/** LM Studio on this machine: no key. @see https://lmstudio.ai/docs/app/api/endpoints/openai */
export const lmstudio: HostProvider<"lmstudio"> = openaiCompatible({
  name: "lmstudio",
  label: "LM Studio",
  baseUrl: "http://localhost:1234/v1",
  keyless: true,
  examples: { chat: "qwen3-8b", thinking: "qwen3-8b" },
});

/**
 * vLLM's OpenAI-compatible server: a key only when started with `--api-key`; reasoning parsers
 * put the reasoning in `reasoning_content`.
 *
 * @see https://docs.vllm.ai/en/latest/serving/openai_compatible_server.html
 */
export const vllm: HostProvider<"vllm"> = openaiCompatible({
  name: "vllm",
  label: "vLLM",
  baseUrl: "http://localhost:8000/v1",
  apiKeyEnv: ["VLLM_API_KEY"],
  keyless: true,
  examples: { chat: "Qwen/Qwen3-8B", thinking: "Qwen/Qwen3-8B" },
});

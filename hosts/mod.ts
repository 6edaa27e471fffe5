/**
 * Hosts: the servers that speak OpenAI's Chat Completions with their own URL, key, models and
 * quirks — DeepSeek, Groq, Mistral, xAI, OpenRouter, Together, Fireworks, Cerebras, and local
 * Ollama, LM Studio and vLLM — plus Azure OpenAI and {@link openaiCompatible} for any other.
 * Each is a {@link Provider}: `createClient` takes it as it takes `openai`.
 *
 * @example Switch host by name
 * ```ts
 * import { getHost } from "@rosetta/llm/hosts";
 * import assert from "node:assert/strict";
 * const groq = getHost("groq");
 * const http = groq.buildHttpRequest(
 *   { model: "openai/gpt-oss-120b", thinking: "high", messages: [{ role: "user", content: "Hi" }] },
 *   { apiKey: "gsk-test" },
 * );
 * assert.equal(http.url, "https://api.groq.com/openai/v1/chat/completions");
 * assert.match(http.body, /"reasoning_effort":"high"/);
 * ```
 *
 * @module
 */

import { ValidationError } from "../common/errors.ts";
import type { HostProvider } from "./host.ts";
import * as presets from "./presets.ts";

export { openaiCompatible, PERMISSIVE } from "./host.ts";
export type { HostProvider, OpenAICompatibleOptions } from "./host.ts";
export { azureOpenAI, azureOpenAIResponses } from "./azure.ts";
export type {
  AzureOpenAIOptions,
  AzureResponsesHttpOptions,
  AzureResponsesProvider,
} from "./azure.ts";
export * from "./presets.ts";
export { VERTEX_ANTHROPIC_VERSION, vertexAnthropic, vertexGemini } from "./vertex.ts";
export type { VertexOptions } from "./vertex.ts";

/** Every host preset by name (Azure, which needs a resource, is made with `azureOpenAI`). */
export const hosts: Readonly<typeof presets> = Object.freeze({ ...presets });

/** The name of a host preset. */
export type HostName = keyof typeof hosts;

/**
 * Looks a host preset up by name.
 *
 * @param name A preset's name, e.g. `deepseek`.
 * @returns The host's provider.
 * @throws {ValidationError} For any other name, listing the presets.
 */
export function getHost(name: string): HostProvider {
  if (Object.hasOwn(hosts, name)) return hosts[name as HostName];
  throw new ValidationError(
    `Cannot find host: ${JSON.stringify(name)} is not one of ${Object.keys(hosts).join(", ")}`,
    { path: "host" },
  );
}

/**
 * The requests every library sends, written once in rosetta's canonical form: each peer's input
 * is derived from it outside the timed code (the official SDKs take the wire body rosetta builds,
 * as a caller writing provider-shaped params would; the AI SDK gets its own messages and tools).
 *
 * @module
 */

import { type ChatRequest, type Message, providers } from "../../mod.ts";
import { readJsonFixture } from "../../testing/internal/fixtures.ts";
import type { PeerProvider } from "./wire.ts";

type Json = Record<string, unknown>;

const requestFixture = (name: string) => readJsonFixture<ChatRequest>(`benchmarks/${name}.json`);

const complex = requestFixture("request_complex");

/**
 * The model each provider is asked with: a thinking model with a token budget (Anthropic's is not
 * the registry's claude-sonnet-4-5, on which the SDK logs a deprecation warning every call).
 */
const MODELS: Record<PeerProvider, string> = {
  anthropic: "claude-haiku-4-5",
  openai: providers.openai.profile.models.thinking,
  google: providers.google.profile.models.thinking,
};

/** The model a provider is asked with. */
export const modelOf = (provider: PeerProvider): string => MODELS[provider];

/**
 * The request behind the stream and whole-response scenarios: one question, the five tools of
 * `request_complex.json` (the answer calls one of them), thinking on, 2048 tokens at most.
 *
 * @param provider The provider.
 * @returns The request.
 */
export function askRequest(provider: PeerProvider): ChatRequest {
  return {
    ...requestFixture("request_simple"),
    model: modelOf(provider),
    system: complex.system,
    tools: complex.tools,
    toolChoice: "auto",
    thinking: "medium",
    // Over ~21k, Anthropic's SDK refuses a non-streamed call unless given a timeout.
    maxOutputTokens: 2048,
  };
}

// What all three libraries can send alike: no URL images (the AI SDK downloads those for Gemini)
// and redacted thinking only to Anthropic; the assistant turns are the target provider's own, so
// signatures go back with them.
function portable(message: Message, provider: PeerProvider): Message {
  if (typeof message.content === "string") return message;
  if (message.role === "user") {
    const content = message.content.filter((b) => !(b.type === "image" && "url" in b));
    return { ...message, content };
  }
  if (message.role === "assistant") {
    const content = message.content.filter((b) =>
      b.type !== "redacted_thinking" || provider === "anthropic"
    );
    return { ...message, provider, content };
  }
  return message;
}

/**
 * The request behind the request-building scenario: `request_complex.json` (three tool rounds,
 * five tools, an inline image, thinking), less what not every library can send.
 *
 * @param provider The provider.
 * @returns The request.
 */
export function buildRequest(provider: PeerProvider): ChatRequest {
  const messages = complex.messages.map((m) => portable(m, provider));
  return { ...complex, model: modelOf(provider), messages };
}

/**
 * The wire body rosetta serializes for a request, parsed.
 *
 * @param provider The provider.
 * @param request The request.
 * @returns The body.
 */
export function wireBody(provider: PeerProvider, request: ChatRequest): Json {
  return JSON.parse(providers[provider].serializeRequest(request));
}

/**
 * The official SDK's params for a request: the wire body itself for Anthropic and OpenAI;
 * for `@google/genai`, its `{ model, contents, config }` shape over the same fields.
 *
 * @param provider The provider.
 * @param request The request.
 * @returns The params.
 */
function officialParams(
  provider: PeerProvider,
  request: ChatRequest,
): Json {
  const wire = wireBody(provider, request);
  if (provider !== "google") return wire;
  const { contents, systemInstruction, tools, toolConfig, generationConfig } = wire as Json & {
    generationConfig?: Json;
  };
  return {
    model: request.model,
    contents,
    config: { systemInstruction, tools, toolConfig, ...generationConfig },
  };
}

/**
 * The official SDK's params for both requests: the stream and whole-response one, and the big one.
 *
 * @param provider The provider.
 * @returns The params, typed as the SDK's.
 */
export function officialRequests<T>(provider: PeerProvider): { ask: T; big: T } {
  const ask = officialParams(provider, askRequest(provider)) as T;
  return { ask, big: officialParams(provider, buildRequest(provider)) as T };
}

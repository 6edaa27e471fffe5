/**
 * A streamed, tool-using conversation with each provider: ask for the weather, stream the
 * answer as it comes, run the tool the model calls, send the result back, stream the final
 * answer. Each provider whose key is in the environment answers from its real API; the others
 * from the mock server embedded in this process.
 *
 * @module
 */

import { z } from "zod";
import {
  type ChatResponse,
  type Client,
  createClient,
  defineTool,
  type Message,
  type ProviderName,
  providers,
  runToolRound,
  type Tool,
} from "../mod.ts";
import {
  createMockServer,
  type MockReply,
  type RecordedRequest,
  reply,
  text,
  toolCall,
} from "../testing/mod.ts";

/** The tool the model may call. */
export const weather: Tool<{ city: string }, unknown> = defineTool({
  name: "get_weather",
  description: "Current weather in a city.",
  input: z.object({ city: z.string() }),
  execute: ({ city }) => ({ city, celsius: city === "Paris" ? 18 : 22, sky: "sunny" }),
});

/** A small model per provider. */
export const MODELS: Record<ProviderName, string> = {
  anthropic: "claude-haiku-4-5",
  openai: "gpt-4o-mini",
  google: "gemini-2.5-flash",
  "openai-responses": "gpt-5-mini",
  bedrock: "us.amazon.nova-lite-v1:0",
};

/** The environment variable holding each provider's key. */
export const KEYS: Record<ProviderName, string> = {
  anthropic: "ANTHROPIC_API_KEY",
  openai: "OPENAI_API_KEY",
  google: "GEMINI_API_KEY",
  "openai-responses": "OPENAI_API_KEY",
  bedrock: "AWS_BEARER_TOKEN_BEDROCK",
};

/**
 * The mock model: it calls the tool, then answers once the tool's result is in the request.
 *
 * @param request What the mock server received.
 * @returns Its reply.
 */
export function mockModel(request: RecordedRequest): MockReply {
  return JSON.stringify(request.body).includes("celsius")
    ? reply(text("It is 18 °C and sunny in Paris."))
    : reply(text("Let me look that up."), toolCall("get_weather", { city: "Paris" }));
}

/**
 * Streams turns until the model stops calling tools.
 *
 * @param client The provider's client.
 * @param model The model.
 * @param write Where the streamed text goes.
 * @returns The last response.
 */
export async function converse(
  client: Client,
  model: string,
  write: (text: string) => void,
): Promise<ChatResponse> {
  const messages: Message[] = [{ role: "user", content: "What's the weather in Paris?" }];
  for (let turn = 1;; turn++) {
    const stream = client.stream({ model, messages, tools: [weather], maxOutputTokens: 400 });
    for await (const event of stream) {
      if (event.type === "text_delta") write(event.text);
      if (event.type === "tool_call_end") {
        write(`\n  → ${event.name}(${JSON.stringify(event.arguments)})\n`);
      }
    }
    const response = await stream.response();
    messages.push(...await runToolRound(response, [weather]));
    if (response.finishReason !== "tool_use" || turn === 4) return response;
  }
}

/**
 * Runs the conversation on every provider.
 *
 * @param env The environment: keys that are set pick the real APIs.
 * @param write Where the output goes.
 */
export async function main(
  env: Record<string, string | undefined>,
  write: (text: string) => void,
): Promise<void> {
  const server = await createMockServer({ script: mockModel }).listen();
  try {
    for (const provider of Object.values(providers)) {
      const key = env[KEYS[provider.name]];
      const client = key
        ? createClient({ provider, apiKey: key })
        : createClient({ provider, apiKey: "mock-key", baseUrl: server.baseUrl(provider.name) });
      write(`\n${provider.name} (${key ? "live API" : "mock server"}):\n`);
      await converse(client, MODELS[provider.name], write);
      write("\n");
    }
  } finally {
    await server.close();
  }
}

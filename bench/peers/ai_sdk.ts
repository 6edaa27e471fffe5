/**
 * The Vercel AI SDK: `generateText` and `streamText` over `@ai-sdk/anthropic`, `@ai-sdk/openai`
 * (`.chat()`: Chat Completions) and `@ai-sdk/google`, each provider built with the fake fetch.
 *
 * @module
 */

import { createAnthropic } from "@ai-sdk/anthropic";
import { createGoogle } from "@ai-sdk/google";
import { createOpenAI } from "@ai-sdk/openai";
import { generateText, type LanguageModel, type LanguageModelUsage, streamText } from "ai";
import { aiSdkInput } from "./ai_sdk_input.ts";
import { KEY, type Library, type Outcome, type Peer, perScenario } from "./peer.ts";
import { askRequest, buildRequest, modelOf } from "./requests.ts";
import type { FetchFn, PeerProvider } from "./wire.ts";

// The SDK logs its warnings (e.g. a setting a model ignores) to the console unless told not to.
(globalThis as { AI_SDK_LOG_WARNINGS?: boolean }).AI_SDK_LOG_WARNINGS = false;

function model(provider: PeerProvider, fetch: FetchFn): LanguageModel {
  const id = modelOf(provider);
  if (provider === "anthropic") return createAnthropic({ apiKey: KEY, fetch })(id);
  if (provider === "openai") return createOpenAI({ apiKey: KEY, fetch }).chat(id);
  return createGoogle({ apiKey: KEY, fetch })(id);
}

interface Answer {
  text: string;
  reasoningText: string | undefined;
  toolCalls: { toolName: string; input: unknown }[];
  usage: LanguageModelUsage;
}

function outcomeOf(answer: Answer): Outcome {
  const { usage } = answer;
  return {
    text: answer.text,
    reasoning: answer.reasoningText ?? "",
    toolCalls: answer.toolCalls.map((c) => ({ name: c.toolName, arguments: c.input })),
    usage: {
      input: usage.inputTokens ?? 0,
      output: usage.outputTokens ?? 0,
      reasoning: usage.outputTokenDetails.reasoningTokens ?? 0,
      cacheRead: usage.inputTokenDetails.cacheReadTokens ?? 0,
    },
  };
}

/** The AI SDK (`ai` + `@ai-sdk/*`). */
export const aiSdk: Library = {
  name: "AI SDK",
  packages: ["ai", "@ai-sdk/anthropic", "@ai-sdk/openai", "@ai-sdk/google"],
  peer(provider, fetches): Peer {
    const models = perScenario(fetches, (fetch) => model(provider, fetch));
    const ask = aiSdkInput(provider, askRequest(provider));
    const big = aiSdkInput(provider, buildRequest(provider));
    return {
      async stream() {
        const result = streamText({ model: models.stream, ...ask });
        let text = "";
        let reasoning = "";
        for await (const part of result.fullStream) {
          if (part.type === "text-delta") text += part.text;
          else if (part.type === "reasoning-delta") reasoning += part.text;
          else if (part.type === "error") throw part.error;
        }
        const [toolCalls, usage] = await Promise.all([result.toolCalls, result.usage]);
        return outcomeOf({ text, reasoningText: reasoning, toolCalls, usage });
      },
      whole: async () => outcomeOf(await generateText({ model: models.whole, ...ask })),
      build: () => generateText({ model: models.build, ...big }),
    };
  },
};

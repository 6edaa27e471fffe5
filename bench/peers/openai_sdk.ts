/**
 * `openai` (Chat Completions): `chat.completions.create`, and with `stream: true` its chunks
 * iterated and gathered as a caller does (text, tool-call argument pieces by index, usage), with
 * the wire body rosetta builds as params. Reasoning comes in the fixtures' `reasoning_content`
 * field, which the SDK's types do not name: read as an OpenAI-compatible caller reads it.
 *
 * @module
 */

import OpenAI from "openai";
import {
  type CallOutcome,
  KEY,
  type Outcome,
  type Peer,
  type PeerFetches,
  perScenario,
} from "./peer.ts";
import { officialRequests } from "./requests.ts";

type Params = OpenAI.ChatCompletionCreateParamsNonStreaming;
type Reasoned = { reasoning_content?: string | null };

function usageOf(
  usage: OpenAI.CompletionUsage | null | undefined,
): Outcome["usage"] {
  return {
    input: usage?.prompt_tokens ?? 0,
    output: usage?.completion_tokens ?? 0,
    reasoning: usage?.completion_tokens_details?.reasoning_tokens ?? 0,
    cacheRead: usage?.prompt_tokens_details?.cached_tokens ?? 0,
  };
}

function outcomeOf(completion: OpenAI.ChatCompletion): Outcome {
  const message = completion.choices[0].message;
  const toolCalls: CallOutcome[] = [];
  for (const call of message.tool_calls ?? []) {
    if (call.type !== "function") continue;
    toolCalls.push({ name: call.function.name, arguments: JSON.parse(call.function.arguments) });
  }
  return {
    text: message.content ?? "",
    reasoning: (message as Reasoned).reasoning_content ?? "",
    toolCalls,
    usage: usageOf(completion.usage),
  };
}

/**
 * The OpenAI SDK's peer.
 *
 * @param fetches The fakes.
 * @returns The peer.
 */
export function openaiSdk(fetches: PeerFetches): Peer {
  const client = perScenario(fetches, (fetch) => new OpenAI({ apiKey: KEY, fetch }));
  const { ask, big } = officialRequests<Params>("openai");
  return {
    async stream() {
      const stream = await client.stream.chat.completions.create({
        ...ask,
        stream: true,
        stream_options: { include_usage: true },
      });
      let text = "";
      let reasoning = "";
      const calls: { name: string; args: string[] }[] = [];
      let usage: OpenAI.CompletionUsage | null | undefined;
      for await (const chunk of stream) {
        if (chunk.usage) usage = chunk.usage;
        const delta = chunk.choices[0]?.delta;
        if (!delta) continue;
        if (delta.content) text += delta.content;
        const thought = (delta as Reasoned).reasoning_content;
        if (thought) reasoning += thought;
        for (const call of delta.tool_calls ?? []) {
          calls[call.index] ??= { name: "", args: [] };
          if (call.function?.name) calls[call.index].name = call.function.name;
          if (call.function?.arguments) {
            calls[call.index].args.push(call.function.arguments);
          }
        }
      }
      const toolCalls = calls.map((c) => ({
        name: c.name,
        arguments: JSON.parse(c.args.join("")),
      }));
      return { text, reasoning, toolCalls, usage: usageOf(usage) };
    },
    whole: async () => outcomeOf(await client.whole.chat.completions.create(ask)),
    build: () => client.build.chat.completions.create(big),
  };
}

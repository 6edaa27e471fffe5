/**
 * `@anthropic-ai/sdk`: `messages.create` and the `messages.stream` helper (events as they come,
 * then `finalMessage()`), with the wire body rosetta builds as params.
 *
 * @module
 */

import Anthropic from "@anthropic-ai/sdk";
import { KEY, type Outcome, type Peer, type PeerFetches, perScenario } from "./peer.ts";
import { officialRequests } from "./requests.ts";

type Params = Anthropic.MessageCreateParamsNonStreaming;

function outcomeOf(
  message: Anthropic.Message,
  text?: string,
  reasoning?: string,
): Outcome {
  let joined = "";
  let thought = "";
  const toolCalls = [];
  for (const block of message.content) {
    if (block.type === "text") joined += block.text;
    else if (block.type === "thinking") thought += block.thinking;
    else if (block.type === "tool_use") {
      toolCalls.push({ name: block.name, arguments: block.input });
    }
  }
  const { usage } = message;
  const cacheRead = usage.cache_read_input_tokens ?? 0;
  return {
    text: text ?? joined,
    reasoning: reasoning ?? thought,
    toolCalls,
    usage: {
      input: usage.input_tokens + cacheRead +
        (usage.cache_creation_input_tokens ?? 0),
      output: usage.output_tokens,
      reasoning: 0,
      cacheRead,
    },
  };
}

/**
 * The Anthropic SDK's peer.
 *
 * @param fetches The fakes.
 * @returns The peer.
 */
export function anthropicSdk(fetches: PeerFetches): Peer {
  const client = perScenario(fetches, (fetch) => new Anthropic({ apiKey: KEY, fetch }));
  const { ask, big } = officialRequests<Params>("anthropic");
  return {
    async stream() {
      const stream = client.stream.messages.stream(ask);
      let text = "";
      let reasoning = "";
      for await (const event of stream) {
        if (event.type !== "content_block_delta") continue;
        if (event.delta.type === "text_delta") text += event.delta.text;
        else if (event.delta.type === "thinking_delta") {
          reasoning += event.delta.thinking;
        }
      }
      return outcomeOf(await stream.finalMessage(), text, reasoning);
    },
    whole: async () => outcomeOf(await client.whole.messages.create(ask)),
    build: () => client.build.messages.create(big),
  };
}

/**
 * rosetta, through its public API (`mod.ts`): `createClient` with the fake fetch, then
 * `complete` and `stream` as the README shows.
 *
 * @module
 */

import { type ChatResponse, createClient, providers } from "../../mod.ts";
import { KEY, type Library, type Outcome, type Peer, perScenario } from "./peer.ts";
import { askRequest, buildRequest } from "./requests.ts";

function outcomeOf(
  response: ChatResponse,
  text?: string,
  reasoning?: string,
): Outcome {
  const { usage } = response;
  let joined = "";
  let thought = "";
  const toolCalls = [];
  for (const block of response.content) {
    if (block.type === "text") joined += block.text;
    else if (block.type === "thinking") thought += block.text;
    else if (block.type === "tool_call") {
      toolCalls.push({ name: block.name, arguments: block.arguments });
    }
  }
  return {
    text: text ?? joined,
    reasoning: reasoning ?? thought,
    toolCalls,
    usage: {
      input: usage.inputTokens,
      output: usage.outputTokens, // thinking included, as the peers count it
      reasoning: usage.thinkingTokens,
      cacheRead: usage.cacheReadTokens,
    },
  };
}

/** rosetta: this checkout's `mod.ts`. */
export const rosetta: Library = {
  name: "rosetta",
  packages: ["@rosetta/llm (this checkout)"],
  peer(provider, fetches): Peer {
    const client = perScenario(
      fetches,
      (fetch) => createClient({ provider: providers[provider], apiKey: KEY, fetch }),
    );
    const ask = askRequest(provider);
    const big = buildRequest(provider);
    return {
      async stream() {
        const stream = client.stream.stream(ask);
        let text = "";
        let reasoning = "";
        for await (const event of stream) {
          if (event.type === "text_delta") text += event.text;
          else if (event.type === "thinking_delta") reasoning += event.text;
        }
        return outcomeOf(await stream.response(), text, reasoning);
      },
      whole: async () => outcomeOf(await client.whole.complete(ask)),
      build: () => client.build.complete(big),
    };
  },
};

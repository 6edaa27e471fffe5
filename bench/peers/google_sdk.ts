/**
 * `@google/genai`: `models.generateContent` and `models.generateContentStream`, reading each
 * chunk's parts as a caller who wants thoughts and function calls must (the `.text` getter skips
 * thoughts and warns on function calls), with rosetta's wire fields as `{ model, contents,
 * config }`.
 *
 * @module
 */

import {
  type GenerateContentParameters,
  type GenerateContentResponse,
  GoogleGenAI,
} from "@google/genai";
import {
  type CallOutcome,
  KEY,
  type Outcome,
  type Peer,
  type PeerFetches,
  perScenario,
} from "./peer.ts";
import { officialRequests } from "./requests.ts";

/** Text, thoughts and calls gathered over one or more chunks. */
class Gathered {
  text = "";
  reasoning = "";
  toolCalls: CallOutcome[] = [];
  usage: GenerateContentResponse["usageMetadata"];

  add(chunk: GenerateContentResponse): void {
    if (chunk.usageMetadata) this.usage = chunk.usageMetadata;
    for (const part of chunk.candidates?.[0]?.content?.parts ?? []) {
      if (part.functionCall) {
        this.toolCalls.push({
          name: part.functionCall.name ?? "",
          arguments: part.functionCall.args,
        });
      } else if (part.text !== undefined) {
        if (part.thought) this.reasoning += part.text;
        else this.text += part.text;
      }
    }
  }

  outcome(): Outcome {
    const u = this.usage;
    const reasoning = u?.thoughtsTokenCount ?? 0;
    return {
      text: this.text,
      reasoning: this.reasoning,
      toolCalls: this.toolCalls,
      usage: {
        input: u?.promptTokenCount ?? 0,
        output: (u?.candidatesTokenCount ?? 0) + reasoning,
        reasoning,
        cacheRead: u?.cachedContentTokenCount ?? 0,
      },
    };
  }
}

/**
 * The Google Gen AI SDK's peer.
 *
 * @param fetches The fakes.
 * @returns The peer.
 */
export function googleSdk(fetches: PeerFetches): Peer {
  const client = perScenario(
    fetches,
    (fetch) => new GoogleGenAI({ apiKey: KEY, httpOptions: { fetch } }),
  );
  const { ask, big } = officialRequests<GenerateContentParameters>("google");
  return {
    async stream() {
      const gathered = new Gathered();
      for await (
        const chunk of await client.stream.models.generateContentStream(ask)
      ) {
        gathered.add(chunk);
      }
      return gathered.outcome();
    },
    async whole() {
      const gathered = new Gathered();
      gathered.add(await client.whole.models.generateContent(ask));
      return gathered.outcome();
    },
    build: () => client.build.models.generateContent(big),
  };
}

/**
 * The bytes every library reads, and the one fake `fetch` they all read them through: the repo's
 * own bench fixtures (`fixtures/benchmarks/<provider>/`), a fresh `Response` over them per call.
 *
 * @module
 */

import { benchFixture, bytesOf, chunkedBody, eventChunks } from "../inputs.ts";

/** The providers compared (OpenAI is Chat Completions). */
export type PeerProvider = "anthropic" | "openai" | "google";

/** Report order. */
export const PROVIDERS: readonly PeerProvider[] = ["anthropic", "openai", "google"];

/** A `fetch` as every SDK accepts it. */
export type FetchFn = (
  input: string | URL | Request,
  init?: RequestInit,
) => Promise<Response>;

/** One provider's committed wire data. */
export interface Wire {
  /** A whole response with thinking, text, two tool calls and usage (`response_complex.json`). */
  body: string;
  /** The same answer streamed (`stream_complex.txt`), one SSE event per chunk as a server flushes. */
  chunks: Uint8Array[];
  /** A tiny answer (`response_simple.json`): the reply to the request-building calls. */
  small: string;
}

/**
 * Loads a provider's fixtures.
 *
 * @param provider The provider.
 * @returns Its bodies and stream chunks.
 */
export function wireOf(provider: PeerProvider): Wire {
  return {
    body: benchFixture(provider, "response_complex.json"),
    chunks: eventChunks(bytesOf(benchFixture(provider, "stream_complex.txt"))),
    small: benchFixture(provider, "response_simple.json"),
  };
}

/** What a fake fetch answers with: a JSON body or SSE chunks. */
export type Reply = { json: string } | { sse: Uint8Array[] };

/** A fake `fetch` and the last request body it received. */
export interface FakeFetch {
  /** Pass this to the library. */
  fetch: FetchFn;
  /** The body of the last request, as text. */
  lastBody(): string | undefined;
}

async function bodyText(
  input: string | URL | Request,
  init?: RequestInit,
): Promise<string> {
  const body = init?.body ?? (input instanceof Request ? input.body : null);
  if (typeof body === "string") return body;
  if (body === null || body === undefined) return "";
  return await new Response(body).text();
}

function respond(reply: Reply): Response {
  if ("json" in reply) {
    return new Response(reply.json, { headers: { "content-type": "application/json" } });
  }
  return new Response(chunkedBody(reply.sse), {
    headers: { "content-type": "text/event-stream" },
  });
}

/**
 * A `fetch` that reads the request body (as a server would) and answers with a fresh `Response`
 * over the same bytes every call: no network, no provider API.
 *
 * @param reply What to answer.
 * @returns The fake.
 */
export function fakeFetch(reply: Reply): FakeFetch {
  let last: string | undefined;
  return {
    fetch: async (input, init) => {
      last = await bodyText(input, init);
      return respond(reply);
    },
    lastBody: () => last,
  };
}

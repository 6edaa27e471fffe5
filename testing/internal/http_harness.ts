/**
 * What the HTTP tests share: a known API key, clients that keep every hook event, helpers that
 * keep every error they catch, and the check that the key appears in none of them — the last
 * test of each file runs it over everything the file produced.
 *
 * @module
 */

import assert from "node:assert/strict";
import { type Client, type ClientOptions, createClient } from "../../client/client.ts";
import type { StreamEvent } from "../../common/events.ts";
import type { EventStream } from "../../codec/event_stream.ts";
import type { ChatRequest } from "../../common/types.ts";
import { type ProviderName, providers } from "../../providers/mod.ts";
import type { Provider } from "../../common/provider.ts";
import {
  createMockServer,
  type ListeningMockServer,
  type MockServer,
  type MockServerOptions,
} from "../server.ts";

/** The key every test client sends. */
export const KEY = "sk-rosetta-test-7f3a9c2e5b1d";

/** Every error caught and every hook event seen, for {@link assertNoKey}. */
export const observed: unknown[] = [];

/**
 * Runs a test body against a mock server on a loopback port, closed whatever happens.
 *
 * @param options The server's script and key.
 * @param body The test.
 * @returns What the body returned.
 */
export async function withServer<T>(
  options: MockServerOptions,
  body: (server: ListeningMockServer, mock: MockServer) => Promise<T>,
): Promise<T> {
  const mock = createMockServer(options);
  const server = await mock.listen();
  try {
    return await body(server, mock);
  } finally {
    await server.close();
  }
}

/**
 * A one-message request for a provider's test model.
 *
 * @param provider The provider.
 * @param content The user's text.
 * @returns The request.
 */
export function ask(provider: ProviderName, content = "Hi"): ChatRequest {
  return { model: providers[provider].profile.models.chat, messages: [{ role: "user", content }] };
}

/**
 * A client with the test key whose hook events are kept.
 *
 * @param provider The provider.
 * @param baseUrl The mock server's base URL for it.
 * @param options More options (its `onEvent` is called too).
 * @returns The client.
 */
export function testClient(
  provider: Provider<ProviderName>,
  baseUrl: string,
  options: Partial<ClientOptions> = {},
): Client {
  return createClient({
    ...options,
    provider,
    apiKey: KEY,
    baseUrl,
    onEvent: (event) => {
      observed.push(event);
      options.onEvent?.(event);
    },
  });
}

/**
 * Awaits a call that must fail and keeps its error.
 *
 * @param call The call.
 * @returns What it rejected with.
 */
export async function failureOf(call: Promise<unknown>): Promise<unknown> {
  try {
    await call;
  } catch (error) {
    observed.push(error);
    return error;
  }
  throw new assert.AssertionError({ message: "expected the call to fail" });
}

/** What reading a stream gave. */
export interface Read {
  /** Events in order. */
  events: StreamEvent[];
  /** The text deltas joined. */
  text: string;
  /** What iteration threw, if anything. */
  error?: unknown;
}

/**
 * Reads a stream to its end, keeping the events and any error.
 *
 * @param stream The stream.
 * @param onEvent Called after each event (e.g. to abort midway).
 * @returns What was read.
 */
export async function read(
  stream: EventStream,
  onEvent?: (event: StreamEvent, count: number) => void,
): Promise<Read> {
  const events: StreamEvent[] = [];
  let text = "";
  try {
    for await (const event of stream) {
      events.push(event);
      if (event.type === "text_delta") text += event.text;
      onEvent?.(event, events.length);
    }
  } catch (error) {
    observed.push(error);
    return { events, text, error };
  }
  return { events, text };
}

// Every string reachable from a value: fields, messages, stacks and causes.
function strings(value: unknown, out: string[], depth: number): void {
  if (depth > 8 || value === null || value === undefined) return;
  if (typeof value === "string") {
    out.push(value);
    return;
  }
  if (typeof value !== "object") return;
  if (value instanceof Error) {
    out.push(value.message, value.stack ?? "", String(value));
    strings(value.cause, out, depth + 1);
  }
  for (const item of Object.values(value)) strings(item, out, depth + 1);
}

/**
 * Asserts that the test key appears nowhere in the values: not in a message, a stack, a
 * cause, a field, an event, or `JSON.stringify` of any of them.
 *
 * @param values Errors and events.
 */
export function assertNoKey(values: unknown[]): void {
  for (const value of values) {
    const found: string[] = [JSON.stringify(value) ?? ""];
    strings(value, found, 0);
    for (const text of found) assert.ok(!text.includes(KEY), `the API key leaked into: ${text}`);
  }
}

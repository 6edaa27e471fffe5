/**
 * The mock provider server: a hono app that speaks every provider's chat API at its real path,
 * answers from a script in each provider's wire format, injects faults, checks each API's auth
 * headers and records every request. Use it in-process (`fetch`, no socket) or on a loopback
 * port (`listen`).
 *
 * @module
 */

import { Hono } from "hono";
import { redactHeaders, scrubText } from "../client/redact.ts";
import type { JsonObject } from "../common/json_object.ts";
import type { ProviderName } from "../providers/mod.ts";
import { DIALECTS } from "./dialects/mod.ts";
import { HOST_DIALECTS } from "./dialects/hosts.ts";
import type { MockDialect, MockEvent, MockTarget } from "./dialects/dialect.ts";
import { cutBody, faultyBody } from "./faults.ts";
import { awsEventFrame, converseEventHeaders } from "./aws_frames.ts";
import { listen } from "./listen.ts";
import type { Listener } from "./listener.ts";
import {
  type MockHostName,
  type MockReply,
  type MockScript,
  type RecordedRequest,
  reply,
  text,
} from "./script.ts";

/** Options of {@link createMockServer}. */
export interface MockServerOptions {
  /**
   * What to answer: replies in order (the last repeats), one for all, or a function.
   * @default one text reply
   */
  script?: MockScript;
  /**
   * The key every request must present (401 otherwise).
   * @default any non-empty key
   */
  apiKey?: string;
}

/** A `fetch` that answers in-process. */
export type MockFetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/** A mock server on a loopback port. */
export interface ListeningMockServer {
  /** Its origin, e.g. `http://127.0.0.1:41234`. */
  readonly url: string;
  /**
   * The `baseUrl` a client of `provider` needs.
   * @param provider The provider, or a host family (`deepseek`, `mistral`, `azure`).
   */
  baseUrl(provider: ProviderName | MockHostName): string;
  /** Stops listening and closes every connection. */
  close(): Promise<void>;
}

/** The mock server. */
export interface MockServer {
  /** The hono app. */
  readonly app: Hono;
  /** Answers in-process: pass it as a client's `fetch`. */
  readonly fetch: MockFetch;
  /** Every request received, in order. */
  readonly requests: RecordedRequest[];
  /**
   * The `baseUrl` a client of `provider` needs.
   * @param provider The provider.
   * @param origin The server's origin.
   */
  baseUrl(provider: ProviderName | MockHostName, origin?: string): string;
  /** Serves the app on 127.0.0.1 at a free port; the server does not keep the process alive. */
  listen(): Promise<ListeningMockServer>;
}

const encoder = new TextEncoder();
const IN_PROCESS = "http://mock.invalid";
const MALFORMED = '{"mock": this is not JSON';

function json(body: JsonObject, status: number, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", ...headers },
  });
}

function sse(event: MockEvent): string {
  return `${event.event === undefined ? "" : `event: ${event.event}\n`}data: ${event.data}\n\n`;
}

// The stream's events with the event faults applied: malformed data, an in-stream error.
function streamEvents(dialect: MockDialect, answer: MockReply, model: string, id: string) {
  const events = dialect.events(answer, model, id);
  if (answer.malformedAt !== undefined && answer.malformedAt < events.length) {
    events[answer.malformedAt] = { ...events[answer.malformedAt], data: MALFORMED };
  }
  const at = answer.streamErrorAt;
  if (at !== undefined && dialect.streamError !== undefined && at <= events.length) {
    const message = answer.message ?? "mock server: scripted stream error";
    events.splice(at, events.length - at, dialect.streamError(message));
  }
  return events;
}

// Each event as the bytes the dialect frames it in, with the byte faults applied.
function streamUnits(dialect: MockDialect, events: MockEvent[], answer: MockReply): Uint8Array[] {
  const frames = dialect.streamFormat === "aws-event-stream";
  const units = events.map((event) =>
    frames
      ? awsEventFrame(event.headers ?? converseEventHeaders(event.event ?? ""), event.data)
      : encoder.encode(sse(event))
  );
  const corrupt = answer.corruptFrameAt;
  if (frames && corrupt !== undefined && corrupt < units.length) {
    const frame = units[corrupt];
    frame[frame.length - 5] ^= 0xff;
  }
  const cut = answer.cutInsideEvent;
  if (cut !== undefined && cut < units.length) {
    units.splice(cut, units.length - cut, units[cut].subarray(0, units[cut].length >> 1));
  }
  return units;
}

function body(
  dialect: MockDialect,
  answer: MockReply,
  model: string,
  id: string,
  stream: boolean,
): Response {
  if (stream) {
    const units = streamUnits(dialect, streamEvents(dialect, answer, model, id), answer);
    const headers = {
      "content-type": dialect.streamFormat === "aws-event-stream"
        ? "application/vnd.amazon.eventstream"
        : "text/event-stream",
      "cache-control": "no-cache",
      ...answer.headers,
    };
    return new Response(faultyBody(units, answer), { headers });
  }
  const cut = cutBody(encoder.encode(JSON.stringify(dialect.response(answer, model, id))), answer);
  return new Response(faultyBody(cut.units, { ...answer, ...cut.plan }), {
    headers: { "content-type": "application/json", ...answer.headers },
  });
}

function replies(script: MockScript): (request: RecordedRequest) => MockReply {
  if (typeof script === "function") return script;
  if (!Array.isArray(script)) return () => script;
  let next = 0;
  return () => script[Math.min(next++, script.length - 1)];
}

/**
 * Creates a mock server for every provider of the registry.
 *
 * @param options The script and the expected key.
 * @returns The server, answering in-process until `listen` is called.
 *
 * @example A scripted 429, then an answer
 * ```ts
 * import { createMockServer, failure, reply, text } from "@rosetta/llm/testing";
 * import assert from "node:assert/strict";
 * const mock = createMockServer({ script: [failure(429, { retryAfterMs: 20 }), reply(text("Hi"))] });
 * const first = await mock.fetch(`${mock.baseUrl("openai")}/chat/completions`, {
 *   method: "POST",
 *   headers: { authorization: "Bearer sk-test", "content-type": "application/json" },
 *   body: JSON.stringify({ model: "gpt-4o", messages: [{ role: "user", content: "Hi" }] }),
 * });
 * assert.equal(first.status, 429);
 * assert.equal(first.headers.get("retry-after-ms"), "20");
 * assert.equal(mock.requests[0].headers.authorization, "[redacted]");
 * ```
 */
export function createMockServer(options: MockServerOptions = {}): MockServer {
  const app = new Hono();
  const requests: RecordedRequest[] = [];
  const next = replies(options.script ?? reply(text("Hello from the mock server.")));
  let count = 0;
  // Slow first bytes in progress; closing the server ends them at once.
  const waits = new Set<() => void>();
  const delay = (ms: number) =>
    new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        waits.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      waits.add(done);
    });
  const dialects = [...Object.entries(DIALECTS), ...Object.entries(HOST_DIALECTS)] as Array<
    [ProviderName | MockHostName, MockDialect]
  >;
  // Read, record, authenticate and script one request; `respond` renders a scripted success.
  const handle = async (
    request: Request,
    provider: ProviderName | MockHostName,
    dialect: MockDialect,
    respond: (answer: MockReply, target: MockTarget) => Response,
  ): Promise<Response> => {
    const url = new URL(request.url);
    let parsed: JsonObject;
    try {
      parsed = JSON.parse(await request.text());
    } catch {
      const error = dialect.error(400, "mock server: the request body is not JSON");
      return json(error.body, 400);
    }
    const target = dialect.target(url, parsed);
    const key = dialect.credential(request);
    const seen: RecordedRequest = {
      provider,
      path: scrubText(url.pathname + url.search, key ?? ""),
      ...target,
      headers: redactHeaders(Object.fromEntries(request.headers), key ?? ""),
      body: parsed,
    };
    requests.push(seen);
    if (!key || (options.apiKey !== undefined && key !== options.apiKey)) {
      const error = dialect.error(401, `mock server: no valid API key in ${dialect.keyHeader}`);
      return json(error.body, 401, error.headers);
    }
    const refused = dialect.refuse?.(parsed);
    if (refused !== undefined) return json(dialect.error(422, refused).body, 422);
    const answer = next(seen);
    if (answer.firstByteDelayMs !== undefined) {
      await delay(answer.firstByteDelayMs);
    }
    if (answer.status !== undefined) {
      const message = answer.message ?? `mock server: scripted ${answer.status}`;
      const error = dialect.error(answer.status, message, answer.retryAfterMs);
      return json(error.body, answer.status, { ...error.headers, ...answer.headers });
    }
    return respond(answer, target);
  };
  // Count routes first: Gemini's shares the chat route's path pattern.
  for (const [provider, dialect] of dialects) {
    const counting = dialect.countTokens;
    if (counting === undefined) continue;
    const countDialect: MockDialect = {
      ...dialect,
      target: counting.target ?? dialect.target,
      refuse: counting.refuse ?? dialect.refuse,
    };
    app.post(
      counting.route,
      (c) =>
        handle(
          c.req.raw,
          provider,
          countDialect,
          (answer) => json(counting.response(answer.usage.inputTokens), 200),
        ),
    );
  }
  for (const [provider, dialect] of dialects) {
    app.post(
      dialect.route,
      (c) =>
        handle(
          c.req.raw,
          provider,
          dialect,
          (answer, target) => body(dialect, answer, target.model, `mock-${++count}`, target.stream),
        ),
    );
  }
  const baseUrl = (provider: ProviderName | MockHostName, origin = IN_PROCESS) =>
    `${origin}${
      (Object.hasOwn(DIALECTS, provider)
        ? DIALECTS[provider as ProviderName]
        : HOST_DIALECTS[provider as MockHostName]).basePath
    }`;
  return {
    app,
    requests,
    baseUrl,
    fetch: (input, init) => inProcess(app, new Request(input, init)),
    async listen() {
      const server: Listener = await listen((request) => app.fetch(request));
      return {
        url: server.url,
        baseUrl: (provider) => baseUrl(provider, server.url),
        close: () => {
          for (const wake of waits) wake();
          return server.close();
        },
      };
    },
  };
}

// As a real fetch does: the request's signal rejects the wait for the response.
async function inProcess(app: Hono, request: Request): Promise<Response> {
  const signal = request.signal;
  signal.throwIfAborted();
  let onAbort!: () => void;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
  });
  try {
    return await Promise.race([app.fetch(request), aborted]);
  } finally {
    signal.removeEventListener("abort", onAbort);
  }
}

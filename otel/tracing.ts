/**
 * A client hook that turns its events into OpenTelemetry spans following the GenAI semantic
 * conventions: one `CLIENT` span per call, from its first request to its end, with retries and
 * fallbacks as span events. Prompt and answer content are recorded only when asked.
 *
 * @see https://opentelemetry.io/docs/specs/semconv/gen-ai/gen-ai-spans/
 * @module
 */

import {
  type Attributes,
  type Span,
  SpanKind,
  SpanStatusCode,
  trace,
  type Tracer,
} from "@opentelemetry/api";
import type { ProviderError } from "../common/errors.ts";
import type { ChatResponse } from "../common/types.ts";
import type { DoneEvent, RequestSentEvent } from "../client/events.ts";
import type { FallbackClientEvent, FallbackEvent } from "../client/fallback_events.ts";
import { inputMessages, outputMessages } from "./content.ts";

/** Options of {@link createTracingHook}. */
export interface TracingOptions {
  /**
   * The tracer spans are made with.
   * @default trace.getTracer("@rosetta/llm") of the global tracer provider
   */
  tracer?: Tracer;
  /**
   * Whether to record the system prompt, the messages and the answer
   * (`gen_ai.system_instructions`, `gen_ai.input.messages`, `gen_ai.output.messages`). They
   * may hold personal data; off unless asked.
   * @default false
   */
  captureContent?: boolean;
}

// Fallback events waiting for their next call, at most.
const PENDING_LIMIT = 256;

// gen_ai.provider.name's well-known values, by registry or host name; others go as they are.
const PROVIDER_NAMES: Readonly<Record<string, string>> = {
  "openai-responses": "openai",
  google: "gcp.gemini",
  mistral: "mistral_ai",
  xai: "x_ai",
  azure: "azure.ai.openai",
  "azure-responses": "azure.ai.openai",
  bedrock: "aws.bedrock",
  vertexGemini: "gcp.vertex_ai",
  vertexAnthropic: "gcp.vertex_ai",
};

// Scheme, host (a bracketed IPv6 address or a name) and port of an absolute URL. Read with a
// pattern, not `new URL`: the event's URL has its key redacted, which may leave it unparsable
// (a key that also occurs in the host), and a hook must not throw.
const AUTHORITY = /^(https?):\/\/(?:[^@/?#]*@)?(\[[^\]]*\]|[^:/?#]*)(?::(\d+))?/i;

function serverAttributes(url: string, attributes: Attributes): void {
  const match = AUTHORITY.exec(url);
  if (match === null) return;
  attributes["server.address"] = match[2];
  attributes["server.port"] = match[3] !== undefined
    ? Number(match[3])
    : match[1].toLowerCase() === "https"
    ? 443
    : 80;
}

function requestAttributes(event: RequestSentEvent, content: boolean): Attributes {
  const request = event.request;
  const attributes: Attributes = {
    "gen_ai.operation.name": event.operation,
    "gen_ai.provider.name": PROVIDER_NAMES[event.provider] ?? event.provider,
    "gen_ai.request.model": request.model,
    "rosetta.provider": event.provider,
  };
  serverAttributes(event.url, attributes);
  if (request.maxOutputTokens !== undefined) {
    attributes["gen_ai.request.max_tokens"] = request.maxOutputTokens;
  }
  if (request.temperature !== undefined) {
    attributes["gen_ai.request.temperature"] = request.temperature;
  }
  if (request.topP !== undefined) attributes["gen_ai.request.top_p"] = request.topP;
  if (request.stopSequences !== undefined) {
    attributes["gen_ai.request.stop_sequences"] = request.stopSequences;
  }
  if (content) {
    if (request.system !== undefined) {
      attributes["gen_ai.system_instructions"] = JSON.stringify([
        { type: "text", content: request.system },
      ]);
    }
    attributes["gen_ai.input.messages"] = inputMessages(request);
  }
  return attributes;
}

function responseAttributes(response: ChatResponse, content: boolean): Attributes {
  const choices = [response, ...(response.alternatives ?? [])];
  const attributes: Attributes = {
    "gen_ai.response.model": response.model,
    "gen_ai.response.finish_reasons": choices.map((choice) => choice.finishReason),
    "gen_ai.usage.input_tokens": response.usage.inputTokens,
    "gen_ai.usage.output_tokens": response.usage.outputTokens,
    "gen_ai.usage.cache_read.input_tokens": response.usage.cacheReadTokens,
    "gen_ai.usage.cache_creation.input_tokens": response.usage.cacheWriteTokens,
  };
  if (response.id !== undefined) attributes["gen_ai.response.id"] = response.id;
  if (content) attributes["gen_ai.output.messages"] = outputMessages(response);
  return attributes;
}

// error.type: a provider error's category (rate_limit, server, …), else the error's name. Read
// by shape, not with ProviderError.isInstance: a runtime import of common/ from this entry would
// make the bundler split the chunks every other entry loads (one more file each to import).
function errorType(error: unknown): string {
  if (!(error instanceof Error)) return "_OTHER";
  const category = (error as Partial<ProviderError>).category;
  return error.name === "ProviderError" && typeof category === "string" ? category : error.name;
}

function end(span: Span, event: DoneEvent, content: boolean): void {
  span.setAttribute("rosetta.attempts", event.attempts);
  if (event.response !== undefined) span.setAttributes(responseAttributes(event.response, content));
  if (event.error !== undefined) {
    span.setAttribute("error.type", errorType(event.error));
    const message = event.error instanceof Error ? event.error.message : String(event.error);
    span.setStatus({ code: SpanStatusCode.ERROR, message });
  }
  span.end();
}

function fallbackAttributes(event: FallbackEvent): Attributes {
  return {
    "rosetta.fallback.from.provider": event.provider,
    "rosetta.fallback.from.model": event.model,
    "rosetta.fallback.target": event.target,
    "error.type": event.error.category,
  };
}

/**
 * Makes a client hook (`onEvent` of `createClient` or `createFallbackClient`) that records each
 * call as an OpenTelemetry span: `chat <model>` (or `count_tokens <model>`), kind `CLIENT`, with
 * `gen_ai.operation.name`, `gen_ai.provider.name`, `gen_ai.request.model` and the request's
 * sampling settings, `server.address` / `server.port`, then `gen_ai.response.model`,
 * `gen_ai.response.id`, `gen_ai.response.finish_reasons`, `gen_ai.usage.input_tokens` /
 * `output_tokens` (and the cache counts), or `error.type` and an error status. Each retry is a
 * `retry` span event; a call a fallback client moved on to gets a `fallback` event naming the
 * target that failed. Content is recorded only with `captureContent`.
 *
 * @param options The tracer, and whether to record content.
 * @returns The hook.
 *
 * @example Spans of a call against the in-process mock server
 * ```ts
 * import { anthropic, createClient } from "@rosetta/llm";
 * import { createTracingHook } from "@rosetta/llm/otel";
 * import { createMockServer } from "@rosetta/llm/testing";
 * import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
 * import assert from "node:assert/strict";
 * const exporter = new InMemorySpanExporter();
 * const tracer = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] })
 *   .getTracer("example");
 * const mock = createMockServer();
 * const client = createClient({
 *   provider: anthropic, apiKey: "sk-test", baseUrl: mock.baseUrl("anthropic"), fetch: mock.fetch,
 *   onEvent: createTracingHook({ tracer }),
 * });
 * await client.complete({ model: "claude-haiku-4-5", messages: [{ role: "user", content: "Hi" }] });
 * const [span] = exporter.getFinishedSpans();
 * assert.equal(span.name, "chat claude-haiku-4-5");
 * assert.equal(span.attributes["gen_ai.provider.name"], "anthropic");
 * ```
 */
export function createTracingHook(
  options: TracingOptions = {},
): (event: FallbackClientEvent) => void {
  const tracer = options.tracer ?? trace.getTracer("@rosetta/llm");
  const content = options.captureContent === true;
  const spans = new Map<number, Span>();
  // Fallback events wait for the call they moved to, keyed by its provider and model.
  const moved = new Map<string, FallbackEvent>();
  return (event) => {
    switch (event.type) {
      case "request": {
        let span = spans.get(event.call);
        if (span === undefined) {
          span = tracer.startSpan(`${event.operation} ${event.request.model}`, {
            kind: SpanKind.CLIENT,
            startTime: Date.now() - event.elapsedMs,
            attributes: requestAttributes(event, content),
          });
          spans.set(event.call, span);
          const key = `${event.provider}\n${event.request.model}`;
          const fallback = moved.get(key);
          if (fallback !== undefined) {
            moved.delete(key);
            span.addEvent("fallback", fallbackAttributes(fallback));
          }
        }
        return;
      }
      case "response":
        spans.get(event.call)?.setAttribute("http.response.status_code", event.status);
        return;
      case "retry":
        spans.get(event.call)?.addEvent("retry", {
          "rosetta.attempt": event.attempt,
          "rosetta.retry.delay_ms": event.delayMs,
          "error.type": event.error.category,
        });
        return;
      case "done": {
        const span = spans.get(event.call);
        if (span === undefined) return;
        spans.delete(event.call);
        end(span, event, content);
        return;
      }
      case "fallback":
        // A next target that refuses the request sends nothing: its entry would wait forever.
        if (moved.size >= PENDING_LIMIT) moved.clear();
        moved.set(`${event.next.provider}\n${event.next.model}`, event);
        return;
    }
  };
}

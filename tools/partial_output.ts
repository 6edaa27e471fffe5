/**
 * Structured output while it streams: {@link PartialOutput} turns a stream's events into the
 * answer's partial value (a {@link DeepPartial} of the output's type), and
 * {@link partialOutput} does it over a whole stream for `for await`. The JSON is read once,
 * incrementally ({@link PartialJsonReader}); the final value is {@link parseOutput}'s.
 *
 * @module
 */

import type { StreamEvent } from "../common/events.ts";
import { StructuredOutputError } from "../common/errors.ts";
import type { PartialJsonError } from "../common/errors.ts";
import type { ChatResponse } from "../common/types.ts";
import { PartialJsonReader } from "../codec/partial_json.ts";
import { type Output, parseOutput } from "./output.ts";

/** A value as far as it has streamed: every field, at any depth, may be missing yet. */
export type DeepPartial<T> = T extends readonly (infer Item)[] ? DeepPartial<Item>[]
  : T extends object ? { [K in keyof T]?: DeepPartial<T[K]> }
  : T;

/** Options of {@link PartialOutput} and {@link partialOutput}. */
export interface PartialOutputOptions {
  /**
   * Check each top-level field against the output's schema as soon as it is complete, and
   * throw a `schema_mismatch` {@link StructuredOutputError} naming it (`$.field`) instead of
   * waiting for the end. Only top-level fields of an object schema are checked early.
   * @default false
   */
  checkFields?: boolean;
}

/** The slice of a zod object schema read for early checks. */
interface FieldSchemas {
  shape?: Record<string, { safeParse(value: unknown): { success: boolean; error?: unknown } }>;
}

/**
 * The partial value of a structured answer, fed one stream event at a time. It reads the
 * answer's text deltas, or — where the format was sent as a forced tool (Anthropic without
 * `output_config.format`) — that tool call's argument deltas, whichever starts first. Invalid
 * JSON stops the updates (see {@link error}); {@link end} then throws what `parseOutput` throws.
 * Snapshots follow {@link PartialJsonReader}'s identity rules: closed parts keep their identity,
 * open objects are fresh, open arrays grow in place.
 *
 * @example Render a structured answer while it streams
 * ```ts
 * import { anthropic, defineOutput, EventStream, PartialOutput } from "@rosetta/llm";
 * import { z } from "zod";
 * import assert from "node:assert/strict";
 * const city = defineOutput({ name: "city", output: z.object({ name: z.string(), days: z.array(z.number()) }) });
 * const sse = (type: string, data: object) => `event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`;
 * const body = new Response(
 *   sse("content_block_start", { index: 0, content_block: { type: "text", text: "" } }) +
 *     sse("content_block_delta", { index: 0, delta: { type: "text_delta", text: '{"name":"Par' } }) +
 *     sse("content_block_delta", { index: 0, delta: { type: "text_delta", text: 'is","days":[18,' } }) +
 *     sse("content_block_delta", { index: 0, delta: { type: "text_delta", text: "19]}" } }) +
 *     sse("message_delta", { delta: { stop_reason: "end_turn" } }) + sse("message_stop", {}),
 * ).body!;
 * const stream = new EventStream(anthropic.createStreamDecoder(), body);
 * const view = new PartialOutput(city);
 * const seen: unknown[] = [];
 * for await (const event of stream) if (view.push(event)) seen.push(structuredClone(view.value));
 * assert.deepEqual(seen, [{ name: "Par" }, { name: "Paris", days: [18] }, { name: "Paris", days: [18, 19] }]);
 * assert.deepEqual(view.end(await stream.response()), { name: "Paris", days: [18, 19] });
 * ```
 */
export class PartialOutput<Value> {
  readonly #output: Output<Value>;
  readonly #fields: FieldSchemas["shape"];
  readonly #reader = new PartialJsonReader();
  /** The block the answer comes from: -1 for text (every text block), else the tool call's. */
  #source: number | undefined;
  #value: DeepPartial<Value> | undefined;
  #checked = 0;
  #error: PartialJsonError | undefined;

  /**
   * @param output The output the request asked for.
   * @param options Early checks.
   */
  constructor(output: Output<Value>, options: PartialOutputOptions = {}) {
    this.#output = output;
    this.#fields = options.checkFields ? (output.output as FieldSchemas).shape : undefined;
  }

  /** The answer as far as it has streamed; undefined before any of it shows. */
  get value(): DeepPartial<Value> | undefined {
    return this.#value;
  }

  /** Why the answer stopped updating: its text is not JSON from this position on. */
  get error(): PartialJsonError | undefined {
    return this.#error;
  }

  /**
   * Reads one stream event.
   *
   * @param event Any event of the stream; those that are not the answer's are skipped.
   * @returns Whether {@link value} changed (a new snapshot, made now).
   * @throws {StructuredOutputError} With `checkFields`, a complete top-level field that does not
   * match the schema.
   */
  push(event: StreamEvent): boolean {
    let text: string;
    if (event.type === "text_delta") {
      this.#source ??= -1;
      if (this.#source !== -1) return false;
      text = event.text;
    } else if (event.type === "tool_call_start") {
      if (this.#source === undefined && event.name === this.#output.name) {
        this.#source = event.index;
      }
      return false;
    } else if (event.type === "tool_call_delta" && event.index === this.#source) {
      text = event.argumentsDelta;
    } else return false;
    if (this.#error !== undefined) return false;
    try {
      this.#reader.push(text);
    } catch (error) {
      this.#error = error as PartialJsonError;
      return false;
    }
    const value = this.#reader.snapshot() as DeepPartial<Value> | undefined;
    if (value === this.#value) return false;
    this.#value = value;
    if (this.#fields !== undefined) this.#check(value);
    return true;
  }

  // Every top-level key but the last is complete: JSON objects are written in order.
  #check(value: unknown): void {
    if (typeof value !== "object" || value === null || Array.isArray(value)) return;
    const keys = Object.keys(value);
    for (; this.#checked < keys.length - 1; this.#checked++) {
      const key = keys[this.#checked];
      const schema = this.#fields![key];
      const result = schema?.safeParse((value as Record<string, unknown>)[key]);
      if (result === undefined || result.success) continue;
      const path = `$.${key}`;
      throw new StructuredOutputError(
        "schema_mismatch",
        `Cannot read structured output "${this.#output.name}": ${path} does not match its schema`,
        { path, issues: [{ path, message: "does not match its schema" }], cause: result.error },
      );
    }
  }

  /**
   * Whether an array or object of {@link value} is still open and may change (an open array
   * grows in place; closed parts never change).
   *
   * @param part A part of the current value.
   * @returns True while the answer has not closed it.
   */
  isOpen(part: unknown): boolean {
    return this.#reader.isOpen(part);
  }

  /**
   * The final value: the response read by {@link parseOutput}, validated by the schema.
   *
   * @param response The stream's final response.
   * @returns The typed value.
   * @throws {StructuredOutputError} As `parseOutput` does.
   */
  end(response: ChatResponse): Value {
    return parseOutput(this.#output, response);
  }
}

/** What {@link partialOutput} reads: an `EventStream` or a client's stream. */
export interface ResponseEventStream extends AsyncIterable<StreamEvent> {
  /** The final response, once the events are read. */
  response(): Promise<ChatResponse>;
}

/**
 * Iterates a stream and yields the structured answer each time it grows, then the final value
 * read and validated by {@link parseOutput}. The stream is consumed: to see its other events
 * too, use {@link PartialOutput} in your own loop.
 *
 * @param output The output the request asked for.
 * @param stream The stream of the request.
 * @param options Early checks.
 * @returns Partial values, the last one the validated answer.
 * @throws {StructuredOutputError} What `parseOutput` throws at the end (or a field checked
 * early); what the stream throws.
 *
 * @example Render each partial value, then use the validated one
 * ```ts
 * import { createClient, defineOutput, openai, partialOutput } from "@rosetta/llm";
 * import { createMockServer, reply, text } from "@rosetta/llm/testing";
 * import { z } from "zod";
 * import assert from "node:assert/strict";
 * const city = defineOutput({ name: "city", output: z.object({ name: z.string(), days: z.array(z.number()) }) });
 * const mock = createMockServer({ script: reply(text('{"name":"Paris","days":[18,19]}')) });
 * const client = createClient({ provider: openai, apiKey: "k", baseUrl: mock.baseUrl("openai"), fetch: mock.fetch });
 * const stream = client.stream({ model: "gpt-4o", messages: [{ role: "user", content: "?" }], structuredOutput: city });
 * let last: unknown;
 * for await (const value of partialOutput(city, stream)) last = value; // render it
 * assert.deepEqual(last, { name: "Paris", days: [18, 19] });
 * ```
 */
export async function* partialOutput<Value>(
  output: Output<Value>,
  stream: ResponseEventStream,
  options: PartialOutputOptions = {},
): AsyncGenerator<DeepPartial<Value>, void, undefined> {
  const view = new PartialOutput(output, options);
  for await (const event of stream) {
    if (view.push(event)) yield view.value!;
  }
  yield view.end(await stream.response()) as DeepPartial<Value>;
}

/**
 * Tool-call arguments while they stream: {@link PartialToolCalls} keeps one
 * {@link PartialJsonReader} per call, fed by `tool_call_delta` events, and
 * {@link partialToolArguments} does it over a whole stream for `for await`.
 *
 * @module
 */

import type { PartialJsonError } from "../common/errors.ts";
import type { StreamEvent } from "../common/events.ts";
import type { JsonObject } from "../common/json_object.ts";
import { PartialJsonReader } from "./partial_json.ts";

/** One tool call as far as it has streamed. */
export interface PartialToolCall {
  /** Block position, as in the events. */
  index: number;
  /** Call id. */
  id: string;
  /** Tool name. */
  name: string;
  /**
   * The arguments so far (see {@link PartialJsonReader} for what shows and what is shared);
   * once `done`, the parsed arguments of `tool_call_end`.
   */
  arguments: Partial<JsonObject> | undefined;
  /** The call ended: `arguments` are final. */
  done: boolean;
  /** Why the arguments stopped updating before the end: their text is not JSON from here on. */
  error?: PartialJsonError;
}

interface CallState {
  call: PartialToolCall;
  reader: PartialJsonReader;
}

/**
 * Partial arguments of each tool call of a stream, fed one event at a time. Only calls whose
 * events it sees cost anything; a provider that sends arguments whole (Gemini) shows them at
 * `tool_call_end`. Invalid argument JSON stops a call's updates; the stream's own reader
 * reports it at the call's end.
 *
 * @example Show a tool call's arguments as they arrive
 * ```ts
 * import { PartialToolCalls } from "@rosetta/llm";
 * import assert from "node:assert/strict";
 * const calls = new PartialToolCalls();
 * calls.push({ type: "tool_call_start", index: 1, id: "call_1", name: "weather" });
 * const call = calls.push({ type: "tool_call_delta", index: 1, argumentsDelta: '{"city":"Par' });
 * assert.deepEqual(call?.arguments, { city: "Par" });
 * ```
 */
export class PartialToolCalls {
  readonly #calls = new Map<number, CallState>();

  /**
   * Reads one stream event.
   *
   * @param event Any event; those of no tool call are skipped.
   * @returns The call, when the event changed its arguments or ended it (a fresh object).
   */
  push(event: StreamEvent): PartialToolCall | undefined {
    if (event.type === "tool_call_start") {
      const call = { index: event.index, id: event.id, name: event.name, arguments: undefined };
      this.#calls.set(event.index, {
        call: { ...call, done: false },
        reader: new PartialJsonReader(),
      });
      return undefined;
    }
    if (event.type === "tool_call_end") {
      const state = this.#calls.get(event.index);
      const call = { ...state?.call, index: event.index, id: event.id, name: event.name };
      return this.#update(event.index, { ...call, arguments: event.arguments, done: true });
    }
    if (event.type !== "tool_call_delta") return undefined;
    const state = this.#calls.get(event.index);
    if (state === undefined || state.call.error !== undefined) return undefined;
    try {
      state.reader.push(event.argumentsDelta);
    } catch (error) {
      return this.#update(event.index, { ...state.call, error: error as PartialJsonError });
    }
    const value = state.reader.snapshot() as Partial<JsonObject> | undefined;
    if (value === state.call.arguments) return undefined;
    return this.#update(event.index, { ...state.call, arguments: value });
  }

  /**
   * A call as far as it has streamed.
   *
   * @param index The call's block position.
   * @returns The call, or undefined if no `tool_call_start` at `index` was seen.
   */
  get(index: number): PartialToolCall | undefined {
    return this.#calls.get(index)?.call;
  }

  /**
   * Whether an array or object of a call's current arguments is still open and may change.
   *
   * @param index The call's block position.
   * @param part A part of its arguments.
   * @returns True while the arguments' text has not closed it.
   */
  isOpen(index: number, part: unknown): boolean {
    return this.#calls.get(index)?.reader.isOpen(part) ?? false;
  }

  #update(index: number, call: PartialToolCall): PartialToolCall {
    const state = this.#calls.get(index);
    if (state === undefined) this.#calls.set(index, { call, reader: new PartialJsonReader() });
    else state.call = call;
    return call;
  }
}

/**
 * Iterates a stream and yields a tool call each time its arguments grow or it ends. The stream
 * is consumed: to see its other events too, use {@link PartialToolCalls} in your own loop.
 *
 * @param stream An `EventStream`, a client's stream, or any iterable of events.
 * @returns Tool calls as they grow; `done` on the last of each.
 * @throws What the stream throws.
 *
 * @example Watch arguments grow
 * ```ts
 * import { partialToolArguments, type StreamEvent } from "@rosetta/llm";
 * import assert from "node:assert/strict";
 * const events: StreamEvent[] = [
 *   { type: "tool_call_start", index: 0, id: "c1", name: "weather" },
 *   { type: "tool_call_delta", index: 0, argumentsDelta: '{"city":"Pa' },
 *   { type: "tool_call_delta", index: 0, argumentsDelta: 'ris"}' },
 *   { type: "tool_call_end", index: 0, id: "c1", name: "weather", arguments: { city: "Paris" } },
 * ];
 * const seen = [];
 * for await (const call of partialToolArguments(events)) seen.push([call.arguments, call.done]);
 * assert.deepEqual(seen, [[{ city: "Pa" }, false], [{ city: "Paris" }, false], [{ city: "Paris" }, true]]);
 * ```
 */
export async function* partialToolArguments(
  stream: AsyncIterable<StreamEvent> | Iterable<StreamEvent>,
): AsyncGenerator<PartialToolCall, void, undefined> {
  const calls = new PartialToolCalls();
  for await (const event of stream) {
    const call = calls.push(event);
    if (call !== undefined) yield call;
  }
}

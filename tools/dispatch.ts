/**
 * The agent loop's middle: take the tool calls of a response, check them (`prepare.ts`), run them
 * concurrently, and turn the results into the next turn. Bad model output never throws: an
 * unknown tool, arguments that are not an object or fail the schema, a crash or a timeout each
 * become an error result whose text tells the model what to fix.
 *
 * @module
 */

import { describeValue } from "../codec/describe.ts";
import { ValidationError } from "../common/errors.ts";
import type { AnyTool } from "./tool.ts";
import { errorResult, type PreparedCall, prepareToolCall } from "./prepare.ts";
import type {
  AssistantMessage,
  ChatResponse,
  Message,
  ToolCallBlock,
  ToolMessage,
  ToolResultBlock,
} from "../common/types.ts";

/** Options of {@link executeToolCalls} and {@link runToolRound}. */
export interface DispatchOptions {
  /** Aborting it rejects the whole dispatch with its reason and aborts every running tool. */
  signal?: AbortSignal;
  /** Per-call time limit in ms; a call over it becomes an error result. */
  timeoutMs?: number;
  /**
   * How many calls run at once.
   * @default Infinity
   */
  concurrency?: number;
  /**
   * Largest arguments accepted, in characters of their JSON text (escapes not counted).
   * @default 1048576
   */
  maxArgumentsSize?: number;
}

function notAnArray(name: string, value: unknown): never {
  throw new ValidationError(
    `Cannot run tools: ${name} must be an array, got ${describeValue(value)}`,
    {
      path: name,
    },
  );
}

/**
 * The tool calls of a response, in call order.
 *
 * @param response A parsed or streamed response.
 * @returns Its tool-call blocks.
 */
export function extractToolCalls(response: ChatResponse): ToolCallBlock[] {
  const calls: ToolCallBlock[] = [];
  const content = response.content;
  for (let i = 0; i < content.length; i++) {
    const block = content[i];
    if (block.type === "tool_call") calls.push(block);
  }
  return calls;
}

function resultFor(call: ToolCallBlock, output: unknown): ToolResultBlock {
  let content: string | undefined;
  if (typeof output === "string") content = output;
  else if (output === undefined) content = "";
  else {
    try {
      // undefined for a function, a symbol, or an object whose toJSON gives one of those.
      content = JSON.stringify(output);
    } catch (error) {
      return errorResult(
        call,
        `Tool "${call.name}" returned a value that is not JSON: ${(error as Error).message}`,
      );
    }
    if (content === undefined) {
      return errorResult(
        call,
        `Tool "${call.name}" returned a value that is not JSON: ${describeValue(output)}`,
      );
    }
  }
  return { type: "tool_result", toolCallId: call.id, toolName: call.name, content };
}

const NEVER: AbortSignal = new AbortController().signal;

async function run(prepared: PreparedCall, options: DispatchOptions): Promise<ToolResultBlock> {
  if ("type" in prepared) return prepared;
  const { call, tool, input } = prepared;
  const execute = tool.execute;
  if (execute === undefined) {
    return errorResult(call, `Tool "${call.name}" cannot be run here: it has no execute function.`);
  }
  const parent = options.signal;
  const timeoutMs = options.timeoutMs;
  if (parent === undefined && timeoutMs === undefined) {
    // Fast path: nothing can interrupt the call.
    try {
      return resultFor(call, await execute(input, { signal: NEVER, call }));
    } catch (error) {
      return errorResult(
        call,
        `Tool "${call.name}" failed: ${(error as Error)?.message ?? String(error)}`,
      );
    }
  }
  const controller = new AbortController();
  let timedOut = false;
  let onAbort!: () => void;
  const interrupted = new Promise<never>((_, reject) => {
    onAbort = () => reject(controller.signal.reason);
  });
  controller.signal.addEventListener("abort", onAbort, { once: true });
  const forward = () => controller.abort(parent!.reason);
  parent?.addEventListener("abort", forward, { once: true });
  const timer = timeoutMs === undefined ? undefined : setTimeout(() => {
    timedOut = true;
    controller.abort(new DOMException(`Tool "${call.name}" timed out`, "TimeoutError"));
  }, timeoutMs);
  try {
    const output = await Promise.race([
      execute(input, { signal: controller.signal, call }),
      interrupted,
    ]);
    return resultFor(call, output);
  } catch (error) {
    if (parent?.aborted) throw parent.reason;
    if (timedOut) return errorResult(call, `Tool "${call.name}" timed out after ${timeoutMs} ms.`);
    return errorResult(
      call,
      `Tool "${call.name}" failed: ${(error as Error)?.message ?? String(error)}`,
    );
  } finally {
    clearTimeout(timer);
    parent?.removeEventListener("abort", forward);
  }
}

/**
 * Validates and runs tool calls concurrently; results keep the calls' order.
 *
 * @param calls The calls, e.g. from {@link extractToolCalls}.
 * @param tools The tools the model was offered.
 * @param options Abort signal, per-call timeout, concurrency and argument size limit.
 * @returns One result per call.
 * @throws The signal's reason when `options.signal` aborts.
 * @throws {ValidationError} For a `concurrency` that is not an integer of at least 1.
 */
export async function executeToolCalls(
  calls: readonly ToolCallBlock[],
  tools: readonly AnyTool[],
  options: DispatchOptions = {},
): Promise<ToolResultBlock[]> {
  options.signal?.throwIfAborted();
  if (!Array.isArray(calls)) notAnArray("calls", calls);
  if (!Array.isArray(tools)) notAnArray("tools", tools);
  const prepared = calls.map((call) => prepareToolCall(call, tools, options.maxArgumentsSize));
  const limit = options.concurrency ?? Infinity;
  // The same rule, and the same error, as the client's `concurrency`.
  if (
    typeof limit !== "number" || !(limit >= 1) || (limit !== Infinity && !Number.isInteger(limit))
  ) {
    throw new ValidationError(
      `Cannot run tools: concurrency must be an integer of at least 1, got ${describeValue(limit)}`,
      { path: "concurrency" },
    );
  }
  if (limit >= prepared.length) return Promise.all(prepared.map((p) => run(p, options)));
  const results = new Array<ToolResultBlock>(prepared.length);
  let next = 0;
  const worker = async () => {
    while (next < prepared.length) {
      const i = next++;
      results[i] = await run(prepared[i], options);
    }
  };
  await Promise.all(Array.from({ length: limit }, worker));
  return results;
}

/**
 * Wraps results as the `tool` message that answers the previous assistant turn.
 *
 * @param results Results in call order.
 * @returns The message, ready for any provider's serializer.
 */
export function toolResultMessage(results: ToolResultBlock[]): ToolMessage {
  return { role: "tool", content: results };
}

/**
 * One step of the agent loop: the messages to append after a response — the assistant turn
 * as received (thinking and signatures intact, tagged with its provider) and, if it called
 * tools, their results.
 *
 * @param response The model's response.
 * @param tools The tools it was offered.
 * @param options Dispatch options.
 * @returns Messages to append to the conversation.
 *
 * @example
 * ```ts
 * import { defineTool, openai, runToolRound } from "@rosetta/llm";
 * import { z } from "zod";
 * import assert from "node:assert/strict";
 * const add = defineTool({ name: "add", input: z.object({ a: z.number(), b: z.number() }), execute: ({ a, b }) => a + b });
 * const response = openai.parseResponse(JSON.stringify({ model: "gpt-4o", choices: [{ message: { role: "assistant", content: null,
 *   tool_calls: [{ id: "c1", type: "function", function: { name: "add", arguments: '{"a":2,"b":3}' } }] }, finish_reason: "tool_calls" }] }));
 * const [, results] = await runToolRound(response, [add]);
 * assert.deepEqual(results, { role: "tool", content: [{ type: "tool_result", toolCallId: "c1", toolName: "add", content: "5" }] });
 * ```
 */
export async function runToolRound(
  response: ChatResponse,
  tools: readonly AnyTool[],
  options: DispatchOptions = {},
): Promise<Message[]> {
  if (typeof response !== "object" || response === null || !Array.isArray(response.content)) {
    throw new ValidationError(
      `Cannot run tools: response must be a ChatResponse, got ${describeValue(response)}`,
      { path: "response" },
    );
  }
  if (response.content.length === 0) return [];
  const assistant: AssistantMessage = {
    role: "assistant",
    provider: response.provider,
    content: response.content,
  };
  const calls = extractToolCalls(response);
  if (calls.length === 0) return [assistant];
  return [assistant, toolResultMessage(await executeToolCalls(calls, tools, options))];
}

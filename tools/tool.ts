/**
 * Tools: a name, a description, a zod input schema and an `execute` function. The JSON Schema
 * for the providers comes from zod's own converter, computed once when the tool is defined.
 * Only zod's types are imported: the schema brings its own methods, so a program that defines
 * no tool never loads zod (it costs ~90 ms of startup on Node).
 *
 * @module
 */

import type { z } from "zod";
import type { ToolCallBlock, ToolDefinition } from "../common/types.ts";
import { objectJsonSchema } from "./schema.ts";

/** What `execute` receives besides its input. */
export interface ToolContext {
  /** Aborts when the caller aborts or the call times out. */
  signal: AbortSignal;
  /** The call being answered. */
  call: ToolCallBlock;
}

/** A tool that can be sent to a provider and run. */
export interface Tool<Input = unknown, Output = unknown> extends ToolDefinition {
  /** Validates arguments; absent for tools described by JSON Schema only. */
  readonly input?: z.ZodType<Input>;
  /** Runs the tool; absent for tools that are only serialized. */
  readonly execute?: (input: Input, context: ToolContext) => Output | Promise<Output>;
}

/**
 * A tool of any input and output type, as tool sets hold them. (`Tool<unknown>` would refuse
 * typed tools: `execute` takes its input contravariantly.)
 */
// deno-lint-ignore no-explicit-any
export type AnyTool = Tool<any, any>;

/** Options of {@link defineTool}. */
export interface DefineToolOptions<Schema extends z.ZodType, Output> {
  /** Tool name, unique within a request. */
  name: string;
  /** What the tool does, for the model. */
  description?: string;
  /** The arguments' schema. */
  input: Schema;
  /** Runs the tool with validated input. */
  execute?: (input: z.output<Schema>, context: ToolContext) => Output | Promise<Output>;
}

/**
 * Defines a tool from a zod schema. Its JSON Schema (`parameters`) is computed here, once.
 *
 * @param options Name, description, input schema and `execute`.
 * @returns The tool, usable in `ChatRequest.tools` for any provider.
 * @throws {ValidationError} Naming the tool, when `input` is not a zod 4 object schema or holds
 * a type JSON Schema cannot express (`z.date()`).
 *
 * @example
 * ```ts
 * import { defineTool } from "@rosetta/llm";
 * import { z } from "zod";
 * import assert from "node:assert/strict";
 * const weather = defineTool({
 *   name: "get_weather",
 *   description: "Current weather for a city",
 *   input: z.object({ city: z.string() }),
 *   execute: ({ city }) => `Sunny in ${city}`,
 * });
 * assert.deepEqual(weather.parameters, {
 *   type: "object",
 *   properties: { city: { type: "string" } },
 *   required: ["city"],
 * });
 * ```
 */
export function defineTool<Schema extends z.ZodType, Output>(
  options: DefineToolOptions<Schema, Output>,
): Tool<z.output<Schema>, Output> {
  const parameters = objectJsonSchema("tool", options?.name, "input", options?.input);
  const tool: Tool<z.output<Schema>, Output> = {
    name: options.name,
    ...(options.description === undefined ? {} : { description: options.description }),
    parameters,
    input: options.input as z.ZodType<z.output<Schema>>,
    ...(options.execute === undefined ? {} : { execute: options.execute }),
  };
  return tool;
}

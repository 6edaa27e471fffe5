/**
 * The tool and the call builder the dispatch tests share (`tools/prepare_test.ts`,
 * `tools/dispatch_test.ts`).
 *
 * @module
 */

import { z } from "zod";
import type { ToolCallBlock } from "../../common/types.ts";
import { type AnyTool, defineTool } from "../../tools/tool.ts";

/** A weather tool whose unit has a default, so that validation visibly applies it. */
export const weather: AnyTool = defineTool({
  name: "get_weather",
  description: "Weather",
  input: z.object({
    location: z.string(),
    unit: z.enum(["celsius", "fahrenheit"]).default("celsius"),
  }),
  execute: ({ location, unit }) => ({ location, unit, temperature: 18 }),
});

/**
 * A tool call as a response would hold it.
 *
 * @param name The tool's name.
 * @param args The arguments, of any shape (tests feed bad ones).
 * @param id The call id.
 * @returns The block.
 */
export function call(name: string, args: unknown, id = `id_${name}`): ToolCallBlock {
  return { type: "tool_call", id, name, arguments: args as ToolCallBlock["arguments"] };
}

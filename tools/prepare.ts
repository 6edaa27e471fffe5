/**
 * The first half of dispatch: checking a tool call before anything runs. The arguments are
 * hardened (an object, within a size, no `__proto__` key, no nesting past a cap) and validated
 * against the tool's zod schema; what fails becomes an error result the model can correct.
 *
 * @module
 */

import { describeValue } from "../codec/describe.ts";
import type { ToolCallBlock, ToolResultBlock } from "../common/types.ts";
import type { AnyTool } from "./tool.ts";

/** A call ready to run, or the error result that answers it instead. */
export type PreparedCall =
  | { call: ToolCallBlock; tool: AnyTool; input: unknown }
  | ToolResultBlock;

const DEFAULT_MAX_ARGUMENTS_SIZE = 1024 * 1024;
const MAX_DEPTH = 256;
// Never accepted as an argument key: a later merge by the tool could reach Object.prototype.
const FORBIDDEN_KEY = "__proto__";

/**
 * An error result for a call, with the text the model will read.
 *
 * @param call The call answered.
 * @param text What went wrong.
 * @returns The tool result block.
 */
export function errorResult(call: ToolCallBlock, text: string): ToolResultBlock {
  return {
    type: "tool_result",
    toolCallId: call.id,
    toolName: call.name,
    content: text,
    isError: true,
  };
}

// Walks the arguments once: refuses `__proto__` keys and too-deep nesting, and sums their size.
function inspect(
  value: unknown,
  path: string,
  depth: number,
  budget: { left: number },
): string | undefined {
  if (typeof value === "string") {
    budget.left -= value.length + 2;
  } else if (typeof value === "object" && value !== null) {
    if (depth > MAX_DEPTH) return `nested deeper than ${MAX_DEPTH} levels at ${path || "(root)"}`;
    budget.left -= 2;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const problem = inspect(value[i], `${path}[${i}]`, depth + 1, budget);
        if (problem !== undefined) return problem;
      }
    } else {
      for (const key of Object.keys(value)) {
        if (key === FORBIDDEN_KEY) {
          return `the key "${key}" is not allowed (at ${path || "(root)"})`;
        }
        budget.left -= key.length + 4;
        const problem = inspect(
          (value as Record<string, unknown>)[key],
          path ? `${path}.${key}` : key,
          depth + 1,
          budget,
        );
        if (problem !== undefined) return problem;
      }
    }
  } else {
    budget.left -= 5;
  }
  return budget.left < 0 ? "too large" : undefined;
}

function issuePath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    out += typeof key === "number" ? `[${key}]` : out === "" ? String(key) : `.${String(key)}`;
  }
  return out || "(root)";
}

/**
 * Checks one call against the tool set: known tool, object arguments, size and key safety, then
 * the tool's zod schema. Synchronous; nothing runs yet.
 *
 * @param call The call.
 * @param tools The tools the model was offered.
 * @param maxArgumentsSize Largest arguments accepted.
 * @returns The call with its tool and validated input, or an error result.
 */
export function prepareToolCall(
  call: ToolCallBlock,
  tools: readonly AnyTool[],
  maxArgumentsSize: number = DEFAULT_MAX_ARGUMENTS_SIZE,
): PreparedCall {
  let tool: AnyTool | undefined;
  for (let i = 0; i < tools.length; i++) {
    if (tools[i].name === call.name) {
      tool = tools[i];
      break;
    }
  }
  if (tool === undefined) {
    const names = tools.map((t) => t.name).join(", ") || "none";
    return errorResult(call, `Unknown tool "${call.name}". Available tools: ${names}.`);
  }
  const args: unknown = call.arguments;
  const invalid = `Invalid arguments for tool "${call.name}":`;
  if (typeof args !== "object" || args === null || Array.isArray(args)) {
    return errorResult(call, `${invalid} expected a JSON object, got ${describeValue(args)}.`);
  }
  const budget = { left: maxArgumentsSize };
  const problem = inspect(args, "", 0, budget);
  if (problem === "too large") {
    return errorResult(
      call,
      `${invalid} they are over the limit of ${maxArgumentsSize} characters.`,
    );
  }
  if (problem !== undefined) return errorResult(call, `${invalid} ${problem}.`);
  if (tool.input === undefined) return { call, tool, input: args };
  const parsed = tool.input.safeParse(args);
  if (parsed.success) return { call, tool, input: parsed.data };
  const issues = parsed.error.issues.map((issue) => `${issuePath(issue.path)}: ${issue.message}`)
    .join("; ");
  return errorResult(call, `${invalid} ${issues}. Call it again with corrected arguments.`);
}

/**
 * The checks before timing: every library must get the same answer from the same bytes (text,
 * tool call names and arguments, usage; reasoning where it surfaces it), and send the whole
 * conversation and the same tools. A mismatch stops the run: timing different work proves nothing.
 *
 * @module
 */

import { isDeepStrictEqual } from "node:util";
import type { ChatRequest } from "../../mod.ts";
import type { Outcome } from "./peer.ts";

/** A library's result for one provider and scenario. */
export interface Named<T> {
  /** Library name. */
  library: string;
  /** Its result. */
  value: T;
}

/**
 * Checks that every library's outcome equals the first's.
 *
 * @param what e.g. `anthropic stream`, for the error.
 * @param outcomes One per library, rosetta first.
 * @returns Notes on what a library does not surface (reasoning), for the report.
 * @throws Error naming the library and field that differ.
 */
export function checkOutcomes(
  what: string,
  outcomes: Named<Outcome>[],
): string[] {
  const [first, ...rest] = outcomes;
  const notes: string[] = [];
  for (const { library, value } of rest) {
    for (const field of ["text", "toolCalls", "usage"] as const) {
      if (!isDeepStrictEqual(value[field], first.value[field])) {
        throw new Error(
          `Cannot compare ${what}: ${library} gives another ${field} than ${first.library}\n` +
            `  ${first.library}: ${JSON.stringify(first.value[field])}\n` +
            `  ${library}: ${JSON.stringify(value[field])}`,
        );
      }
    }
    if (value.reasoning === "" && first.value.reasoning !== "") {
      notes.push(`${library} gives no reasoning text for ${what}`);
    } else if (value.reasoning !== first.value.reasoning) {
      throw new Error(
        `Cannot compare ${what}: ${library} gives other reasoning`,
      );
    }
  }
  return notes;
}

// What a request must carry whatever the dialect: the system prompt, every text and tool result,
// every tool call's name.
function needles(request: ChatRequest): string[] {
  const found = typeof request.system === "string" ? [request.system] : [];
  for (const m of request.messages) {
    if (typeof m.content === "string") {
      found.push(m.content);
      continue;
    }
    for (const b of m.content) {
      if (b.type === "text") found.push(b.text);
      else if (b.type === "tool_call") found.push(b.name);
      else if (b.type === "tool_result") {
        for (
          const c of typeof b.content === "string" ? [b.content] : b.content
        ) {
          if (typeof c === "string") found.push(c);
          else if (c.type === "text") found.push(c.text);
        }
      }
    }
  }
  // As they appear inside a JSON string.
  return found.map((text) => JSON.stringify(text).slice(1, -1));
}

// A tool as Anthropic, OpenAI Chat and Gemini declare it.
interface WireTool {
  name?: string;
  function?: { name: string };
  functionDeclarations?: { name: string }[];
}

function toolNames(body: string): string[] {
  const wire = JSON.parse(body);
  const tools: WireTool[] = wire.tools ?? [];
  return tools.flatMap((t) =>
    t.functionDeclarations?.map((f) => f.name) ??
      [t.name ?? t.function?.name ?? ""]
  );
}

/**
 * Checks that every library sent the whole conversation (each text, tool result and tool call
 * name of the request) and the same tools as the first.
 *
 * @param what e.g. `google build`, for the error.
 * @param request The canonical request every library was given.
 * @param bodies The request bodies the fake fetch received, rosetta first.
 * @throws Error naming the library and what its request lacks.
 */
export function checkRequests(
  what: string,
  request: ChatRequest,
  bodies: Named<string | undefined>[],
): void {
  const tools = toolNames(bodies[0].value ?? "{}");
  for (const { library, value } of bodies) {
    if (!value) {
      throw new Error(`Cannot compare ${what}: ${library} sent no body`);
    }
    const missing = needles(request).filter((n) => !value.includes(n));
    if (missing.length > 0) {
      throw new Error(
        `Cannot compare ${what}: ${library} did not send ${missing.join(", ")}`,
      );
    }
    if (!isDeepStrictEqual(toolNames(value), tools)) {
      throw new Error(
        `Cannot compare ${what}: ${library} sent tools ${toolNames(value)}`,
      );
    }
  }
}

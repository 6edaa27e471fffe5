/**
 * What the Messages API refuses beside thinking, checked once the thinking plan is known: the
 * last tool-use turn must start with a thinking block, temperature must be 1 (on some models
 * always), and tool use cannot be forced.
 *
 * @see https://platform.claude.com/docs/en/build-with-claude/extended-thinking#extended-thinking-with-tool-use
 * @module
 */

import { messagePath } from "../../common/paths.ts";
import { warn } from "../../common/replay.ts";
import type { ChatRequest, Warning } from "../../common/types.ts";
import { refuse } from "../../common/validate.ts";
import type { AnthropicModel } from "./models.ts";
import type { AnthropicThinkingPlan } from "./thinking.ts";

/** The part of a wire message the tool-turn rule reads. */
interface WireTurn {
  role: "user" | "assistant";
  content: string | Array<Record<string, unknown>>;
}

/**
 * Applies the rules to a planned request: may turn thinking off (with a warning) or refuse.
 *
 * @param plan The thinking plan, changed in place when thinking must go.
 * @param request The request.
 * @param row The model's capabilities.
 * @param messages The wire messages.
 * @param warnings Receives what changed.
 * @throws {ValidationError} Naming `temperature`, `toolChoice` or the tool turn that cannot be sent.
 */
export function checkConstraints(
  plan: AnthropicThinkingPlan,
  request: ChatRequest,
  row: AnthropicModel,
  messages: readonly WireTurn[],
  warnings: Warning[] | undefined,
): void {
  const temperature = request.temperature;
  if (!row.temperature && temperature !== undefined && temperature !== 1) {
    refuse(
      "anthropic",
      "temperature",
      `must be unset or 1 for "${request.model}", got ${temperature}`,
    );
  }
  if (!thinks(plan, request, row)) return;
  fitToolTurn(plan, request, row, messages, warnings);
  if (thinks(plan, request, row)) checkBesideThinking(request);
}

// With thinking on, the API wants the last assistant turn that calls tools to start with a
// thinking block. A turn replayed from another provider (or made with thinking off) has none, so
// thinking is turned off for this request, with a warning; a model that always thinks is refused.
function fitToolTurn(
  plan: AnthropicThinkingPlan,
  request: ChatRequest,
  row: AnthropicModel,
  messages: readonly WireTurn[],
  warnings: Warning[] | undefined,
): void {
  let last = messages.length - 1;
  while (last >= 0 && messages[last].role !== "assistant") last--;
  const content = last < 0 ? "" : messages[last].content;
  if (typeof content === "string" || !content.some((block) => block.type === "tool_use")) return;
  if (content[0].type === "thinking" || content[0].type === "redacted_thinking") return;
  let m = request.messages.length - 1;
  while (request.messages[m].role !== "assistant") m--;
  const from = (request.messages[m] as { provider?: string }).provider;
  const why = `the last tool-use turn${
    from ? ` (from ${from})` : ""
  } has no Anthropic thinking block`;
  if (row.off === "impossible") {
    refuse(
      "anthropic",
      messagePath(m),
      `cannot be replayed: ${why} and "${request.model}" always thinks`,
    );
  }
  warn(warnings, "anthropic", messagePath(m), `thinking turned off for this request: ${why}`);
  plan.thinking = row.off === "disabled" ? { type: "disabled" } : undefined;
  plan.effort = undefined;
}

// With thinking on: temperature must be unset or 1, and tool use cannot be forced.
function checkBesideThinking(request: ChatRequest): void {
  const temperature = request.temperature;
  if (temperature !== undefined && temperature !== 1) {
    refuse(
      "anthropic",
      "temperature",
      `must be unset or 1, got ${temperature}, when thinking is ${describe(request)}`,
    );
  }
  const choice = request.toolChoice;
  if (choice === "required" || typeof choice === "object") {
    refuse(
      "anthropic",
      "toolChoice",
      `cannot force tool use when thinking is ${describe(request)}`,
    );
  }
}

// Only for error messages: JSON.stringify is not free on the hot path.
function describe(request: ChatRequest): string {
  return request.thinking === undefined
    ? `on by default for "${request.model}"`
    : JSON.stringify(request.thinking);
}

/**
 * Whether the model will think: asked to, or thinking by default and not turned off.
 *
 * @param plan The thinking plan, after {@link checkConstraints}.
 * @param request The request.
 * @param row The model's capabilities.
 * @returns True when thinking is on.
 */
export function thinks(
  plan: AnthropicThinkingPlan,
  request: ChatRequest,
  row: AnthropicModel,
): boolean {
  const type = plan.thinking?.type;
  return type === "enabled" || type === "adaptive" ||
    (request.thinking === undefined && row.off !== "omit");
}

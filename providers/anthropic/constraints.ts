/**
 * What the Messages API refuses beside thinking, checked once the thinking plan is known: the
 * last tool-use turn must start with a thinking block, sampling must fit the model and thinking
 * (`sampling.ts`), and tool use cannot be forced.
 *
 * @see https://platform.claude.com/docs/en/build-with-claude/extended-thinking#extended-thinking-with-tool-use
 * @module
 */

import { messagePath } from "../../codec/paths.ts";
import { warn } from "../../codec/replay.ts";
import type { ChatRequest, Warning } from "../../common/types.ts";
import { refuse } from "../../common/refuse.ts";
import type { AnthropicModel } from "./models.ts";
import { checkAnthropicSampling } from "./sampling.ts";
import { type AnthropicThinkingPlan, describeThinking } from "./thinking.ts";

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
 * @param features Whether the request has feature fields (`topP` and `topK` among them).
 * @param warnings Receives what changed.
 * @returns Whether the model will think, once the rules are applied.
 * @throws {ValidationError} Naming the tool turn that cannot be sent, `temperature`, `topP`,
 * `topK` or `toolChoice`.
 */
export function checkConstraints(
  plan: AnthropicThinkingPlan,
  request: ChatRequest,
  row: AnthropicModel,
  messages: readonly WireTurn[],
  features: boolean,
  warnings: Warning[] | undefined,
): boolean {
  // The tool-turn rule, when it applies, turns thinking off (or refuses).
  const on = thinks(plan, request, row) && !fitToolTurn(plan, request, row, messages, warnings);
  checkAnthropicSampling(request, row, on, features);
  if (on) checkToolChoice(request);
  return on;
}

// With thinking on, the API wants the last assistant turn that calls tools to start with a
// thinking block. A turn replayed from another provider (or made with thinking off) has none, so
// thinking is turned off for this request, with a warning; a model that always thinks is refused.
// Returns whether the plan changed.
function fitToolTurn(
  plan: AnthropicThinkingPlan,
  request: ChatRequest,
  row: AnthropicModel,
  messages: readonly WireTurn[],
  warnings: Warning[] | undefined,
): boolean {
  let last = messages.length - 1;
  while (last >= 0 && messages[last].role !== "assistant") last--;
  const content = last < 0 ? "" : messages[last].content;
  if (typeof content === "string" || !content.some((block) => block.type === "tool_use")) {
    return false;
  }
  if (content[0].type === "thinking" || content[0].type === "redacted_thinking") return false;
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
  return true;
}

// With thinking on, tool use cannot be forced.
function checkToolChoice(request: ChatRequest): void {
  const choice = request.toolChoice;
  if (choice === "required" || typeof choice === "object") {
    refuse(
      "anthropic",
      "toolChoice",
      `cannot force tool use when thinking is ${describeThinking(request)}`,
    );
  }
}

// Whether the model will think: asked to, or thinking by default and not turned off.
function thinks(
  plan: AnthropicThinkingPlan,
  request: ChatRequest,
  row: AnthropicModel,
): boolean {
  const type = plan.thinking?.type;
  return type === "enabled" || type === "adaptive" ||
    (request.thinking === undefined && row.off !== "omit");
}

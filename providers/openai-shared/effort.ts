/**
 * OpenAI reasoning, the same for its two dialects: the request's `thinking` → an effort by the
 * model's row (Chat Completions `reasoning_effort`, Responses `reasoning.effort`), and the
 * temperature reasoning models refuse beside it.
 *
 * A level goes to the model's nearest effort (with a warning when it is not exact; "none" on a
 * model that cannot stop reasoning gets its lowest effort). An exact `{effort}` is sent or refused.
 *
 * @see https://platform.openai.com/docs/guides/reasoning
 * @module
 */

import type { OpenAIModel } from "./models.ts";
import { warn } from "../../codec/replay.ts";
import { nearestEffort, requireEffort } from "../../codec/thinking.ts";
import type { ChatRequest, ThinkingEffort, Warning } from "../../common/types.ts";
import { refuse } from "../../common/refuse.ts";

/**
 * The effort to send, if any.
 *
 * @param provider The dialect being serialized for, named in errors and warnings.
 * @param request The validated request.
 * @param row The model's capabilities.
 * @param warnings Receives approximations.
 * @returns The effort, or undefined to send none.
 * @throws {ValidationError} For thinking on a chat model, a budget, or an effort the model lacks.
 */
export function planOpenAIEffort(
  provider: string,
  request: ChatRequest,
  row: OpenAIModel,
  warnings: Warning[] | undefined,
): ThinkingEffort | undefined {
  const thinking = request.thinking;
  if (thinking === undefined) return undefined;
  if (row.reasonsAlways === true) {
    warn(
      warnings,
      provider,
      "thinking",
      `dropped: "${request.model}" reasons by itself and takes no reasoning control`,
    );
    return undefined;
  }
  const efforts = row.efforts;
  const model = request.model;
  if (typeof thinking === "string") {
    if (efforts === undefined) return thinking === "none" ? undefined : thinking;
    if (efforts.length === 0) {
      if (thinking === "none") return undefined;
      refuse(provider, "thinking", `"${thinking}" needs a reasoning model, got "${model}"`);
    }
    const effort = nearestEffort(thinking, efforts);
    if (effort !== thinking) {
      warn(
        warnings,
        provider,
        "thinking",
        thinking === "none"
          ? `"none" sent as "${effort}": ${model} cannot turn reasoning off`
          : `"${thinking}" sent as "${effort}": ${model} has no closer effort`,
      );
    }
    return effort;
  }
  if ("budgetTokens" in thinking) {
    refuse(
      provider,
      "thinking.budgetTokens",
      "cannot be sent: OpenAI takes an effort, not a budget",
    );
  }
  requireEffort(provider, thinking.effort, efforts, model);
  return thinking.effort;
}

/**
 * Refuses a sampling parameter other than its default on a model that takes none: reasoning
 * models answer "Unsupported parameter" (gpt-5.1 and later only while the effort is not "none").
 *
 * @param provider The dialect, named in the error.
 * @param request The validated request.
 * @param row The model's capabilities.
 * @param effort The effort being sent.
 * @param field The canonical field, named in the error (`temperature`, `topP`, …).
 * @param value Its value.
 * @param neutral The value every model accepts (1 for temperature and topP, 0 for penalties).
 * @throws {ValidationError} Naming the field.
 */
export function checkOpenAISampling(
  provider: string,
  request: ChatRequest,
  row: OpenAIModel,
  effort: ThinkingEffort | undefined,
  field: string,
  value: number | undefined,
  neutral: number,
): void {
  if (value === undefined || value === neutral || row.temperature === true) return;
  if (row.temperature === false) {
    refuse(provider, field, `must be unset or ${neutral} for "${request.model}", got ${value}`);
  }
  if (effort !== undefined && effort !== "none") {
    refuse(
      provider,
      field,
      `must be unset or ${neutral} for "${request.model}" when the reasoning effort is "${effort}", got ${value}`,
    );
  }
}

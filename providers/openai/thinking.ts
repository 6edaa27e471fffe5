/**
 * OpenAI reasoning: the request's `thinking` → `reasoning_effort` by the model's row, and the
 * options reasoning models refuse beside it (sampling parameters, `stop`).
 *
 * A level goes to the model's nearest effort (with a warning when it is not exact; "none" on a
 * model that cannot stop reasoning gets its lowest effort). An exact `{effort}` is sent or refused.
 *
 * @see https://platform.openai.com/docs/guides/reasoning
 * @module
 */

import { warn } from "../../common/replay.ts";
import { nearestEffort } from "../../common/thinking.ts";
import type { ChatRequest, ThinkingEffort, Warning } from "../../common/types.ts";
import { refuse } from "../../common/validate.ts";
import type { OpenAIModel } from "./models.ts";

/** Chat Completions takes up to 4 stop sequences (API reference, `stop`). */
const MAX_STOP_SEQUENCES = 4;

/**
 * The `reasoning_effort` to send, if any.
 *
 * @param request The validated request.
 * @param row The model's capabilities.
 * @param warnings Receives approximations.
 * @returns The effort, or undefined to send none.
 * @throws {ValidationError} For thinking on a chat model, a budget, or an effort the model lacks.
 */
export function planOpenAIEffort(
  request: ChatRequest,
  row: OpenAIModel,
  warnings: Warning[] | undefined,
): ThinkingEffort | undefined {
  const thinking = request.thinking;
  if (thinking === undefined) return undefined;
  const efforts = row.efforts;
  const model = request.model;
  if (typeof thinking === "string") {
    if (efforts === undefined) return thinking === "none" ? undefined : thinking;
    if (efforts.length === 0) {
      if (thinking === "none") return undefined;
      refuse("openai", "thinking", `"${thinking}" needs a reasoning model, got "${model}"`);
    }
    const effort = nearestEffort(thinking, efforts);
    if (effort !== thinking) {
      warn(
        warnings,
        "openai",
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
      "openai",
      "thinking.budgetTokens",
      "cannot be sent: OpenAI takes an effort, not a budget",
    );
  }
  if (efforts !== undefined && !efforts.includes(thinking.effort)) {
    refuse(
      "openai",
      "thinking.effort",
      `"${thinking.effort}" is not an effort "${model}" takes (${
        efforts.join(", ") || "it takes none"
      })`,
    );
  }
  return thinking.effort;
}

/**
 * Refuses `temperature` and `stopSequences` the model would answer with HTTP 400.
 *
 * @param request The validated request.
 * @param row The model's capabilities.
 * @param effort The effort being sent.
 * @throws {ValidationError} Naming `temperature` or `stopSequences`.
 */
export function checkOpenAIOptions(
  request: ChatRequest,
  row: OpenAIModel,
  effort: ThinkingEffort | undefined,
): void {
  const temperature = request.temperature;
  if (temperature !== undefined && temperature !== 1) {
    if (row.temperature === false) {
      refuse(
        "openai",
        "temperature",
        `must be unset or 1 for "${request.model}", got ${temperature}`,
      );
    }
    if (row.temperature === "without-reasoning" && effort !== undefined && effort !== "none") {
      refuse(
        "openai",
        "temperature",
        `must be unset or 1 for "${request.model}" when reasoning_effort is "${effort}", got ${temperature}`,
      );
    }
  }
  const stop = request.stopSequences;
  if (stop === undefined || stop.length === 0) return;
  if (stop.length > MAX_STOP_SEQUENCES) {
    refuse(
      "openai",
      "stopSequences",
      `takes at most ${MAX_STOP_SEQUENCES} sequences, got ${stop.length}`,
    );
  }
  if (!row.stop) {
    refuse("openai", "stopSequences", `cannot be sent: "${request.model}" does not take stop`);
  }
}

/**
 * Refuses a sampling parameter other than its default on a model that takes none: reasoning
 * models (gpt-5.1 and later: while the effort is not "none") answer "Unsupported parameter".
 *
 * @param request The validated request.
 * @param row The model's capabilities.
 * @param effort The effort being sent.
 * @param field The canonical field, named in the error.
 * @param value Its value.
 * @param neutral The value every model accepts (1 for temperature and topP, 0 for penalties).
 * @throws {ValidationError} Naming the field.
 */
export function checkSampling(
  request: ChatRequest,
  row: OpenAIModel,
  effort: ThinkingEffort | undefined,
  field: string,
  value: number | undefined,
  neutral: number,
): void {
  if (value === undefined || value === neutral || row.temperature === true) return;
  if (row.temperature === false) {
    refuse("openai", field, `must be unset or ${neutral} for "${request.model}", got ${value}`);
  }
  if (effort !== undefined && effort !== "none") {
    refuse(
      "openai",
      field,
      `must be unset or ${neutral} for "${request.model}" when reasoning_effort is "${effort}", got ${value}`,
    );
  }
}

/**
 * Anthropic sampling and metadata: `temperature`, `top_p` and `top_k` checked against the model
 * (Opus 4.7 and later take no sampling parameters; the 4.5 and 4.6 models refuse `temperature`
 * beside `top_p`) and against thinking (`temperature` 1, no `top_k`, `top_p` from 0.95); `top_p`,
 * `top_k` and `metadata.user_id` written; `seed` and the penalties have no field and are dropped
 * with a warning.
 *
 * @see https://platform.claude.com/docs/en/build-with-claude/extended-thinking#feature-compatibility
 * @module
 */

import { warn } from "../../codec/replay.ts";
import type { ChatRequest, Warning } from "../../common/types.ts";
import type { JsonObject } from "../../common/json_object.ts";
import { refuse } from "../../common/refuse.ts";
import type { AnthropicModel } from "./models.ts";
import { describeThinking } from "./thinking.ts";

/** The lowest `top_p` the API takes with thinking on. */
const THINKING_MIN_TOP_P = 0.95;
/** The lowest `top_p` models without sampling parameters accept (for backward compatibility). */
const FIXED_MIN_TOP_P = 0.99;

/**
 * Refuses the sampling parameters the model or thinking rules out, in this order: `temperature`,
 * then `topP`, then `topK`.
 *
 * @param request The request.
 * @param row The model's capabilities.
 * @param thinks Whether the model will think.
 * @param features Whether the request has feature fields (`topP` and `topK` are read only then).
 * @throws {ValidationError} Naming `temperature`, `topP` or `topK`.
 */
export function checkAnthropicSampling(
  request: ChatRequest,
  row: AnthropicModel,
  thinks: boolean,
  features: boolean,
): void {
  const { temperature, model } = request;
  if (temperature !== undefined && temperature !== 1) {
    if (!row.temperature) {
      refuse("anthropic", "temperature", `must be unset or 1 for "${model}", got ${temperature}`);
    }
    if (thinks) {
      refuse(
        "anthropic",
        "temperature",
        `must be unset or 1, got ${temperature}, when thinking is ${describeThinking(request)}`,
      );
    }
  }
  if (!features) return;
  const { topP, topK } = request;
  if (topP !== undefined) {
    if (!row.temperature && topP < FIXED_MIN_TOP_P) {
      refuse("anthropic", "topP", `must be unset or at least ${FIXED_MIN_TOP_P} for "${model}"`);
    }
    if (thinks && topP < THINKING_MIN_TOP_P) {
      refuse("anthropic", "topP", `must be from ${THINKING_MIN_TOP_P} to 1 when thinking is on`);
    }
    if (row.samplingOneOf && temperature !== undefined) {
      refuse("anthropic", "topP", `cannot be set beside temperature for "${model}": set one`);
    }
  }
  if (topK !== undefined) {
    if (!row.temperature) refuse("anthropic", "topK", `cannot be sent: "${model}" refuses it`);
    if (thinks) refuse("anthropic", "topK", "cannot be sent when thinking is on");
  }
}

/**
 * Writes `top_p`, `top_k` and `metadata`, and reports `seed` and the penalties (checked before,
 * by {@link checkAnthropicSampling}).
 *
 * @param body The wire body.
 * @param request The request.
 * @param warnings Receives dropped fields.
 */
export function writeAnthropicSampling(
  body: JsonObject,
  request: ChatRequest,
  warnings: Warning[] | undefined,
): void {
  if (request.topP !== undefined) body.top_p = request.topP;
  if (request.topK !== undefined) body.top_k = request.topK;
  if (request.userId !== undefined) body.metadata = { user_id: request.userId };
  if (request.seed !== undefined) {
    warn(warnings, "anthropic", "seed", "dropped: Anthropic has no seed");
  }
  if (request.presencePenalty !== undefined) {
    warn(warnings, "anthropic", "presencePenalty", "dropped: Anthropic has no presence penalty");
  }
  if (request.frequencyPenalty !== undefined) {
    warn(warnings, "anthropic", "frequencyPenalty", "dropped: Anthropic has no frequency penalty");
  }
}

/**
 * Anthropic sampling and metadata: `top_p`, `top_k` and `metadata.user_id`; `seed` and the
 * penalties have no field and are dropped with a warning. Checked against the model (Opus 4.7
 * and later take no sampling parameters; the 4.5 and 4.6 models refuse `temperature` beside
 * `top_p`) and against thinking (no `top_k`, `top_p` from 0.95).
 *
 * @see https://platform.claude.com/docs/en/build-with-claude/extended-thinking#feature-compatibility
 * @module
 */

import { warn } from "../../common/replay.ts";
import type { ChatRequest, JsonObject, Warning } from "../../common/types.ts";
import { refuse } from "../../common/validate.ts";
import type { AnthropicModel } from "./models.ts";

/** The lowest `top_p` the API takes with thinking on. */
const THINKING_MIN_TOP_P = 0.95;
/** The lowest `top_p` models without sampling parameters accept (for backward compatibility). */
const FIXED_MIN_TOP_P = 0.99;

/**
 * Writes `top_p`, `top_k` and `metadata`, and reports `seed` and the penalties.
 *
 * @param body The wire body.
 * @param request The request.
 * @param row The model's capabilities.
 * @param thinks Whether the model will think.
 * @param warnings Receives dropped fields.
 * @throws {ValidationError} Naming `topP` or `topK` when the model or thinking refuses them.
 */
export function writeAnthropicSampling(
  body: JsonObject,
  request: ChatRequest,
  row: AnthropicModel,
  thinks: boolean,
  warnings: Warning[] | undefined,
): void {
  const { topP, topK, model } = request;
  if (topP !== undefined) {
    if (!row.temperature && topP < FIXED_MIN_TOP_P) {
      refuse("anthropic", "topP", `must be unset or at least ${FIXED_MIN_TOP_P} for "${model}"`);
    }
    if (thinks && topP < THINKING_MIN_TOP_P) {
      refuse("anthropic", "topP", `must be from ${THINKING_MIN_TOP_P} to 1 when thinking is on`);
    }
    if (row.samplingOneOf && request.temperature !== undefined) {
      refuse("anthropic", "topP", `cannot be set beside temperature for "${model}": set one`);
    }
    body.top_p = topP;
  }
  if (topK !== undefined) {
    if (!row.temperature) refuse("anthropic", "topK", `cannot be sent: "${model}" refuses it`);
    if (thinks) refuse("anthropic", "topK", "cannot be sent when thinking is on");
    body.top_k = topK;
  }
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

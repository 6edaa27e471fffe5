/**
 * What Chat Completions refuses beside reasoning: the effort and temperature rules OpenAI's two
 * dialects share (`common/openai_effort.ts`), the other sampling parameters, and `stop`, which
 * only Chat Completions has.
 *
 * @see https://platform.openai.com/docs/api-reference/chat/create
 * @module
 */

import { checkOpenAITemperature } from "../../common/openai_effort.ts";
import type { OpenAIModel } from "../../common/openai_models.ts";
import type { ChatRequest, ThinkingEffort } from "../../common/types.ts";
import { refuse } from "../../common/validate.ts";

/** Chat Completions takes up to 4 stop sequences (API reference, `stop`). */
const MAX_STOP_SEQUENCES = 4;

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
  checkOpenAITemperature("openai", request, row, effort);
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

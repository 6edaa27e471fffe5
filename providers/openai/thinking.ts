/**
 * What Chat Completions refuses beside reasoning: the effort and temperature rules OpenAI's two
 * dialects share (`common/openai_effort.ts`), the other sampling parameters, and `stop`, which
 * only Chat Completions has.
 *
 * @see https://platform.openai.com/docs/api-reference/chat/create
 * @module
 */

import { checkOpenAISampling } from "../../common/openai_effort.ts";
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
  checkOpenAISampling("openai", request, row, effort, "temperature", request.temperature, 1);
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

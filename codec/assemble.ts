/**
 * Puts a {@link ChatResponse} together from what an accumulator gathered.
 *
 * @module
 */

import type { AssistantBlock, ChatResponse, FinishReason, Usage } from "../common/types.ts";
import type { JsonObject } from "../common/json_object.ts";

/**
 * A response, with each optional field present only when it has a value.
 *
 * @param provider The provider's registry name.
 * @param id The response id, if any.
 * @param model The model that answered.
 * @param content The blocks.
 * @param finishReason The canonical finish reason.
 * @param rawFinishReason The provider's own, if any.
 * @param usage Token usage.
 * @param providerMetadata Raw fields kept, if any.
 * @returns The response.
 */
export function assembleResponse(
  provider: string,
  id: string | undefined,
  model: string,
  content: AssistantBlock[],
  finishReason: FinishReason,
  rawFinishReason: string | undefined,
  usage: Usage,
  providerMetadata: JsonObject | undefined,
): ChatResponse {
  const response: ChatResponse = { provider, model, content, finishReason, usage };
  if (id !== undefined) response.id = id;
  if (rawFinishReason !== undefined) response.rawFinishReason = rawFinishReason;
  if (providerMetadata !== undefined) response.providerMetadata = providerMetadata;
  return response;
}

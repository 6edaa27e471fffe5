/**
 * The request features on the Responses API: those with a direct field are written (structured
 * output as `text.format`, `top_p` under the sampling rules Chat Completions applies,
 * `parallel_tool_calls`, `safety_identifier`, `prompt_cache_key`, provider-run tools
 * (`provider_tools.ts`), provider options); the rest are not mapped for this dialect yet and are
 * dropped with a warning.
 *
 * @see https://platform.openai.com/docs/api-reference/responses/create
 * @module
 */

import { checkOpenAISampling } from "../openai-shared/effort.ts";
import type { OpenAIModel } from "../openai-shared/models.ts";
import { mergeProviderOptions } from "../../codec/provider_options.ts";
import { strictSchema } from "../openai-shared/strict_schema.ts";
import { warn } from "../../codec/replay.ts";
import type { ChatRequest, ThinkingEffort, Warning } from "../../common/types.ts";
import type { JsonObject } from "../../common/json_object.ts";
import { writeResponsesProviderTools } from "./provider_tools.ts";

/**
 * Writes the feature fields of a request into a Responses body.
 *
 * @param name The provider serializing, named in errors and warnings; its `providerOptions` are merged.
 * @param request The validated request.
 * @param body The body being built.
 * @param row The model's capabilities.
 * @param effort The reasoning effort being sent.
 * @param warnings Receives what is dropped.
 * @throws {ValidationError} For a provider-run tool the API lacks, or a `topP` the model refuses.
 */
export function writeResponsesFeatures(
  name: string,
  request: ChatRequest,
  body: JsonObject,
  row: OpenAIModel,
  effort: ThinkingEffort | undefined,
  warnings: Warning[] | undefined,
): void {
  checkOpenAISampling(name, request, row, effort, "topP", request.topP, 1);
  if (request.topP !== undefined) body.top_p = request.topP;
  const output = request.structuredOutput;
  if (output !== undefined) {
    const schema = output.strict === true
      ? strictSchema(name, output.schema, "structuredOutput.schema")
      : output.schema;
    const format: JsonObject = { type: "json_schema", name: output.name, schema };
    if (output.strict !== undefined) format.strict = output.strict;
    body.text = { format };
  }
  if (request.providerTools !== undefined && request.providerTools.length > 0) {
    writeResponsesProviderTools(name, body, request.providerTools);
  }
  if (request.parallelToolCalls !== undefined) {
    body.parallel_tool_calls = request.parallelToolCalls;
  }
  if (request.userId !== undefined) body.safety_identifier = request.userId;
  const cache = request.cache;
  if (cache?.key !== undefined) body.prompt_cache_key = cache.key;
  if (cache?.breakpoints !== undefined || cache?.ttl !== undefined) {
    warn(warnings, name, "cache", "breakpoints and ttl dropped: OpenAI caches prefixes itself");
  }
  for (const field of ["topK", "seed", "presencePenalty", "frequencyPenalty"] as const) {
    if (request[field] !== undefined) {
      warn(warnings, name, field, "dropped: not mapped for the Responses API yet");
    }
  }
  const options = request.providerOptions?.[name];
  if (options !== undefined) mergeProviderOptions(body, options, name);
}

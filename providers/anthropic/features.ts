/**
 * The request features on an Anthropic body, written once the body's base fields are set:
 * server tools, structured output, parallel tool use, sampling and metadata, caching and the
 * provider options, in that order (each may read what the one before it wrote).
 *
 * @module
 */

import { mergeProviderOptions } from "../../codec/provider_options.ts";
import { warn } from "../../codec/replay.ts";
import type { ChatRequest, Warning } from "../../common/types.ts";
import type { JsonObject } from "../../common/json_object.ts";
import { writeAnthropicCache } from "./cache.ts";
import type { AnthropicModel } from "./models.ts";
import { writeAnthropicOutput } from "./output.ts";
import { writeAnthropicSampling } from "./sampling.ts";
import { anthropicServerTools } from "./server_tools.ts";

/**
 * Writes the features a request sets.
 *
 * @param body The wire body with its base fields.
 * @param request The request.
 * @param row The model's capabilities.
 * @param thinks Whether the model will think.
 * @param control The `cache_control` value, when the request asks for caching.
 * @param warnings Receives what Anthropic has no field for.
 * @throws {ValidationError} For a feature the model cannot take.
 */
export function writeAnthropicFeatures(
  body: JsonObject,
  request: ChatRequest,
  row: AnthropicModel,
  thinks: boolean,
  control: JsonObject | undefined,
  warnings: Warning[] | undefined,
): void {
  if (request.providerTools !== undefined) {
    const server = anthropicServerTools(request);
    body.tools = body.tools === undefined ? server : [...(body.tools as JsonObject[]), ...server];
  }
  if (request.structuredOutput !== undefined) {
    writeAnthropicOutput(body, request, row, thinks, warnings);
  }
  if (request.parallelToolCalls !== undefined) parallelToolCalls(body, request, warnings);
  writeAnthropicSampling(body, request, warnings);
  if (request.cache !== undefined) writeAnthropicCache(body, request.cache, control!, warnings);
  if (request.providerOptions?.anthropic !== undefined) {
    mergeProviderOptions(body, request.providerOptions.anthropic, "anthropic");
  }
}

// disable_parallel_tool_use rides on tool_choice; "none" calls no tool, so it needs none.
function parallelToolCalls(
  body: JsonObject,
  request: ChatRequest,
  warnings: Warning[] | undefined,
): void {
  if (body.tools === undefined) {
    warn(warnings, "anthropic", "parallelToolCalls", "dropped: the request has no tools");
    return;
  }
  const choice = (body.tool_choice ?? { type: "auto" }) as JsonObject;
  if (request.parallelToolCalls || choice.type === "none") return;
  body.tool_choice = { ...choice, disable_parallel_tool_use: true };
}

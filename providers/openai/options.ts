/**
 * OpenAI request options beside messages: the `temperature` and `stop` checks, and the features:
 * structured output (`response_format`), sampling (`top_p`, `seed`, penalties; `top_k` has no
 * field), `parallel_tool_calls`, `safety_identifier`, web search (`web_search_options`, search
 * models only), caching and the provider options. The effort and sampling rules both OpenAI
 * dialects share are in `common/openai/effort.ts`.
 *
 * @see https://platform.openai.com/docs/api-reference/chat/create
 * @module
 */

import type { StructuredOutput } from "../../common/features.ts";
import { mergeProviderOptions } from "../../codec/provider_options.ts";
import { strictSchema } from "../openai-shared/strict_schema.ts";
import { serverName } from "./dialect.ts";
import { warn } from "../../codec/replay.ts";
import type { ChatRequest, ThinkingEffort, Warning } from "../../common/types.ts";
import type { JsonObject } from "../../common/json_object.ts";
import { refuse } from "../../common/refuse.ts";
import { writeOpenAICache } from "./cache.ts";
import { checkOpenAISampling } from "../openai-shared/effort.ts";
import type { OpenAIModel } from "../openai-shared/models.ts";

/** Chat Completions takes up to 4 stop sequences (API reference, `stop`). */
const MAX_STOP_SEQUENCES = 4;

/**
 * Refuses `temperature` and `stopSequences` the model would answer with HTTP 400.
 *
 * @param name The provider serializing (`openai` or a host), named in errors.
 * @param request The validated request.
 * @param row The model's capabilities.
 * @param effort The effort being sent.
 * @throws {ValidationError} Naming `temperature` or `stopSequences`.
 */
export function checkOpenAIOptions(
  name: string,
  request: ChatRequest,
  row: OpenAIModel,
  effort: ThinkingEffort | undefined,
): void {
  checkOpenAISampling(name, request, row, effort, "temperature", request.temperature, 1);
  const stop = request.stopSequences;
  if (stop === undefined || stop.length === 0) return;
  if (stop.length > MAX_STOP_SEQUENCES) {
    refuse(
      name,
      "stopSequences",
      `takes at most ${MAX_STOP_SEQUENCES} sequences, got ${stop.length}`,
    );
  }
  if (!row.stop) {
    refuse(name, "stopSequences", `cannot be sent: "${request.model}" does not take stop`);
  }
}

/**
 * Writes the features a request sets into the body.
 *
 * @param name The provider serializing (`openai` or a host), named in errors and warnings; its
 * `providerOptions` are merged.
 * @param body The wire body, with its tools set.
 * @param request The request.
 * @param row The model's capabilities.
 * @param effort The reasoning effort being sent.
 * @param warnings Receives dropped fields.
 * @throws {ValidationError} For sampling, structured output or a provider tool the model cannot
 * take, or a provider option that collides with a canonical field.
 */
export function writeOpenAIFeatures(
  name: string,
  body: JsonObject,
  request: ChatRequest,
  row: OpenAIModel,
  effort: ThinkingEffort | undefined,
  warnings: Warning[] | undefined,
): void {
  checkOpenAISampling(name, request, row, effort, "topP", request.topP, 1);
  checkOpenAISampling(
    name,
    request,
    row,
    effort,
    "presencePenalty",
    request.presencePenalty,
    0,
  );
  checkOpenAISampling(
    name,
    request,
    row,
    effort,
    "frequencyPenalty",
    request.frequencyPenalty,
    0,
  );
  if (row.penalties === false) {
    for (const field of ["presencePenalty", "frequencyPenalty"] as const) {
      if (request[field] !== undefined) {
        refuse(name, field, `cannot be sent: "${request.model}" takes no penalties`);
      }
    }
  }
  if (request.topP !== undefined) body.top_p = request.topP;
  if (request.topK !== undefined) {
    warn(warnings, name, "topK", `dropped: ${serverName(name)} has no top_k`);
  }
  if (request.seed !== undefined) body.seed = request.seed;
  if (request.presencePenalty !== undefined) body.presence_penalty = request.presencePenalty;
  if (request.frequencyPenalty !== undefined) body.frequency_penalty = request.frequencyPenalty;
  if (request.parallelToolCalls !== undefined) {
    // parallel_tool_calls without tools is a 400.
    if (body.tools === undefined) {
      warn(warnings, name, "parallelToolCalls", "dropped: the request has no tools");
    } else body.parallel_tool_calls = request.parallelToolCalls;
  }
  if (request.userId !== undefined) body.safety_identifier = request.userId;
  if (request.structuredOutput !== undefined) {
    body.response_format = responseFormat(name, request.structuredOutput, request.model, row);
  }
  if (request.providerTools !== undefined) writeProviderTools(name, body, request, row, warnings);
  if (request.cache !== undefined) {
    writeOpenAICache(name, body, request.cache, row.cacheBreakpoints === true, warnings);
  }
  if (request.providerOptions?.[name] !== undefined) {
    mergeProviderOptions(body, request.providerOptions[name], name);
  }
}

function responseFormat(
  name: string,
  output: StructuredOutput,
  model: string,
  row: OpenAIModel,
): JsonObject {
  if (row.structuredOutput === false) {
    refuse(
      name,
      "structuredOutput",
      `cannot be sent: "${model}" has no structured outputs (response_format json_schema)`,
    );
  }
  const schema = output.strict === undefined ? { name: output.name, schema: output.schema } : {
    name: output.name,
    schema: output.strict
      ? strictSchema(name, output.schema, "structuredOutput.schema")
      : output.schema,
    strict: output.strict,
  };
  return { type: "json_schema", json_schema: schema };
}

function writeProviderTools(
  name: string,
  body: JsonObject,
  request: ChatRequest,
  row: OpenAIModel,
  warnings: Warning[] | undefined,
): void {
  const tools = request.providerTools!;
  for (let t = 0; t < tools.length; t++) {
    const tool = tools[t];
    const at = `providerTools[${t}]`;
    if (tool.type !== "web_search") {
      refuse(name, at, `cannot be sent: Chat Completions has no ${tool.type} tool`);
    }
    if (!row.webSearch) {
      refuse(
        name,
        at,
        `cannot be sent: "${request.model}" has no web search (the search models have)`,
      );
    }
    for (const key of ["maxUses", "allowedDomains", "blockedDomains"] as const) {
      if (tool[key] !== undefined) {
        warn(warnings, name, `${at}.${key}`, "dropped: web_search_options has no such field");
      }
    }
    const location = tool.userLocation;
    body.web_search_options = location === undefined
      ? {}
      : { user_location: { type: "approximate", approximate: location } };
  }
}

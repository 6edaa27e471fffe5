/**
 * Gemini request features beside contents: sampling in `generationConfig` (`topP`, `topK`,
 * `seed`, penalties), structured output (`responseMimeType` + `responseSchema` in Gemini's schema
 * dialect) and built-in tools (`googleSearch`, `urlContext`, `codeExecution`). What Gemini has no
 * field for (a user id, a single-call limit, cache hints) is reported.
 *
 * @see https://ai.google.dev/api/generate-content#generationconfig
 * @module
 */

import { warn } from "../../codec/replay.ts";
import type { ChatRequest, Warning } from "../../common/types.ts";
import type { JsonObject } from "../../common/json_object.ts";
import { refuse } from "../../common/refuse.ts";
import type { GoogleModel } from "./models.ts";
import { toGeminiSchema } from "./schema.ts";
import { warnNotes } from "../../codec/schema_notes.ts";

const BUILT_IN = {
  web_search: "googleSearch",
  web_fetch: "urlContext",
  code_execution: "codeExecution",
};
const UNSENT = ["maxUses", "allowedDomains", "blockedDomains", "userLocation"] as const;

/**
 * Writes the features a request sets into the body and its generation config.
 *
 * @param body The wire body, with its function declarations set.
 * @param config The generation config being built.
 * @param request The request.
 * @param row The model's capabilities.
 * @param warnings Receives what Gemini has no field for.
 * @throws {ValidationError} For built-in tools or a response schema beside function declarations
 * on a model that cannot combine them.
 */
export function writeGoogleOptions(
  body: JsonObject,
  config: JsonObject,
  request: ChatRequest,
  row: GoogleModel,
  warnings: Warning[] | undefined,
): void {
  if (request.topP !== undefined) config.topP = request.topP;
  if (request.topK !== undefined) config.topK = request.topK;
  if (request.seed !== undefined) config.seed = request.seed;
  if (request.presencePenalty !== undefined) config.presencePenalty = request.presencePenalty;
  if (request.frequencyPenalty !== undefined) config.frequencyPenalty = request.frequencyPenalty;
  if (request.providerTools !== undefined) writeBuiltInTools(body, request, row, warnings);
  if (request.parallelToolCalls !== undefined) {
    if (body.tools === undefined) {
      warn(warnings, "google", "parallelToolCalls", "dropped: the request has no tools");
    } else if (!request.parallelToolCalls) {
      warn(warnings, "google", "parallelToolCalls", "dropped: Gemini cannot limit calls per turn");
    }
  }
  if (request.userId !== undefined) {
    warn(warnings, "google", "userId", "dropped: Gemini has no end-user field");
  }
  if (request.structuredOutput !== undefined) {
    if (body.tools !== undefined && row.toolMixing === false) {
      refuse(
        "google",
        "structuredOutput",
        `cannot be sent beside tools: "${request.model}" takes a response schema or tools, not both`,
      );
    }
    const at = "structuredOutput.schema";
    const converted = toGeminiSchema(request.structuredOutput.schema, at);
    warnNotes(warnings, "google", at, converted.notes);
    config.responseMimeType = "application/json";
    config.responseSchema = converted.schema;
  }
  if (request.cache !== undefined) reportCache(request, warnings);
}

function writeBuiltInTools(
  body: JsonObject,
  request: ChatRequest,
  row: GoogleModel,
  warnings: Warning[] | undefined,
): void {
  const tools = request.providerTools!;
  if (body.tools !== undefined && row.toolMixing === false) {
    refuse(
      "google",
      "providerTools",
      `cannot be sent beside tools: "${request.model}" takes built-in tools or function declarations, not both`,
    );
  }
  const wire: JsonObject[] = new Array(tools.length);
  for (let t = 0; t < tools.length; t++) {
    const tool = tools[t];
    const name = BUILT_IN[tool.type];
    for (const key of UNSENT) {
      if ((tool as unknown as Record<string, unknown>)[key] !== undefined) {
        warn(
          warnings,
          "google",
          `providerTools[${t}].${key}`,
          `dropped: ${name} has no such field`,
        );
      }
    }
    wire[t] = { [name]: {} };
  }
  body.tools = body.tools === undefined ? wire : [...(body.tools as JsonObject[]), ...wire];
}

function reportCache(request: ChatRequest, warnings: Warning[] | undefined): void {
  const { breakpoints, ttl, key } = request.cache!;
  if (breakpoints !== undefined && breakpoints.length > 0) {
    warn(
      warnings,
      "google",
      "cache.breakpoints",
      "dropped: Gemini caches prompt prefixes implicitly (name an explicit cache with providerOptions.google.cachedContent)",
    );
  }
  if (ttl !== undefined) {
    warn(
      warnings,
      "google",
      "cache.ttl",
      "dropped: a Gemini cache's lifetime is set when it is made",
    );
  }
  if (key !== undefined) warn(warnings, "google", "cache.key", "dropped: Gemini has no cache key");
}

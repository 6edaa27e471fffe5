/**
 * Canonical request → Gemini `generateContent` body, in one pass and one `JSON.stringify`.
 *
 * @see https://ai.google.dev/api/generate-content#request-body
 * @module
 */

import type { StringLookup } from "../../codec/string_map.ts";
import { blockPath } from "../../codec/paths.ts";
import type { SerializeOptions } from "../../common/provider.ts";
import { mergeProviderOptions } from "../../codec/provider_options.ts";
import { acceptsOpaque, ownCitations, ownProviderBlock, warn } from "../../codec/replay.ts";
import type {
  AssistantBlock,
  AssistantMessage,
  ChatRequest,
  ImageBlock,
  TextBlock,
  ToolChoice,
  ToolMessage,
  Warning,
} from "../../common/types.ts";
import type { JsonObject } from "../../common/json_object.ts";
import { validateRequest } from "../../codec/validate.ts";
import { refuse } from "../../common/refuse.ts";
import { FEATURES, requestFields } from "../../codec/fields.ts";
import { googleDocument } from "./documents.ts";
import { GOOGLE_LIMITS, googleModel } from "./models.ts";
import { writeGoogleOptions } from "./options.ts";
import { convertedGeminiSchema, toGeminiSchema } from "./schema.ts";
import { warnNotes } from "../../codec/schema_notes.ts";
import { googleThinkingConfig } from "./thinking.ts";

type Part = Record<string, unknown>;

/** Gemini takes up to 5 stop sequences (`GenerationConfig.stopSequences`). */
const MAX_STOP_SEQUENCES = 5;
/** Google's documented stand-in for a signature the model never made. */
const PLACEHOLDER_SIGNATURE = "skip_thought_signature_validator";
interface Content {
  role: "user" | "model";
  parts: Part[];
}

/**
 * Serializes a request for Gemini `generateContent` / `streamGenerateContent` (the body is the
 * same; streaming is chosen by URL).
 *
 * @param request The canonical request.
 * @param options A `warnings` list for lossy conversions.
 * @returns The JSON body.
 * @throws {ValidationError} When the request is malformed or asks what Gemini cannot do.
 *
 * @example
 * ```ts
 * import { google } from "@rosetta/llm";
 * import assert from "node:assert/strict";
 * const body = google.serializeRequest({ model: "gemini-2.5-flash", system: "Be brief", messages: [{ role: "user", content: "Hi" }] });
 * assert.equal(body, '{"contents":[{"role":"user","parts":[{"text":"Hi"}]}],"systemInstruction":{"parts":[{"text":"Be brief"}]}}');
 * ```
 */
export function serializeGoogleRequest(
  request: ChatRequest,
  options: SerializeOptions = {},
): string {
  const fields = requestFields(request);
  const features = (fields & FEATURES) !== 0;
  const callNames = validateRequest(request, "google", fields, GOOGLE_LIMITS);
  const warnings = options.warnings;
  const row = googleModel(request.model);
  const contents = convertMessages(request, callNames, row.signatures, warnings);
  const body: Record<string, unknown> = { contents };
  if (request.system !== undefined) body.systemInstruction = { parts: [{ text: request.system }] };
  const tools = request.tools;
  if (tools !== undefined && tools.length > 0) {
    const declarations = new Array(tools.length);
    for (let t = 0; t < tools.length; t++) {
      const tool = tools[t];
      // The path is built only to convert a schema met for the first time or to report notes.
      const converted = convertedGeminiSchema(tool.parameters) ??
        toGeminiSchema(tool.parameters, `tools[${t}].parameters`);
      if (converted.notes.length > 0) {
        warnNotes(warnings, "google", `tools[${t}].parameters`, converted.notes);
      }
      declarations[t] = tool.description === undefined
        ? { name: tool.name, parameters: converted.schema }
        : { name: tool.name, description: tool.description, parameters: converted.schema };
    }
    body.tools = [{ functionDeclarations: declarations }];
  }
  if (request.toolChoice !== undefined) {
    body.toolConfig = { functionCallingConfig: toolChoice(request.toolChoice) };
  }
  const config: JsonObject = {};
  if (request.maxOutputTokens !== undefined) config.maxOutputTokens = request.maxOutputTokens;
  if (request.temperature !== undefined) config.temperature = request.temperature;
  const stop = request.stopSequences;
  if (stop !== undefined) {
    if (stop.length > MAX_STOP_SEQUENCES) {
      refuse(
        "google",
        "stopSequences",
        `takes at most ${MAX_STOP_SEQUENCES} sequences, got ${stop.length}`,
      );
    }
    config.stopSequences = stop;
  }
  const thinkingConfig = googleThinkingConfig(request, row, warnings);
  if (thinkingConfig !== undefined) config.thinkingConfig = thinkingConfig;
  if (features) writeGoogleOptions(body, config, request, row, warnings);
  if (hasFields(config)) body.generationConfig = config;
  const own = features ? request.providerOptions?.google : undefined;
  if (own !== undefined) {
    if (own.cachedContent !== undefined) checkCachedContent(request);
    mergeProviderOptions(body, own, "google");
  }
  return JSON.stringify(body);
}

// Without Object.keys, which makes an array on every request.
function hasFields(object: JsonObject): boolean {
  for (const _ in object) return true;
  return false;
}

// The cache holds the system instruction and tools; Gemini refuses them beside it (400 "Tool
// config, tools and system instruction should not be set in the request when using cached
// content"): https://ai.google.dev/gemini-api/docs/caching
function checkCachedContent(request: ChatRequest): void {
  for (const field of ["system", "tools", "toolChoice", "providerTools"] as const) {
    if (request[field] !== undefined) {
      refuse(
        "google",
        "providerOptions.google.cachedContent",
        `cannot be sent beside ${field}: the cache holds the system instruction and tools`,
      );
    }
  }
}

function toolChoice(choice: ToolChoice): JsonObject {
  if (typeof choice === "object") return { mode: "ANY", allowedFunctionNames: [choice.name] };
  return { mode: choice === "required" ? "ANY" : choice === "none" ? "NONE" : "AUTO" };
}

function convertMessages(
  request: ChatRequest,
  callNames: StringLookup,
  signatures: boolean,
  warnings: Warning[] | undefined,
): Content[] {
  const out: Content[] = [];
  const messages = request.messages;
  for (let m = 0; m < messages.length; m++) {
    const message = messages[m];
    let role: "user" | "model" = "user";
    let parts: Part[];
    if (message.role === "user") {
      parts = typeof message.content === "string"
        ? [{ text: message.content }]
        : message.content.map((block, b) =>
          block.type === "document"
            ? googleDocument(block, blockPath(m, b), warnings)
            : userPart(block, m, b)
        );
    } else if (message.role === "assistant") {
      role = "model";
      parts = modelParts(message, m, signatures, warnings);
      if (parts.length === 0) continue;
    } else {
      parts = functionResponses(message, m, callNames);
    }
    // Guarded: reading out[-1] of an empty array is a slow named-property lookup.
    const previous = out.length === 0 ? undefined : out[out.length - 1];
    // Gemini wants user and model turns to alternate: same-role neighbours become one turn.
    if (previous !== undefined && previous.role === role) {
      for (const part of parts) previous.parts.push(part);
    } else {
      out.push({ role, parts });
    }
  }
  return out;
}

// `m` and `b` make the path only when an error needs it.
function userPart(block: TextBlock | ImageBlock, m: number, b: number): Part {
  if (block.type === "text") return { text: block.text };
  if (!("url" in block)) return { inlineData: { mimeType: block.mediaType, data: block.data } };
  if (block.mediaType === undefined) {
    refuse("google", `${blockPath(m, b)}.mediaType`, "is required for an image URL");
  }
  return { fileData: { mimeType: block.mediaType, fileUri: block.url } };
}

function modelParts(
  message: AssistantMessage,
  m: number,
  signatures: boolean,
  warnings: Warning[] | undefined,
): Part[] {
  if (typeof message.content === "string") return [{ text: message.content }];
  const ours = acceptsOpaque(message, "google");
  const parts: Part[] = [];
  // The first call of a step carries the step's signature; parallel calls after it carry none.
  let firstCall: Part | undefined;
  let callAt = 0;
  const blocks = message.content;
  for (let b = 0; b < blocks.length; b++) {
    // Paths are built only where a warning or an error needs one: this runs for every block.
    const part = modelPart(blocks[b], ours, message.provider, m, b, warnings);
    if (part === undefined) continue;
    parts.push(part);
    if (signatures && firstCall === undefined && part.functionCall !== undefined) {
      firstCall = part;
      callAt = b;
    }
  }
  if (firstCall !== undefined && firstCall.thoughtSignature === undefined) {
    // Gemini 3 refuses a replayed call without a signature; Google documents this placeholder
    // for calls another model made: https://ai.google.dev/gemini-api/docs/thought-signatures#faqs
    firstCall.thoughtSignature = PLACEHOLDER_SIGNATURE;
    warn(
      warnings,
      "google",
      `${blockPath(m, callAt)}.signature`,
      "placeholder thought signature sent: Gemini 3 requires one on a replayed call",
    );
  }
  return parts;
}

function modelPart(
  block: AssistantBlock,
  ours: boolean,
  from: string | undefined,
  m: number,
  b: number,
  warnings: Warning[] | undefined,
): Part | undefined {
  let part: Part;
  if (block.type === "text") {
    part = { text: block.text };
    // Gemini takes no citations back; another provider's are reported.
    if (block.citations !== undefined) {
      ownCitations(block, "google", warnings, blockPath(m, b));
    }
  } else if (block.type === "tool_call") {
    part = { functionCall: { name: block.name, args: block.arguments } };
  } else if (block.type === "thinking" && ours) {
    part = { text: block.text, thought: true };
  } else if (block.type === "image") {
    part = userPart(block, m, b);
  } else if (block.type === "provider") {
    return ownProviderBlock(block, "google", warnings, blockPath(m, b));
  } else {
    warn(
      warnings,
      "google",
      blockPath(m, b),
      block.type === "thinking"
        ? `thinking block from ${from} dropped: Gemini takes back only its own thoughts`
        : "redacted_thinking block dropped: Gemini has no redacted thinking",
    );
    return undefined;
  }
  if ("signature" in block && block.signature !== undefined) {
    if (ours) part.thoughtSignature = block.signature;
    else {
      warn(warnings, "google", `${blockPath(m, b)}.signature`, `signature from ${from} dropped`);
    }
  }
  return part;
}

function functionResponses(
  message: ToolMessage,
  m: number,
  callNames: StringLookup,
): Part[] {
  const results = message.content;
  const parts: Part[] = new Array(results.length);
  for (let r = 0; r < results.length; r++) {
    const result = results[r];
    let text: string;
    if (typeof result.content === "string") {
      text = result.content;
    } else {
      const texts: string[] = [];
      for (let p = 0; p < result.content.length; p++) {
        const part = result.content[p];
        if (part.type !== "text") {
          refuse("google", blockPath(m, r, p), "is an image; function responses take text only");
        }
        texts.push(part.text);
      }
      text = texts.join("\n");
    }
    // Gemini's documented keys: "output" for a result, "error" for a failure.
    parts[r] = {
      functionResponse: {
        name: result.toolName ?? callNames.get(result.toolCallId),
        response: result.isError ? { error: text } : { output: text },
      },
    };
  }
  return parts;
}

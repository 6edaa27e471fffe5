/**
 * The one reader of Gemini `GenerateContentResponse`s. A stream is a series of them and a body
 * is one, so both go through {@link onChunk} over a {@link ResponseAccumulator}. A `finishReason`
 * ends a candidate (and, for the first, the stream); candidates after the first become
 * alternatives. Candidate-level `citationMetadata` and grounding chunks become citations on the
 * candidate's last text block, and stay raw in `providerMetadata` beside the safety ratings.
 *
 * @see https://ai.google.dev/api/generate-content#generatecontentresponse
 * @module
 */

import { citationOf } from "../../codec/citation.ts";
import { invalidField, isJsonObject, optionalArray, optionalObject } from "../../codec/json.ts";
import { googleStreamError } from "./errors.ts";
import { mapGoogleFinishReason, mapGoogleUsage } from "./mappers.ts";
import { CandidateRead, onPart } from "./parts.ts";
import type { ResponseParseError } from "../../common/errors.ts";
import type { JsonObject } from "../../common/json_object.ts";

// Fields of a response that the canonical response maps; every other non-null one is kept,
// raw, for providerMetadata. A switch per kind of object: a kept field is compared with every
// case.
function isResponseField(key: string): boolean {
  switch (key) {
    case "candidates":
    case "usageMetadata":
    case "modelVersion":
    case "responseId":
      return true;
  }
  return false;
}

// Keeps a candidate's fields that the canonical response does not map: the usual ones by name
// (a named store is inlined; acc.metadata()'s keyed store is megamorphic, ~190 instructions a
// field), any other by acc.metadata(). Sources are noted, to be cited at the finish.
function keepCandidateExtras(read: CandidateRead, candidate: JsonObject): void {
  const acc = read.acc;
  for (const key in candidate) {
    switch (key) {
      case "content":
      case "finishReason":
      case "index":
        continue;
      case "safetyRatings": {
        const ratings = candidate.safetyRatings;
        if (ratings !== null && ratings !== undefined) acc.extras().safetyRatings = ratings;
        continue;
      }
      case "citationMetadata":
      case "groundingMetadata":
        read.sourced = true;
    }
    acc.metadata(key, candidate[key]);
  }
}

function candidateAt(reader: CandidateRead, index: number): CandidateRead {
  if (index === 0) return reader;
  const others = reader.others ??= new Map();
  let read = others.get(index);
  if (read === undefined) {
    read = new CandidateRead(reader.acc.choice(index), reader.generateId);
    others.set(index, read);
  }
  return read;
}

/**
 * Reads one `GenerateContentResponse`: a stream chunk, or a whole body.
 *
 * @param reader The read.
 * @param json The parsed response.
 */
export function onChunk(reader: CandidateRead, json: JsonObject): void {
  const acc = reader.acc;
  if (json.error !== undefined && json.error !== null) return acc.fail(googleStreamError(json));
  if (!acc.started) {
    acc.start(
      typeof json.responseId === "string" ? json.responseId : undefined,
      typeof json.modelVersion === "string" ? json.modelVersion : "",
    );
  }
  for (const key in json) if (!isResponseField(key)) acc.metadata(key, json[key]);
  reader.usage = optionalObject("google", json.usageMetadata, "usageMetadata") ?? reader.usage;
  const candidates = optionalArray("google", json.candidates, "candidates");
  if (candidates !== undefined) {
    for (let i = 0; i < candidates.length; i++) onCandidate(reader, candidates[i], i);
  } else if (isJsonObject(json.promptFeedback) && json.promptFeedback.blockReason != null) {
    // The prompt was blocked before any candidate was generated.
    finishCandidate(reader, reader, json.promptFeedback.blockReason, true);
  }
}

function onCandidate(reader: CandidateRead, value: unknown, position: number): void {
  if (value === undefined || value === null) return;
  if (!isJsonObject(value)) throw badCandidate(value, position, "", "an object");
  const candidate = value;
  const read = candidateAt(
    reader,
    typeof candidate.index === "number" ? candidate.index : position,
  );
  keepCandidateExtras(read, candidate);
  // A candidate stopped for safety may come without content.
  const content = candidate.content;
  const parts = isJsonObject(content) ? content.parts : undefined;
  if (Array.isArray(parts)) {
    read.position = position;
    for (let i = 0; i < parts.length; i++) onPart(read, parts[i], i);
  } else if (content !== undefined && content !== null && !isJsonObject(content)) {
    throw badCandidate(content, position, ".content", "an object");
  } else if (parts !== undefined && parts !== null) {
    throw badCandidate(parts, position, ".content.parts", "an array");
  }
  const reason = candidate.finishReason;
  if (reason !== undefined && reason !== null) finishCandidate(reader, read, reason, false);
}

// Built apart from onCandidate so that it stays small enough for V8 to inline.
function badCandidate(
  value: unknown,
  position: number,
  rest: string,
  expected: string,
): ResponseParseError {
  return invalidField("google", `candidates[${position}]${rest}`, expected, value);
}

function finishCandidate(
  reader: CandidateRead,
  read: CandidateRead,
  reason: unknown,
  blocked: boolean,
): void {
  const acc = read.acc;
  if (read.sourced) citeSources(read);
  const first = read === reader;
  if (first && reader.usage !== undefined) {
    acc.usage(mapGoogleUsage(reader.usage), reader.usage);
  }
  acc.finish(blocked ? "content_filter" : mapGoogleFinishReason(reason, acc.hasToolCalls), reason);
  if (first) acc.terminate();
}

// Candidate-level sources (last value in a stream) cite the candidate's last answer text.
function citeSources(read: CandidateRead): void {
  const key = read.lastText;
  if (key === undefined) return;
  const acc = read.acc;
  const metadata = acc.metadataOf("citationMetadata");
  if (isJsonObject(metadata)) {
    // The Gemini API says citationSources; Vertex AI says citations.
    const sources = metadata.citationSources ?? metadata.citations;
    if (Array.isArray(sources)) {
      for (const source of sources) {
        if (isJsonObject(source)) {
          acc.citation(key, citationOf("google", source, source.uri, source.title, undefined));
        }
      }
    }
  }
  const grounding = acc.metadataOf("groundingMetadata");
  const chunks = isJsonObject(grounding) ? grounding.groundingChunks : undefined;
  if (!Array.isArray(chunks)) return;
  for (const chunk of chunks) {
    if (!isJsonObject(chunk)) continue;
    // One source per chunk, under a key naming its kind (web, retrievedContext, maps, …).
    let source: JsonObject = chunk;
    for (const kind in chunk) if (isJsonObject(chunk[kind])) source = chunk[kind] as JsonObject;
    acc.citation(key, citationOf("google", chunk, source.uri, source.title, source.text));
  }
}

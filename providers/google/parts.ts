/**
 * One Gemini part → the accumulator, for bodies and streams alike. Consecutive text (or
 * thought) parts extend one block, as a stream delivers one text in many chunks; a
 * `thoughtSignature` attaches to its part's block, or to the run it closes when it arrives on
 * an empty part, and a run ends at a signature. A `functionCall` is a whole tool call, an image
 * `inlineData` an image block; any other part kind (`executableCode`, `codeExecutionResult`,
 * and kinds added later) is kept whole as a provider block.
 *
 * @see https://ai.google.dev/api/caching#Part
 * @module
 */

import type { ResponseAccumulator } from "../../common/accumulator.ts";
import type { IdGenerator } from "../../common/ids.ts";
import { invalidField, isJsonObject } from "../../common/json.ts";
import type { ResponseParseError } from "../../common/errors.ts";
import type { JsonObject } from "../../common/types.ts";

/**
 * A candidate being read: its accumulator and its current run of parts. The first candidate's
 * is also the whole read's state (`others`, `usage`): one object for a body, of one class (a
 * subclass for the read cost ~200 instructions a construction in V8).
 */
export class CandidateRead {
  /** Where the candidate's content goes. */
  declare readonly acc: ResponseAccumulator;
  /** Makes the call ids Gemini does not send. */
  declare readonly generateId: IdGenerator;
  /** Block key of the current run; every part that is not text or thought starts a new one. */
  declare run: number;
  /** What the current run holds. */
  declare runKind: "text" | "thinking" | "other";
  /** Key of the last run of answer text: where candidate-level citations attach. */
  declare lastText: number | undefined;
  /** Whether candidate-level sources (citation or grounding metadata) arrived. */
  declare sourced: boolean;
  /** The first candidate's only: further candidates by index. */
  declare others: Map<number, CandidateRead> | undefined;
  /** The first candidate's only: the latest `usageMetadata` (each chunk reports the total). */
  declare usage: JsonObject | undefined;

  /**
   * Fields set here, not as class fields, as in ResponseAccumulator (JSC runs a separate
   * initializer for class fields).
   *
   * @param acc Where the candidate's content goes.
   * @param generateId Makes function-call ids.
   */
  constructor(acc: ResponseAccumulator, generateId: IdGenerator) {
    this.acc = acc;
    this.generateId = generateId;
    this.run = 0;
    this.runKind = "other";
    this.lastText = undefined;
    this.sourced = false;
    this.others = undefined;
    this.usage = undefined;
  }
}

// Part fields that qualify a part rather than being its content.
const QUALIFIERS = new Set(["thought", "thoughtSignature", "partMetadata", "mediaResolution"]);

function runKey(read: CandidateRead, kind: CandidateRead["runKind"]): number {
  if (kind !== read.runKind || kind === "other") {
    read.run++;
    read.runKind = kind;
  }
  return read.run;
}

// Where a part is, for errors; built only when an error needs it.
function partPath(candidate: number, i: number): string {
  return `candidates[${candidate}].content.parts[${i}]`;
}

/**
 * Reads one part of a candidate's content.
 *
 * @param read The candidate being read.
 * @param value The wire part.
 * @param candidate The candidate's position, for errors.
 * @param i The part's position, for errors.
 */
export function onPart(
  read: CandidateRead,
  value: unknown,
  candidate: number,
  i: number,
): void {
  if (!isJsonObject(value)) throw notObject(value, partPath(candidate, i));
  const part = value;
  const signature = signatureOf(part, candidate, i);
  const call = part.functionCall;
  if (call !== undefined && call !== null) {
    return onFunctionCall(read, call, signature, candidate, i);
  }
  const text = part.text;
  if (typeof text === "string" && text !== "") return onText(read, part, text, signature);
  onOtherPart(read, part, text, signature, candidate, i);
}

// The usual part: text or a thought. Kept apart from the rarer kinds so that each function
// stays small enough for V8 to inline.
function onText(
  read: CandidateRead,
  part: JsonObject,
  text: string,
  signature: string | undefined,
): void {
  const acc = read.acc;
  if (part.thought === true) acc.thinking(runKey(read, "thinking"), text);
  else {
    const key = runKey(read, "text");
    acc.text(key, text);
    read.lastText = key;
  }
  if (signature !== undefined) closeRun(read, signature);
}

// An image, a kind of part rosetta has no block for, or an empty part with only a signature.
function onOtherPart(
  read: CandidateRead,
  part: JsonObject,
  text: unknown,
  signature: string | undefined,
  candidate: number,
  i: number,
): void {
  if (text !== undefined && text !== null && typeof text !== "string") {
    throw invalidField("google", `${partPath(candidate, i)}.text`, "a string", text);
  }
  const acc = read.acc;
  const image = imageOf(part);
  if (image !== undefined) {
    const block = { type: "image" as const, mediaType: image.mimeType, data: image.data };
    return acc.image(
      runKey(read, "other"),
      signature === undefined ? block : { ...block, signature },
    );
  }
  const kind = kindOf(part);
  if (kind !== undefined) {
    const key = runKey(read, "other");
    acc.providerBlock(key, kind, part);
    return acc.end(key);
  }
  // An empty part: only a signature, for the run it closes (or standing alone).
  if (signature !== undefined) closeRun(read, signature);
}

function notObject(value: unknown, path: string): ResponseParseError {
  return invalidField("google", path, "an object", value);
}

function onFunctionCall(
  read: CandidateRead,
  call: unknown,
  signature: string | undefined,
  candidate: number,
  i: number,
): void {
  if (!isJsonObject(call)) {
    throw invalidField("google", `${partPath(candidate, i)}.functionCall`, "an object", call);
  }
  if (typeof call.name !== "string") {
    throw invalidField(
      "google",
      `${partPath(candidate, i)}.functionCall.name`,
      "a string",
      call.name,
    );
  }
  let args = call.args;
  if (args === undefined || args === null) args = {};
  else if (!isJsonObject(args)) {
    throw invalidField("google", `${partPath(candidate, i)}.functionCall.args`, "an object", args);
  }
  const id = typeof call.id === "string" && call.id !== "" ? call.id : read.generateId();
  read.acc.toolCall(runKey(read, "other"), id, call.name, args as JsonObject, signature);
}

// A signature ends its run: text after it starts a new block, so no signature is overwritten.
function closeRun(read: CandidateRead, signature: string): void {
  if (read.runKind === "other") read.acc.open(runKey(read, "text"), "text");
  read.acc.signature(read.run, signature);
  read.runKind = "other";
}

function signatureOf(part: JsonObject, candidate: number, i: number): string | undefined {
  const signature = part.thoughtSignature;
  return signature === undefined || typeof signature === "string"
    ? signature
    : noSignature(signature, candidate, i);
}

function noSignature(signature: unknown, candidate: number, i: number): undefined {
  if (signature === null) return undefined;
  throw invalidField("google", `${partPath(candidate, i)}.thoughtSignature`, "a string", signature);
}

function imageOf(part: JsonObject): { mimeType: string; data: string } | undefined {
  const blob = part.inlineData;
  if (!isJsonObject(blob) || part.thought === true) return undefined;
  const { mimeType, data } = blob;
  if (typeof mimeType !== "string" || !mimeType.startsWith("image/")) return undefined;
  return typeof data === "string" ? { mimeType, data } : undefined;
}

function kindOf(part: JsonObject): string | undefined {
  for (const key in part) {
    const value = part[key];
    if (!QUALIFIERS.has(key) && key !== "text" && value !== null && value !== undefined) {
      return key;
    }
  }
  return undefined;
}

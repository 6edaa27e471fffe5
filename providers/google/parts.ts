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

import type { ResponseAccumulator } from "../../codec/accumulator.ts";
import type { IdGenerator } from "../../common/ids.ts";
import { invalidField, isJsonObject } from "../../codec/json.ts";
import type { ResponseParseError } from "../../common/errors.ts";
import type { TextBlock, ThinkingBlock, ToolCallBlock } from "../../common/types.ts";
import type { JsonObject } from "../../common/json_object.ts";

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
  /** The candidate's position in the chunk being read, for error paths. */
  declare position: number;

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
    this.position = 0;
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
function partPath(read: CandidateRead, i: number): string {
  return `candidates[${read.position}].content.parts[${i}]`;
}

/**
 * Reads one part of a candidate's content. It and each function on a part's usual path stay
 * small enough for JSC (170 bytes of bytecode) and V8 to inline into the candidate's loop.
 *
 * @param read The candidate being read (its `position` set).
 * @param value The wire part.
 * @param i The part's position, for errors.
 */
export function onPart(read: CandidateRead, value: unknown, i: number): void {
  const part = partObject(read, value, i);
  const text = part.text;
  // `!= null` (absent or null): two comparisons took this over JSC's inlining size.
  if (part.functionCall != null) onFunctionCall(read, part, i);
  else if (typeof text === "string" && text !== "") onText(read, part, i);
  else onOtherPart(read, part, i);
}

function partObject(read: CandidateRead, value: unknown, i: number): JsonObject {
  if (isJsonObject(value)) return value;
  throw invalidField("google", partPath(read, i), "an object", value);
}

// The usual part: text or a thought.
function onText(read: CandidateRead, part: JsonObject, i: number): void {
  const signature = signatureOf(read, part, i);
  const text = part.text as string;
  if (part.thought === true) addText(read, "thinking", text);
  else {
    addText(read, "text", text);
    read.lastText = read.run;
  }
  if (signature !== undefined) closeRun(read, signature);
}

// Text or a thought extends the current run of its kind, or starts a block of its own.
function addText(read: CandidateRead, kind: "text" | "thinking", text: string): void {
  if (kind !== read.runKind) {
    read.runKind = kind;
    read.acc.add(++read.run, { type: kind, text } as TextBlock | ThinkingBlock);
  } else if (kind === "text") read.acc.text(read.run, text);
  else read.acc.thinking(read.run, text);
}

// An image, a kind of part rosetta has no block for, or an empty part with only a signature.
function onOtherPart(read: CandidateRead, part: JsonObject, i: number): void {
  const signature = signatureOf(read, part, i);
  const text = part.text;
  if (text !== undefined && text !== null && typeof text !== "string") {
    throw invalidField("google", `${partPath(read, i)}.text`, "a string", text);
  }
  const acc = read.acc;
  const image = imageOf(part);
  if (image !== undefined) {
    const block = { type: "image" as const, mediaType: image.mimeType, data: image.data };
    return acc.add(
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

// A whole tool call. Every check comes before the run moves on, so that a stream reading on
// past a rejected part keeps its text in one block.
function onFunctionCall(read: CandidateRead, part: JsonObject, i: number): void {
  const signature = signatureOf(read, part, i);
  const call = part.functionCall;
  const block = toolCall(read, call as JsonObject, checkedArguments(read, call, i), signature);
  read.acc.add(runKey(read, "other"), block);
}

function toolCall(
  read: CandidateRead,
  call: JsonObject,
  args: JsonObject,
  signature: string | undefined,
): ToolCallBlock {
  const id = callId(read, call.id);
  const name = call.name as string;
  return signature === undefined
    ? { type: "tool_call", id, name, arguments: args }
    : { type: "tool_call", id, name, arguments: args, signature };
}

// The arguments (absent or null: none) of a functionCall checked to be an object with a string
// name; the error when it is not.
function checkedArguments(read: CandidateRead, call: unknown, i: number): JsonObject {
  if (isJsonObject(call) && typeof call.name === "string") {
    const args = call.args ?? {};
    if (isJsonObject(args)) return args;
  }
  throw badCall(read, call, i);
}

// Gemini's id when it sends one, else a generated one.
function callId(read: CandidateRead, id: unknown): string {
  return typeof id === "string" && id !== "" ? id : read.generateId();
}

// The error for the first field of a functionCall that is not as documented.
function badCall(read: CandidateRead, call: unknown, i: number): ResponseParseError {
  const path = `${partPath(read, i)}.functionCall`;
  if (!isJsonObject(call)) return invalidField("google", path, "an object", call);
  if (typeof call.name !== "string") {
    return invalidField("google", `${path}.name`, "a string", call.name);
  }
  return invalidField("google", `${path}.args`, "an object", call.args);
}

// A signature ends its run: text after it starts a new block, so no signature is overwritten.
function closeRun(read: CandidateRead, signature: string): void {
  if (read.runKind === "other") read.acc.open(runKey(read, "text"), "text");
  read.acc.signature(read.run, signature);
  read.runKind = "other";
}

function signatureOf(read: CandidateRead, part: JsonObject, i: number): string | undefined {
  const signature = part.thoughtSignature;
  return signature === undefined || typeof signature === "string"
    ? signature
    : noSignature(read, signature, i);
}

function noSignature(read: CandidateRead, signature: unknown, i: number): undefined {
  if (signature === null) return undefined;
  throw invalidField("google", `${partPath(read, i)}.thoughtSignature`, "a string", signature);
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

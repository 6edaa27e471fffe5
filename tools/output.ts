/**
 * Structured output end to end: a zod schema in ({@link defineOutput}), the provider's form out
 * (each serializer), and the answer back as a typed value ({@link parseOutput}). Like tools, only
 * zod's types are imported: the schema brings its own `toJSONSchema` and `safeParse`.
 *
 * @module
 */

import type { z } from "zod";
import { type OutputIssue, StructuredOutputError, ValidationError } from "../common/errors.ts";
import { describeValue } from "../codec/describe.ts";
import type { StructuredOutput } from "../common/features.ts";
import type { ChatResponse } from "../common/types.ts";
import { objectJsonSchema } from "./schema.ts";

/** A structured output with the zod schema that reads the answer back. */
export interface Output<Value = unknown> extends StructuredOutput {
  /** Validates the answer and gives its type. */
  readonly output: z.ZodType<Value>;
}

/** Options of {@link defineOutput}. */
export interface DefineOutputOptions<Schema extends z.ZodType> {
  /** A name for the format: 1–64 letters, digits, `_` or `-`. */
  name: string;
  /** The answer's schema. */
  output: Schema;
  /**
   * OpenAI `strict` (see {@link StructuredOutput.strict}).
   * @default the provider's default
   */
  strict?: boolean;
}

/**
 * Defines a structured output from a zod schema; its JSON Schema is computed here, once.
 *
 * @param options Name, zod schema and `strict`.
 * @returns The output, for `ChatRequest.structuredOutput` and {@link parseOutput}.
 * @throws {ValidationError} Naming the output, when `output` is not a zod 4 object schema or
 * holds a type JSON Schema cannot express.
 *
 * @example Define an output from a zod schema
 * ```ts
 * import { defineOutput } from "@rosetta/llm";
 * import { z } from "zod";
 * import assert from "node:assert/strict";
 * const person = defineOutput({ name: "person", output: z.object({ name: z.string() }) });
 * assert.deepEqual(person.schema, {
 *   type: "object",
 *   properties: { name: { type: "string" } },
 *   required: ["name"],
 * });
 * ```
 */
export function defineOutput<Schema extends z.ZodType>(
  options: DefineOutputOptions<Schema>,
): Output<z.output<Schema>> {
  // `io: "input"` describes what the model must write: zod then parses it into the output type.
  const schema = objectJsonSchema("output", options?.name, "output", options?.output);
  const output: Output<z.output<Schema>> = {
    name: options.name,
    schema,
    ...(options.strict === undefined ? {} : { strict: options.strict }),
    output: options.output as z.ZodType<z.output<Schema>>,
  };
  return output;
}

/**
 * Reads a structured answer: the response's text (or, where the format was sent as a forced tool,
 * that tool call's arguments), parsed as JSON and validated by the output's schema. Works on a
 * parsed body and on a stream's final response alike.
 *
 * @param output The output the request asked for.
 * @param answer The response, or the answer's text.
 * @returns The typed value.
 * @throws {StructuredOutputError} `refusal`, `no_output`, `invalid_json`, or `schema_mismatch`
 * with `path` naming the first mismatch (`$.items[0].name`) and every one in `issues`.
 *
 * @example Read an answer, and name where it misses the schema
 * ```ts
 * import { defineOutput, parseOutput } from "@rosetta/llm";
 * import { z } from "zod";
 * import assert from "node:assert/strict";
 * const person = defineOutput({ name: "person", output: z.object({ age: z.number() }) });
 * assert.deepEqual(parseOutput(person, '{"age":41}'), { age: 41 });
 * assert.throws(() => parseOutput(person, '{"age":"41"}'), { path: "$.age" });
 * ```
 */
export function parseOutput<Value>(output: Output<Value>, answer: ChatResponse | string): Value {
  if (typeof output?.output?.safeParse !== "function") {
    throw new ValidationError(
      `Cannot read structured output: output must come from defineOutput, got ${
        describeValue(output)
      }`,
      { path: "output" },
    );
  }
  const what = `Cannot read structured output "${output.name}"`;
  let value: unknown;
  let raw: string;
  const provider = typeof answer === "string" ? undefined : answer.provider;
  const call = typeof answer === "string"
    ? undefined
    : answer.content.find((block) => block.type === "tool_call" && block.name === output.name);
  if (call !== undefined && call.type === "tool_call") {
    value = call.arguments;
    raw = JSON.stringify(value);
  } else {
    raw = typeof answer === "string" ? answer : answerText(answer, what);
    try {
      value = JSON.parse(raw);
    } catch (cause) {
      const cut = typeof answer !== "string" && answer.finishReason === "length"
        ? " (the answer was cut at the token limit)"
        : "";
      throw new StructuredOutputError(
        "invalid_json",
        `${what}: the answer is not JSON${cut}: ${(cause as Error).message}`,
        { provider, raw, cause },
      );
    }
  }
  const result = output.output.safeParse(value);
  if (result.success) return result.data;
  const issues: OutputIssue[] = result.error.issues.map((issue) => ({
    path: jsonPath(issue.path),
    message: issue.message,
  }));
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : "";
  throw new StructuredOutputError(
    "schema_mismatch",
    `${what}: ${issues[0].path}: ${issues[0].message}${more}`,
    { provider, path: issues[0].path, raw, issues, cause: result.error },
  );
}

function answerText(response: ChatResponse, what: string): string {
  let text = "";
  for (const block of response.content) if (block.type === "text") text += block.text;
  const provider = response.provider;
  if (response.finishReason === "content_filter") {
    throw new StructuredOutputError(
      "refusal",
      `${what}: the model refused${text === "" ? "" : `: ${text}`}`,
      { provider, raw: text },
    );
  }
  if (text === "") {
    throw new StructuredOutputError(
      "no_output",
      `${what}: the response has no text (finish reason ${response.finishReason})`,
      { provider },
    );
  }
  return text;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** `["items", 0, "name"]` → `$.items[0].name`. */
function jsonPath(path: readonly PropertyKey[]): string {
  let out = "$";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else if (typeof key === "string" && IDENTIFIER.test(key)) out += `.${key}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

/**
 * Structured output for Anthropic: `output_config.format` on the models that take it, else a
 * forced tool named like the output, whose arguments {@link parseOutput} reads back.
 *
 * @see https://platform.claude.com/docs/en/build-with-claude/structured-outputs
 * @module
 */

import { warnNotes } from "../../codec/schema_notes.ts";
import type { ChatRequest, Warning } from "../../common/types.ts";
import type { JsonObject } from "../../common/json_object.ts";
import type { StructuredOutput } from "../../common/features.ts";
import { refuse } from "../../common/refuse.ts";
import type { AnthropicModel } from "./models.ts";
import { toAnthropicSchema } from "./schema.ts";

/**
 * Writes the structured output into the body: `output_config.format`, or a tool and a
 * `tool_choice` forcing it.
 *
 * @param body The wire body, with its tools and thinking already set.
 * @param request The request.
 * @param row The model's capabilities.
 * @param thinks Whether the model will think (a forced tool is then refused).
 * @param warnings Receives schema constraints Anthropic cannot enforce.
 * @throws {ValidationError} Naming `structuredOutput` when only a forced tool could carry it and
 * the request also sets tools, a tool choice or thinking.
 */
export function writeAnthropicOutput(
  body: JsonObject,
  request: ChatRequest,
  row: AnthropicModel,
  thinks: boolean,
  warnings: Warning[] | undefined,
): void {
  const output = request.structuredOutput as StructuredOutput;
  if (row.outputFormat !== false) {
    const at = "structuredOutput.schema";
    const converted = toAnthropicSchema(output.schema, at);
    warnNotes(warnings, "anthropic", at, converted.notes);
    const format = { type: "json_schema", schema: converted.schema };
    const config = body.output_config as JsonObject | undefined;
    body.output_config = config === undefined ? { format } : { ...config, format };
    return;
  }
  // Without output_config.format, a forced tool carries the schema; forcing excludes other
  // tools, another tool choice and thinking, so those requests have no way to be sent.
  const why = `"${request.model}" has no output_config.format, and a forced tool cannot carry it`;
  if (request.tools !== undefined && request.tools.length > 0) {
    refuse("anthropic", "structuredOutput", `cannot be sent beside tools: ${why}`);
  }
  if (request.providerTools !== undefined && request.providerTools.length > 0) {
    refuse("anthropic", "structuredOutput", `cannot be sent beside providerTools: ${why}`);
  }
  if (request.toolChoice !== undefined) {
    refuse("anthropic", "structuredOutput", `cannot be sent beside toolChoice: ${why}`);
  }
  if (thinks) refuse("anthropic", "structuredOutput", `cannot be sent with thinking on: ${why}`);
  body.tools = [{ name: output.name, input_schema: output.schema }];
  body.tool_choice = { type: "tool", name: output.name };
}

/**
 * Converse body → canonical response, read by the same handlers as the stream: each block of
 * `output.message.content` arriving whole, then the stop reason and the usage.
 *
 * @see https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_Converse.html#API_runtime_Converse_ResponseSyntax
 * @module
 */

import { ResponseAccumulator } from "../../codec/accumulator.ts";
import { invalidField, isJsonObject, optionalObject, parseJson } from "../../codec/json.ts";
import type { ParseOptions } from "../../common/provider.ts";
import type { ChatResponse } from "../../common/types.ts";
import { bedrockStreamError } from "./errors.ts";
import { keepExtras, onBodyBlock, onStopReason, onUsage } from "./reader.ts";

/**
 * Parses a Converse response body. Converse names neither the response nor the model: the
 * response has no `id`, and its `model` is `options.model` (a client passes the request's).
 *
 * @param body The JSON text.
 * @param options The model asked for.
 * @returns The canonical response.
 * @throws {ResponseParseError} When the body is not the documented format.
 * @throws {ProviderError} When the body is an exception (`{"__type": …, "message": …}`).
 *
 * @example
 * ```ts
 * import { bedrock } from "@rosetta/llm/bedrock";
 * import assert from "node:assert/strict";
 * const response = bedrock.parseResponse(JSON.stringify({
 *   output: { message: { role: "assistant", content: [{ text: "Hello" }] } },
 *   stopReason: "end_turn",
 *   usage: { inputTokens: 5, outputTokens: 2, totalTokens: 7 },
 *   metrics: { latencyMs: 310 },
 * }), { model: "amazon.nova-lite-v1:0" });
 * assert.equal(response.finishReason, "stop");
 * assert.deepEqual(response.content, [{ type: "text", text: "Hello" }]);
 * assert.deepEqual(response.providerMetadata?.metrics, { latencyMs: 310 });
 * ```
 */
export function parseBedrockResponse(body: string, options?: ParseOptions): ChatResponse {
  const data = parseJson("bedrock", body, "response body");
  if (!isJsonObject(data)) throw invalidField("bedrock", "(body)", "an object", data);
  if (data.output === undefined && typeof data.message === "string") {
    throw bedrockStreamError(typeof data.__type === "string" ? data.__type : undefined, data);
  }
  const output = optionalObject("bedrock", data.output, "output");
  const message = optionalObject("bedrock", output?.message, "output.message");
  const content = message?.content;
  if (!Array.isArray(content)) {
    throw invalidField("bedrock", "output.message.content", "an array", content);
  }
  const acc = new ResponseAccumulator("bedrock");
  acc.start(undefined, options?.model ?? "");
  keepExtras(acc, data);
  for (let i = 0; i < content.length; i++) onBodyBlock(acc, i, content[i]);
  onStopReason(acc, data.stopReason);
  onUsage(acc, data.usage);
  acc.endAll();
  acc.terminate();
  return acc.finalize("the end of the body");
}

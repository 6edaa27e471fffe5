/**
 * Test support for code that calls providers: a hono mock server that speaks the Anthropic,
 * OpenAI (Chat Completions and Responses), Gemini and Bedrock Converse chat APIs at their real
 * paths, answers from scripted replies in each provider's wire format, injects faults, and
 * records what it receives.
 * Run it in-process (`mock.fetch`) or on a loopback port (`await mock.listen()`).
 *
 * @example Stream from the mock server over loopback HTTP
 * ```ts
 * import { createClient, openai } from "@rosetta/llm";
 * import { createMockServer, reply, text } from "@rosetta/llm/testing";
 * import assert from "node:assert/strict";
 * const mock = createMockServer({ script: reply(text("Hello there")) });
 * const server = await mock.listen();
 * try {
 *   const client = createClient({ provider: openai, apiKey: "sk-test", baseUrl: server.baseUrl("openai") });
 *   const stream = client.stream({ model: "gpt-4o", messages: [{ role: "user", content: "Hi" }] });
 *   let said = "";
 *   for await (const event of stream) if (event.type === "text_delta") said += event.text;
 *   assert.equal(said, "Hello there");
 *   assert.equal(mock.requests[0].path, "/v1/chat/completions");
 * } finally {
 *   await server.close();
 * }
 * ```
 *
 * @module
 */

export { createMockServer } from "./server.ts";
export {
  awsEventFrame,
  converseEventHeaders,
  converseExceptionHeaders,
  joinFrames,
} from "./aws_frames.ts";
export { awsEventStreamFormat, sseFormat, streamFormatOf } from "./stream_format.ts";
export type { FixtureEvent, StreamFormat } from "./stream_format.ts";
export type { ListeningMockServer, MockFetch, MockServer, MockServerOptions } from "./server.ts";
export { failure, reply, text, thinking, toolCall, usage } from "./script.ts";
export type {
  MockBlock,
  MockFaults,
  MockHostName,
  MockReply,
  MockScript,
  MockUsage,
  RecordedRequest,
} from "./script.ts";

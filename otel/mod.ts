/**
 * `@rosetta/llm/otel`: OpenTelemetry tracing for rosetta's clients. The only entry that loads
 * `@opentelemetry/api` (an optional peer dependency): importing the root or a provider entry
 * never does.
 *
 * @example Trace every call of a client
 * ```ts
 * import { anthropic, createClient } from "@rosetta/llm";
 * import { createTracingHook } from "@rosetta/llm/otel";
 * import assert from "node:assert/strict";
 * const client = createClient({
 *   provider: anthropic,
 *   apiKey: "sk-test",
 *   onEvent: createTracingHook({ captureContent: false }),
 * });
 * assert.equal(client.provider.name, "anthropic");
 * ```
 *
 * @module
 */

export { createTracingHook } from "./tracing.ts";
export type { TracingOptions } from "./tracing.ts";

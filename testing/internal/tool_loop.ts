/**
 * The shared scenario of the tool-loop tests and benchmarks: a weather request and two zod
 * tools with deterministic results, sent to each provider's chat model.
 *
 * @module
 */

import { z } from "zod";
import { defineTool, type Tool } from "../../tools/tool.ts";
import type { ChatRequest } from "../../common/types.ts";
import { type ProviderName, providers } from "../../providers/mod.ts";

/** `get_weather`: 18° in Paris, 22° elsewhere. */
export const weatherTool: Tool<{ location: string; unit: "celsius" | "fahrenheit" }, unknown> =
  defineTool({
    name: "get_weather",
    description: "Current weather for a location.",
    input: z.object({
      location: z.string(),
      unit: z.enum(["celsius", "fahrenheit"]).default("celsius"),
    }),
    execute: ({ location, unit }) => ({
      location,
      unit,
      temperature: location.startsWith("Paris") ? 18 : 22,
    }),
  });

/** `get_time`: a fixed instant. */
export const timeTool: Tool<{ timezone: string }, string> = defineTool({
  name: "get_time",
  description: "Current time in an IANA time zone.",
  input: z.object({ timezone: z.string().default("UTC") }),
  execute: ({ timezone }) => `2026-11-26T12:00:00Z (${timezone})`,
});

/**
 * The first request of the loop.
 *
 * @param provider Picks the model: its profile's chat model.
 * @returns The request.
 */
export function loopRequest(provider: ProviderName): ChatRequest {
  return {
    model: providers[provider].profile.models.chat,
    system: "You are a weather assistant.",
    messages: [{
      role: "user",
      content: "What's the weather in San Francisco and Paris, and the time?",
    }],
    tools: [weatherTool, timeTool],
  };
}

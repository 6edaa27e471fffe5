// Message conversion, block by block. Assistant blocks travel wire → canonical (responses);
// user text and tool results travel canonical → wire (requests).
import type { ChatRequest } from "../mod.ts";
import { suite } from "./bench.ts";
import { benchFixture, benchModel, parseFloor, providersOf, stringifyFloor } from "./inputs.ts";

const toCanonical: Record<string, string> = {
  "assistant text → canonical": "response_simple.json",
  "tool call → canonical": "convert_tool_call.json",
  "thinking block → canonical": "convert_thinking.json",
};

const call = {
  type: "tool_call",
  id: "call_1",
  name: "get_weather",
  arguments: { location: "Paris, France", unit: "celsius" },
} as const;
const toWire: Record<string, Omit<ChatRequest, "model">> = {
  "user text → wire": { messages: [{ role: "user", content: "What's the weather in Paris?" }] },
  "tool result → wire": {
    messages: [
      { role: "user", content: "Weather in Paris?" },
      { role: "assistant", content: [call] },
      {
        role: "tool",
        content: [{
          type: "tool_result",
          toolCallId: "call_1",
          content: '{"temperature":18,"unit":"celsius"}',
        }],
      },
    ],
  },
  "canonical turn → wire": {
    messages: [
      { role: "user", content: "Weather in Paris?" },
      {
        role: "assistant",
        content: [{ type: "thinking", text: "Use the tool.", signature: "sig" }, {
          type: "text",
          text: "Checking.",
        }, call],
      },
      {
        role: "tool",
        content: [{ type: "tool_result", toolCallId: "call_1", content: "18°C", isError: false }],
      },
    ],
  },
};

export default await suite((lib, bench) => {
  for (const [scenario, file] of Object.entries(toCanonical)) {
    for (const provider of providersOf(lib)) {
      const text = benchFixture(provider.name, file);
      bench({
        group: `convert: ${scenario}`,
        name: provider.name,
        category: "conversion",
        fn: () => provider.parseResponse(text),
        floor: parseFloor(text),
        floorName: "JSON.parse of the body",
      });
    }
  }
  for (const [scenario, partial] of Object.entries(toWire)) {
    for (const provider of providersOf(lib)) {
      const req: ChatRequest = { ...partial, model: benchModel(provider.name) };
      bench({
        group: `convert: ${scenario}`,
        name: provider.name,
        category: "conversion",
        fn: () => provider.serializeRequest(req),
        floor: stringifyFloor(provider, req),
        floorName: "JSON.stringify of the wire body",
      });
    }
  }
});

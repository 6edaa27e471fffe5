// Tool dispatch: extraction, id generation, argument validation, result serialization, and
// the full round trip (extract → execute a no-op → result message).
import { loopRequest, timeTool, weatherTool } from "../testing/internal/tool_loop.ts";
import { suite } from "./bench.ts";
import { benchFixture, providersOf, stringifyFloor } from "./inputs.ts";

const tools = [weatherTool, timeTool];
const noop = { ...weatherTool, execute: () => "ok" };
const argumentsText = '{"location":"Paris, France","unit":"celsius"}';
const parseArguments = () => JSON.parse(argumentsText);
const parseFloorName = "JSON.parse of one call's arguments";
const randomBytes = new Uint8Array(16);

export default await suite(async (lib, bench) => {
  const parsed = providersOf(lib).map((provider) => ({
    provider,
    response: provider.parseResponse(benchFixture(provider.name, "response_complex.json")),
  }));
  for (const { provider, response } of parsed) {
    bench({
      group: "tools: extraction",
      name: provider.name,
      category: "tools",
      fn: () => lib.extractToolCalls(response),
      floor: parseArguments,
      floorName: parseFloorName,
    });
  }
  const generators = [["randomId", lib.randomId], ["seededIdGenerator", lib.seededIdGenerator(1)]];
  for (const [name, generate] of generators as [string, () => string][]) {
    bench({
      group: "tools: id generation",
      name,
      category: "tools",
      // Read, as every id is (sent back with its tool result): randomId's two-piece string is
      // joined on first read, and that cost belongs here.
      fn: () => generate().charCodeAt(21),
      floor: () => crypto.getRandomValues(randomBytes),
      floorName: "crypto.getRandomValues of 16 bytes",
    });
  }
  for (const { provider, response } of parsed) {
    const call = lib.extractToolCalls(response)[0];
    bench({
      group: "tools: argument validation",
      name: provider.name,
      category: "tools",
      fn: () => lib.prepareToolCall(call, tools),
      floor: parseArguments,
      floorName: parseFloorName,
    });
  }
  for (const { provider, response } of parsed) {
    const request = loopRequest(provider.name);
    const results = await lib.executeToolCalls(lib.extractToolCalls(response), tools);
    const next = {
      ...request,
      messages: [...request.messages, {
        role: "assistant" as const,
        provider: provider.name,
        content: response.content,
      }, lib.toolResultMessage(results)],
    };
    bench({
      group: "tools: result serialization",
      name: provider.name,
      category: "tools",
      fn: () => provider.serializeRequest(next),
      floor: stringifyFloor(provider, next),
      floorName: "JSON.stringify of the wire body",
    });
  }
  for (const { provider, response } of parsed) {
    bench({
      group: "tools: round trip",
      name: provider.name,
      category: "tools",
      fn: async () => await lib.runToolRound(response, [noop, timeTool]),
      floor: parseArguments,
      floorName: parseFloorName,
    });
  }
});

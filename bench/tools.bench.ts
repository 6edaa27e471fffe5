// Tool dispatch: extraction, id generation, argument validation, result serialization, and
// the full round trip (extract → execute a no-op → result message).
import {
  executeToolCalls,
  extractToolCalls,
  prepareToolCall,
  randomId,
  runToolRound,
  seededIdGenerator,
  toolResultMessage,
} from "../mod.ts";
import { loopRequest, timeTool, weatherTool } from "../testing/tool_loop.ts";
import { bench } from "./bench.ts";
import { benchFixture, parseOptions, PROVIDERS, stringifyFloor } from "./inputs.ts";

const tools = [weatherTool, timeTool];
const argumentsText = '{"location":"Paris, France","unit":"celsius"}';
const parseArguments = () => JSON.parse(argumentsText);
const parsed = PROVIDERS.map((provider) => ({
  provider,
  response: provider.parseResponse(
    benchFixture(provider.name, "response_complex.json"),
    parseOptions,
  ),
}));

for (const { provider, response } of parsed) {
  bench({
    group: "tools: extraction",
    name: provider.name,
    category: "tools",
    fn: () => extractToolCalls(response),
    floor: parseArguments,
    floorName: "JSON.parse of one call's arguments",
  });
}

const seeded = seededIdGenerator(1);
const randomBytes = new Uint8Array(16);
for (const [name, generate] of [["randomId", randomId], ["seededIdGenerator", seeded]] as const) {
  bench({
    group: "tools: id generation",
    name,
    category: "tools",
    fn: generate,
    floor: () => crypto.getRandomValues(randomBytes),
    floorName: "crypto.getRandomValues of 16 bytes",
  });
}

for (const { provider, response } of parsed) {
  const call = extractToolCalls(response)[0];
  bench({
    group: "tools: argument validation",
    name: provider.name,
    category: "tools",
    fn: () => prepareToolCall(call, tools),
    floor: parseArguments,
    floorName: "JSON.parse of one call's arguments",
  });
}

for (const { provider, response } of parsed) {
  const request = loopRequest(provider.name);
  const results = await executeToolCalls(extractToolCalls(response), tools);
  const next = {
    ...request,
    messages: [...request.messages, {
      role: "assistant" as const,
      provider: provider.name,
      content: response.content,
    }, toolResultMessage(results)],
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

const noop = { ...weatherTool, execute: () => "ok" };
for (const { provider, response } of parsed) {
  bench({
    group: "tools: round trip",
    name: provider.name,
    category: "tools",
    fn: () => runToolRound(response, [noop, timeTool]),
    floor: parseArguments,
    floorName: "JSON.parse of one call's arguments",
  });
}

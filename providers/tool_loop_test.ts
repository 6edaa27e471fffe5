// The agent loop per provider, with no network: request → recorded response with tool calls
// (whole body, and the same reply streamed) → execution → the next request body, exactly.
import { test } from "node:test";
import assert from "node:assert/strict";
import { runToolRound } from "../tools/dispatch.ts";
import { seededIdGenerator } from "../common/ids.ts";
import type { ChatResponse, Message } from "../common/types.ts";
import { readFixture, readFixtureBytes } from "../testing/internal/fixtures.ts";
import { streamFormatOf } from "../testing/stream_format.ts";
import { loopRequest, timeTool, weatherTool } from "../testing/internal/tool_loop.ts";
import { providers } from "./mod.ts";
import { emptyUsage } from "../codec/usage.ts";

const tools = [weatherTool, timeTool];

for (const provider of Object.values(providers)) {
  const expected = JSON.stringify(
    JSON.parse(readFixture(`${provider.name}/request_after_tools.json`)),
  );
  const nextBody = async (response: ChatResponse) => {
    const request = loopRequest(provider.name);
    const appended = await runToolRound(response, tools);
    return provider.serializeRequest({ ...request, messages: [...request.messages, ...appended] });
  };

  test(`${provider.name} tool loop: response → execution → next request body`, async () => {
    const response = provider.parseResponse(readFixture(`${provider.name}/tool_calls.json`), {
      generateId: seededIdGenerator(1),
    });
    assert.equal(await nextBody(response), expected);
  });

  test(`${provider.name} tool loop gives the same next request from the streamed reply`, async () => {
    const decoder = provider.createStreamDecoder({ generateId: seededIdGenerator(1) });
    decoder.push(
      readFixtureBytes(`${provider.name}/tool_calls${streamFormatOf(provider).extension}`),
    );
    assert.equal(await nextBody(decoder.end()), expected);
  });

  test(`${provider.name} tool loop sends invalid-argument and unknown-tool results back as errors`, async () => {
    const response: ChatResponse = {
      provider: provider.name,
      model: loopRequest(provider.name).model,
      content: [
        { type: "tool_call", id: "call_bad", name: "get_weather", arguments: { location: 5 } },
        { type: "tool_call", id: "call_unknown", name: "get_forecast", arguments: {} },
      ],
      finishReason: "tool_use",
      usage: emptyUsage(),
    };
    const appended: Message[] = await runToolRound(response, tools);
    const request = loopRequest(provider.name);
    const body = JSON.parse(
      provider.serializeRequest({ ...request, messages: [...request.messages, ...appended] }),
    );
    const invalid =
      'Invalid arguments for tool "get_weather": location: Invalid input: expected string, received number. ' +
      "Call it again with corrected arguments.";
    const unknown = 'Unknown tool "get_forecast". Available tools: get_weather, get_time.';
    // Each provider's wire form of an error result is tested with its serializer.
    assert.deepEqual(appended.at(-1), {
      role: "tool",
      content: [
        {
          type: "tool_result",
          toolCallId: "call_bad",
          toolName: "get_weather",
          content: invalid,
          isError: true,
        },
        {
          type: "tool_result",
          toolCallId: "call_unknown",
          toolName: "get_forecast",
          content: unknown,
          isError: true,
        },
      ],
    });
    const wire = JSON.stringify(body);
    assert.ok(wire.includes(JSON.stringify(invalid)) && wire.includes(JSON.stringify(unknown)));
  });
}

import { test } from "node:test";
import assert from "node:assert/strict";
import { decodeChunks } from "../../testing/chunkings.ts";
import { openaiResponses } from "./mod.ts";

const sse = (events: object[]) =>
  events.map((e) => `event: ${(e as { type: string }).type}\ndata: ${JSON.stringify(e)}\n\n`)
    .join("");

const call = { type: "function_call", id: "fc_1", call_id: "c1", name: "weather" };

test("openai-responses stream takes a call's arguments from its done item when only empty deltas came", () => {
  const text = sse([
    { type: "response.created", response: { id: "r1", model: "gpt-5", output: [] } },
    { type: "response.output_item.added", output_index: 0, item: { ...call, arguments: "" } },
    { type: "response.function_call_arguments.delta", output_index: 0, delta: "" },
    {
      type: "response.output_item.done",
      output_index: 0,
      item: { ...call, arguments: '{"city":"Paris"}' },
    },
    {
      type: "response.completed",
      response: { id: "r1", model: "gpt-5", status: "completed", output: [] },
    },
  ]);
  const { response, error } = decodeChunks(openaiResponses.createStreamDecoder(), [text]);
  assert.equal(error, undefined);
  assert.deepEqual(response!.content, [{
    type: "tool_call",
    id: "c1",
    name: "weather",
    arguments: { city: "Paris" },
  }]);
});

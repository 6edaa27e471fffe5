// Writes fixtures/bedrock/: Converse bodies (.json) to the documented response shape, their
// ConverseStream twins (.bin) as AWS event-stream frames made by AWS's own encoder
// (@smithy/eventstream-codec, a devDependency), and error bodies with the headers Bedrock names
// the exception in. Run: node_modules/.bin/deno run -A scripts/write_bedrock_fixtures.ts
//
// Shapes: https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_Converse.html and
// API_runtime_ConverseStream.html (events messageStart, contentBlockStart, contentBlockDelta,
// contentBlockStop, messageStop, metadata; each payload padded with a `p` field).
import { writeFileSync } from "node:fs";
import { EventStreamCodec } from "@smithy/eventstream-codec";
import { fromUtf8, toUtf8 } from "@smithy/util-utf8";

type Json = Record<string, unknown>;
const dir = new URL("../fixtures/bedrock/", import.meta.url);
const codec = new EventStreamCodec(toUtf8, fromUtf8);
const PAD = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

function frame(headers: Record<string, string>, payload: Json, n: number): Uint8Array {
  const padded = { ...payload, p: PAD.slice(0, 1 + (n * 7) % PAD.length) };
  const typed: Record<string, { type: "string"; value: string }> = {};
  for (const [name, value] of Object.entries(headers)) typed[name] = { type: "string", value };
  return codec.encode({ headers: typed, body: fromUtf8(JSON.stringify(padded)) });
}
const event = (type: string, payload: Json, n: number) =>
  frame(
    { ":event-type": type, ":content-type": "application/json", ":message-type": "event" },
    payload,
    n,
  );
const exception = (type: string, payload: Json, n: number) =>
  frame(
    { ":exception-type": type, ":content-type": "application/json", ":message-type": "exception" },
    payload,
    n,
  );

// Pieces of at most `size` code points.
function pieces(text: string, size: number): string[] {
  const points = [...text];
  const out: string[] = [];
  for (let i = 0; i < points.length; i += size) out.push(points.slice(i, i + size).join(""));
  return out.length === 0 ? [""] : out;
}

// The stream of a body: blocks as deltas, then messageStop and metadata.
function streamOf(body: Json, opts: { cut?: boolean } = {}): Array<[string, Json]> {
  const events: Array<[string, Json]> = [["messageStart", { role: "assistant" }]];
  const content = ((body.output as Json).message as Json).content as Json[];
  content.forEach((block, i) => {
    const at = { contentBlockIndex: i };
    if (typeof block.text === "string") {
      for (const text of pieces(block.text, 9)) {
        events.push(["contentBlockDelta", { ...at, delta: { text } }]);
      }
    } else if (block.toolUse !== undefined) {
      const { toolUseId, name, input } = block.toolUse as Json;
      events.push(["contentBlockStart", { ...at, start: { toolUse: { toolUseId, name } } }]);
      const json = JSON.stringify(input);
      if (json !== "{}") {
        for (const piece of pieces(json, 11)) {
          events.push(["contentBlockDelta", { ...at, delta: { toolUse: { input: piece } } }]);
        }
      }
    } else {
      const reasoning = block.reasoningContent as Json;
      if (reasoning.redactedContent !== undefined) {
        events.push(["contentBlockDelta", {
          ...at,
          delta: { reasoningContent: { redactedContent: reasoning.redactedContent } },
        }]);
      } else {
        const { text, signature } = reasoning.reasoningText as Json;
        for (const piece of pieces(text as string, 13)) {
          events.push(["contentBlockDelta", {
            ...at,
            delta: { reasoningContent: { text: piece } },
          }]);
        }
        events.push(["contentBlockDelta", { ...at, delta: { reasoningContent: { signature } } }]);
      }
    }
    events.push(["contentBlockStop", at]);
  });
  if (opts.cut) return events;
  const stop: Json = { stopReason: body.stopReason };
  if (body.additionalModelResponseFields !== undefined) {
    stop.additionalModelResponseFields = body.additionalModelResponseFields;
  }
  events.push(["messageStop", stop]);
  events.push(["metadata", { usage: body.usage, metrics: body.metrics }]);
  return events;
}

function encode(events: Array<[string, Json]>, tail: Uint8Array[] = []): Uint8Array {
  const frames = [...events.map(([type, payload], n) => event(type, payload, n)), ...tail];
  const out = new Uint8Array(frames.reduce((n, f) => n + f.length, 0));
  frames.reduce((at, f) => (out.set(f, at), at + f.length), 0);
  return out;
}

function body(
  content: Json[],
  stopReason: string,
  input: number,
  output: number,
  extra: Json = {},
): Json {
  return {
    output: { message: { role: "assistant", content } },
    stopReason,
    usage: { inputTokens: input, outputTokens: output, totalTokens: input + output, ...extra },
    metrics: { latencyMs: 180 + output },
  };
}

const SIGNATURE =
  "EqQBCkgIBhABGAIiQL9mQ2Yx3bE4y1tq7sQ0mC8hV3rY0Jm1b4uWcXk2d9Lr5sP6oT7nA8zB1cD2eF3gH4iJ5kL6mN7oP8qR9sT0u";
const scenarios: Record<string, Json> = {
  text: body([{ text: "Hello! How can I help you today? ☀️" }], "end_turn", 12, 11),
  tool_calls: body(
    [
      { text: "Let me check the weather and the time." },
      {
        toolUse: {
          toolUseId: "tooluse_kZJMlvQmRJ6eAyJE5GIl7Q",
          name: "get_weather",
          input: { location: "San Francisco, CA", unit: "celsius" },
        },
      },
      {
        toolUse: {
          toolUseId: "tooluse_Lq0cVuQ8Tz2Wm3oP1aYb4w",
          name: "get_weather",
          input: { location: "Paris, France", unit: "celsius" },
        },
      },
      { toolUse: { toolUseId: "tooluse_Xn5rHs7UeQ9Gf1Kd0TjA2g", name: "get_time", input: {} } },
    ],
    "tool_use",
    412,
    160,
  ),
  thinking: body(
    [
      {
        reasoningContent: {
          reasoningText: {
            text: "The user asks for 17 × 23. 17 × 20 = 340, 17 × 3 = 51, so 391.",
            signature: SIGNATURE,
          },
        },
      },
      { text: "17 × 23 = 391." },
    ],
    "end_turn",
    48,
    96,
    { cacheReadInputTokens: 0, cacheWriteInputTokens: 0 },
  ),
  redacted_thinking: body(
    [
      { reasoningContent: { redactedContent: "RXF3QkNrZ0lCaEFCR0FJaVFPcmVkYWN0ZWQgcmVhc29uaW5n" } },
      {
        reasoningContent: {
          reasoningText: { text: "Continuing after the redacted part.", signature: SIGNATURE },
        },
      },
      { text: "Here is my answer." },
    ],
    "end_turn",
    52,
    140,
  ),
  // A structured output, sent as a forced tool (tools/output_test.ts reads it as the person).
  structured_output: body(
    [
      {
        toolUse: {
          toolUseId: "tooluse_Qw3eRt5yUi7oPa9sDf1gHj",
          name: "person",
          input: { name: "Ada Lovelace", born: 1815, fields: ["mathematics", "computing"] },
        },
      },
    ],
    "tool_use",
    220,
    58,
  ),
  max_tokens: body(
    [{
      text: "The history of the Roman Empire spans more than a thousand years, from the founding",
    }],
    "max_tokens",
    15,
    20,
  ),
  cached: body([{ text: "Cached answer." }], "end_turn", 20, 4, {
    cacheReadInputTokens: 1800,
    cacheWriteInputTokens: 0,
    totalTokens: 1824,
  }),
};
scenarios.cached.additionalModelResponseFields = { stop_sequence: null };

for (const [name, value] of Object.entries(scenarios)) {
  writeFileSync(new URL(`${name}.json`, dir), JSON.stringify(value, null, 2) + "\n");
  writeFileSync(new URL(`${name}.bin`, dir), encode(streamOf(value)));
}

// An exception frame after some text: the partial answer is kept.
const partial = body([{ text: "Partial ans" }], "end_turn", 10, 3);
const started = streamOf(partial).slice(0, 3);
writeFileSync(
  new URL("error.bin", dir),
  encode(started, [exception("modelStreamErrorException", {
    message: "Model stream error: the model returned an invalid sequence",
    originalStatusCode: 500,
  }, 9)]),
);
// A stream that ends after a whole frame but before messageStop and metadata.
writeFileSync(
  new URL("truncated.bin", dir),
  encode(streamOf(body([{ text: "Checking the forecast ☀️" }], "end_turn", 1, 1), { cut: true })),
);

// Error bodies as Bedrock sends them; the exception's name rides in x-amzn-errortype.
const errors: Array<[number, string, string]> = [
  [400, "ValidationException", "The provided model identifier is invalid."],
  [403, "AccessDeniedException", "You don't have access to the model with the specified model ID."],
  [429, "ThrottlingException", "Too many requests, please wait before trying again."],
  [
    500,
    "InternalServerException",
    "The server encountered an internal error while processing the request.",
  ],
  [503, "ServiceUnavailableException", "Bedrock is unable to process your request."],
];
for (const [status, type, message] of errors) {
  writeFileSync(new URL(`error_${status}.json`, dir), JSON.stringify({ message }, null, 2) + "\n");
  writeFileSync(
    new URL(`error_${status}.headers`, dir),
    JSON.stringify(
      { "x-amzn-errortype": `${type}:http://internal.amazon.com/coral/com.amazon.bedrock/` },
      null,
      2,
    ) + "\n",
  );
}

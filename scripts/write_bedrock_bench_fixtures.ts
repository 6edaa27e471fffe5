// Writes fixtures/benchmarks/bedrock/: the bench inputs of scripts/write_bench_fixtures.py with
// the same content, as Converse bodies and ConverseStream frames (.bin: AWS event stream, one
// frame per event, each payload padded with `p` as Bedrock pads it). The model is not in a
// Converse body; the usage and the stop reasons match the other dialects' fixtures.
//   node_modules/.bin/deno run -A scripts/write_bedrock_bench_fixtures.ts
import { writeFileSync } from "node:fs";
import { awsEventFrame, converseEventHeaders, joinFrames } from "../testing/aws_frames.ts";

type Json = Record<string, unknown>;
const dir = new URL("../fixtures/benchmarks/bedrock/", import.meta.url);
const WORDS = [
  "The",
  " forecast",
  " for",
  " Paris",
  " is",
  " 18°C",
  " with",
  " light",
  " clouds",
  " and",
  " a",
  " gentle",
  " breeze",
  ".",
];
const DELTAS = Array.from(
  { length: 100 },
  (_, i) => WORDS[i % WORDS.length] + (i % WORDS.length === WORDS.length - 1 ? ` (${i})` : ""),
);
const THINK = Array.from(
  { length: 20 },
  (_, i) => `Step ${i}: weigh the forecast sources and units. `,
);
const TEXT = [
  "Let me ",
  "check ",
  "both ",
  "cities ",
  "for ",
  "you — ",
  "one ",
  "moment ",
  "please",
  ".",
];
const ARGS = [
  '{"location":"Paris, France","unit":"celsius"}',
  '{"location":"San Francisco, CA","unit":"celsius"}',
];
const SIG = "EqQBCgIYAhIMbenchSignature0000000000000000000000000000";
const PREAMBLE = "Let me check both cities for you.";
const frag = (s: string, n = 10) => {
  const size = Math.ceil(s.length / n);
  return Array.from(
    { length: Math.ceil(s.length / size) },
    (_, i) => s.slice(i * size, (i + 1) * size),
  );
};
const split = (s: string, n: number) =>
  Array.from(
    { length: n },
    (_, i) => s.slice(Math.floor(s.length * i / n), Math.floor(s.length * (i + 1) / n)),
  );

const dump = (name: string, value: Json) =>
  writeFileSync(new URL(name, dir), JSON.stringify(value, null, 2) + "\n");
const body = (content: Json[], stopReason: string, usage: Json): Json => ({
  output: { message: { role: "assistant", content } },
  stopReason,
  usage,
  metrics: { latencyMs: 412 },
});
const usage = (input: number, output: number, cacheRead = 0): Json => ({
  inputTokens: input,
  outputTokens: output,
  totalTokens: input + output + cacheRead,
  cacheReadInputTokens: cacheRead,
  cacheWriteInputTokens: 0,
});
const call = (k: number) => ({
  toolUse: { toolUseId: `tooluse_bench_${k + 1}`, name: "get_weather", input: JSON.parse(ARGS[k]) },
});

// Events → frames; the padding varies with the event as Bedrock's does.
function stream(name: string, events: Array<[string, Json]>): void {
  const frames = events.map(([type, payload], n) =>
    awsEventFrame(
      converseEventHeaders(type),
      JSON.stringify({
        ...payload,
        p: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ".slice(0, 1 + n % 40),
      }),
    )
  );
  writeFileSync(new URL(name, dir), joinFrames(frames));
}
const delta = (
  i: number,
  d: Json,
): [string, Json] => ["contentBlockDelta", { contentBlockIndex: i, delta: d }];
const stop = (i: number): [string, Json] => ["contentBlockStop", { contentBlockIndex: i }];
const toolEvents = (i: number, k: number, pieces: string[]): Array<[string, Json]> => [
  ["contentBlockStart", {
    contentBlockIndex: i,
    start: { toolUse: { toolUseId: `tooluse_bench_${k + 1}`, name: "get_weather" } },
  }],
  ...pieces.map((input) => delta(i, { toolUse: { input } })),
  stop(i),
];
const end = (reason: string, u: Json): Array<[string, Json]> => [
  ["messageStop", { stopReason: reason }],
  ["metadata", { usage: u, metrics: { latencyMs: 412 } }],
];

const complexUsage = usage(1200, 420, 800);
dump(
  "response_simple.json",
  body([{ text: "It's 18°C and cloudy in Paris." }], "end_turn", usage(14, 12)),
);
dump(
  "response_complex.json",
  body(
    [
      { reasoningContent: { reasoningText: { text: THINK.join(""), signature: SIG } } },
      { text: TEXT.join("") },
      call(0),
      call(1),
    ],
    "tool_use",
    complexUsage,
  ),
);
dump("convert_tool_call.json", body([call(0)], "tool_use", usage(10, 10)));
dump(
  "convert_thinking.json",
  body(
    [{ reasoningContent: { reasoningText: { text: THINK[0], signature: SIG } } }],
    "end_turn",
    usage(10, 10),
  ),
);

stream("stream_basic.bin", [
  ["messageStart", { role: "assistant" }],
  ...DELTAS.map((text) => delta(0, { text })),
  stop(0),
  ...end("end_turn", usage(14, 100)),
]);
stream("stream_complex.bin", [
  ["messageStart", { role: "assistant" }],
  ...THINK.map((text) => delta(0, { reasoningContent: { text } })),
  delta(0, { reasoningContent: { signature: SIG } }),
  stop(0),
  ...TEXT.map((text) => delta(1, { text })),
  stop(1),
  ...toolEvents(2, 0, frag(ARGS[0])),
  ...toolEvents(3, 1, frag(ARGS[1])),
  ...end("tool_use", complexUsage),
]);
// 16 events, as every dialect's stream_tools: start, 4 text deltas, stop, two calls of 4, end.
stream("stream_tools.bin", [
  ["messageStart", { role: "assistant" }],
  ...split(PREAMBLE, 4).map((text) => delta(0, { text })),
  stop(0),
  ...toolEvents(1, 0, split(ARGS[0], 2)),
  ...toolEvents(2, 1, split(ARGS[1], 2)),
  ...end("tool_use", usage(1200, 60)),
]);

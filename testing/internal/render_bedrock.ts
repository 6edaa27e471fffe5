/**
 * A random Converse response, as a body and as its ConverseStream frames: text, reasoning with
 * its signature, redacted reasoning, tool calls (some without arguments, streamed with no input
 * delta), and a citations block kept whole; usage sometimes with cache counts, and the model's
 * own response fields sometimes.
 *
 * @see https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_Converse.html
 * @see https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_ConverseStream.html
 * @module
 */

import { awsEventFrame, converseEventHeaders, joinFrames } from "../aws_frames.ts";
import { fragments, type Random, type Rendered } from "./random.ts";

type Wire = Record<string, unknown>;
// A block whole, and the stream's start (if any) and deltas for it.
type Block = { whole: Wire; start?: Wire; deltas: Wire[] };

function text(random: Random): Block {
  const value = random.text();
  return { whole: { text: value }, deltas: random.pieces(value).map((t) => ({ text: t })) };
}

function reasoning(random: Random): Block {
  const value = random.text();
  const signature = random.id("Eq");
  const deltas: Wire[] = random.pieces(value).map((t) => ({ reasoningContent: { text: t } }));
  deltas.push({ reasoningContent: { signature } });
  return { whole: { reasoningContent: { reasoningText: { text: value, signature } } }, deltas };
}

function redacted(random: Random): Block {
  const data = random.id("RW5j");
  return {
    whole: { reasoningContent: { redactedContent: data } },
    deltas: [{ reasoningContent: { redactedContent: data } }],
  };
}

function call(random: Random): Block {
  const head = { toolUseId: random.id("tooluse_"), name: random.pick(["get_weather", "get_time"]) };
  const input = random.args();
  const deltas = Object.keys(input).length === 0 && random.chance(0.5)
    ? [] // a call without arguments may stream no input
    : fragments(random, input).map((piece) => ({ toolUse: { input: piece } }));
  return { whole: { toolUse: { ...head, input } }, start: { toolUse: head }, deltas };
}

function blocks(random: Random): Block[] {
  const out: Block[] = [];
  if (random.chance(0.4)) out.push(reasoning(random));
  if (random.chance(0.1)) out.push(redacted(random));
  for (let i = random.int(4); i >= 0; i--) {
    out.push(random.int(3) === 0 ? call(random) : text(random));
  }
  return out;
}

function usage(random: Random): Wire {
  const input = random.int(5000);
  const output = random.int(900);
  const usage: Wire = { inputTokens: input, outputTokens: output };
  let total = input + output;
  if (random.chance(0.4)) {
    usage.cacheReadInputTokens = random.int(4000);
    usage.cacheWriteInputTokens = random.int(100);
    total += (usage.cacheReadInputTokens as number) + (usage.cacheWriteInputTokens as number);
  }
  usage.totalTokens = total;
  return usage;
}

/**
 * Renders a random Converse response.
 *
 * @param random The choices.
 * @returns Body and stream (frames).
 */
export function renderBedrock(random: Random): Rendered {
  const content = blocks(random);
  const stop = random.pick(["end_turn", "max_tokens", "tool_use", "stop_sequence"]);
  const extra = random.chance(0.3) ? { stop_sequence: "END" } : undefined;
  const final = usage(random);
  const metrics = { latencyMs: random.int(3000) };
  const body: Wire = {
    output: { message: { role: "assistant", content: content.map((b) => b.whole) } },
    stopReason: stop,
    usage: final,
    metrics,
  };
  if (extra !== undefined) body.additionalModelResponseFields = extra;
  const events: Array<[string, Wire]> = [["messageStart", { role: "assistant" }]];
  content.forEach((block, contentBlockIndex) => {
    if (block.start !== undefined) {
      events.push(["contentBlockStart", { contentBlockIndex, start: block.start }]);
    }
    for (const delta of block.deltas) {
      events.push(["contentBlockDelta", { contentBlockIndex, delta }]);
    }
    events.push(["contentBlockStop", { contentBlockIndex }]);
  });
  const stopEvent: Wire = { stopReason: stop };
  if (extra !== undefined) stopEvent.additionalModelResponseFields = extra;
  events.push(["messageStop", stopEvent], ["metadata", { usage: final, metrics }]);
  const frames = events.map(([type, payload]) =>
    awsEventFrame(
      converseEventHeaders(type),
      JSON.stringify({ ...payload, p: "x".repeat(1 + random.int(20)) }),
    )
  );
  return { body: JSON.stringify(body), sse: joinFrames(frames) };
}

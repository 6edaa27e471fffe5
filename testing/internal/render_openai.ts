/**
 * A random OpenAI Chat Completions response, as a body and as its chunk stream: reasoning text
 * (compatible servers), content with `url_citation` annotations, a refusal, tool calls, token
 * logprobs, one or two choices, and the usage chunk.
 *
 * @see https://platform.openai.com/docs/api-reference/chat/object
 * @see https://platform.openai.com/docs/api-reference/chat-streaming
 * @module
 */

import { fragments, type Random, type Rendered } from "./random.ts";

type Wire = Record<string, unknown>;

interface Choice {
  message: Wire;
  /** Deltas, in stream order. */
  deltas: Wire[];
  logprobs: Wire[] | null;
  finish: string;
}

function choice(random: Random): Choice {
  const message: Wire = { role: "assistant", content: null, refusal: null };
  const deltas: Wire[] = [{ role: "assistant", content: "" }];
  if (random.chance(0.3)) {
    const reasoning = random.text();
    message.reasoning_content = reasoning;
    for (const piece of random.pieces(reasoning)) deltas.push({ reasoning_content: piece });
  }
  const refused = random.chance(0.1);
  const text = random.text();
  message[refused ? "refusal" : "content"] = text;
  for (const piece of random.pieces(text)) {
    deltas.push({ [refused ? "refusal" : "content"]: piece });
  }
  if (!refused && random.chance(0.3)) {
    const annotations = [{
      type: "url_citation",
      url_citation: { start_index: 0, end_index: 1, url: "https://example.com", title: "Example" },
    }];
    message.annotations = annotations;
    deltas.push({ annotations });
  }
  const calls: Wire[] = [];
  for (let index = 0, n = random.chance(0.5) ? 1 + random.int(3) : 0; index < n; index++) {
    const id = random.id("call_");
    const name = random.pick(["get_weather", "get_time"]);
    const args = random.chance(0.2) ? "" : JSON.stringify(random.args());
    calls.push({ id, type: "function", function: { name, arguments: args } });
    const pieces = args === "" ? [""] : fragments(random, JSON.parse(args));
    deltas.push({
      tool_calls: [{ index, id, type: "function", function: { name, arguments: pieces[0] } }],
    });
    for (const piece of pieces.slice(1)) {
      deltas.push({ tool_calls: [{ index, function: { arguments: piece } }] });
    }
  }
  if (calls.length > 0) message.tool_calls = calls;
  const logprobs = random.chance(0.2)
    ? [{ token: "a", logprob: -0.5, bytes: [97], top_logprobs: [] }]
    : null;
  const finish = calls.length > 0
    ? "tool_calls"
    : random.pick(["stop", "length", "content_filter"]);
  return { message, deltas, logprobs, finish };
}

/**
 * Renders a random OpenAI response.
 *
 * @param random The choices.
 * @returns Body and stream.
 */
export function renderOpenAI(random: Random): Rendered {
  const id = random.id("chatcmpl-");
  const model = random.pick(["gpt-4o", "o4-mini"]);
  const choices = Array.from({ length: random.chance(0.2) ? 2 : 1 }, () => choice(random));
  const usage = { prompt_tokens: random.int(900), completion_tokens: random.int(300) };
  const head = { id, created: 1741571000, model, system_fingerprint: "fp_generated" };
  const body = {
    ...head,
    object: "chat.completion",
    choices: choices.map((c, index) => ({
      index,
      message: c.message,
      logprobs: c.logprobs === null ? null : { content: c.logprobs, refusal: null },
      finish_reason: c.finish,
    })),
    usage,
  };
  const chunk = (choices: Wire[], usage: Wire | null = null) =>
    `data: ${JSON.stringify({ ...head, object: "chat.completion.chunk", choices, usage })}\n\n`;
  let sse = "";
  // Choices stream side by side, their deltas interleaved.
  const longest = Math.max(...choices.map((c) => c.deltas.length));
  for (let i = 0; i < longest; i++) {
    choices.forEach((c, index) => {
      if (i >= c.deltas.length) return;
      const logprobs = i === 1 && c.logprobs !== null
        ? { content: c.logprobs, refusal: null }
        : null;
      sse += chunk([{ index, delta: c.deltas[i], logprobs, finish_reason: null }]);
    });
  }
  choices.forEach((c, index) => {
    sse += chunk([{ index, delta: {}, logprobs: null, finish_reason: c.finish }]);
  });
  return { body: JSON.stringify(body), sse: `${sse}${chunk([], usage)}data: [DONE]\n\n` };
}

/**
 * A random Anthropic Messages response, as a body and as its event stream: text (sometimes
 * cited), thinking with its signature, redacted thinking, tool calls, and web-search calls with
 * their results; usage sometimes with thinking tokens and server-tool counts.
 *
 * @see https://docs.anthropic.com/en/api/messages
 * @see https://docs.anthropic.com/en/docs/build-with-claude/streaming
 * @module
 */

import { fragments, type Random, type Rendered } from "./random.ts";

type Wire = Record<string, unknown>;
type Block = { whole: Wire; start: Wire; deltas: Wire[] };

function text(random: Random): Block {
  const value = random.text();
  const citations = random.chance(0.3)
    ? [{
      type: "web_search_result_location",
      url: `https://example.com/${random.int(100)}`,
      title: random.text(),
      encrypted_index: random.id("Eo"),
      cited_text: random.text(),
    }]
    : undefined;
  const deltas: Wire[] = (citations ?? []).map((citation) => ({
    type: "citations_delta",
    citation,
  }));
  for (const piece of random.pieces(value)) deltas.push({ type: "text_delta", text: piece });
  const whole: Wire = { type: "text", text: value };
  if (citations !== undefined) whole.citations = citations;
  return { whole, start: { type: "text", text: "" }, deltas };
}

function thinking(random: Random): Block {
  const value = random.text();
  const signature = random.id("Eq");
  const deltas: Wire[] = random.pieces(value).map((t) => ({ type: "thinking_delta", thinking: t }));
  deltas.push({ type: "signature_delta", signature });
  return {
    whole: { type: "thinking", thinking: value, signature },
    start: { type: "thinking", thinking: "", signature: "" },
    deltas,
  };
}

function call(random: Random, type: "tool_use" | "server_tool_use"): Block {
  const head = {
    type,
    id: random.id(type === "tool_use" ? "toolu_" : "srvtoolu_"),
    name: type === "tool_use" ? random.pick(["get_weather", "get_time"]) : "web_search",
  };
  const input = type === "tool_use" ? random.args() : { query: random.text() };
  const deltas = Object.keys(input).length === 0 && random.chance(0.5)
    ? [] // a call without arguments may stream none
    : fragments(random, input).map((partial_json) => ({ type: "input_json_delta", partial_json }));
  return { whole: { ...head, input }, start: { ...head, input: {} }, deltas };
}

function whole(block: Wire): Block {
  return { whole: block, start: block, deltas: [] };
}

function blocks(random: Random): Block[] {
  const out: Block[] = [];
  if (random.chance(0.4)) out.push(thinking(random));
  if (random.chance(0.1)) out.push(whole({ type: "redacted_thinking", data: random.id("Em") }));
  for (let i = random.int(4); i >= 0; i--) {
    const kind = random.int(4);
    if (kind === 0) {
      const search = call(random, "server_tool_use");
      out.push(search);
      out.push(whole({
        type: "web_search_tool_result",
        tool_use_id: search.whole.id,
        content: [{ type: "web_search_result", url: "https://example.com", title: random.text() }],
      }));
    } else if (kind === 1) out.push(call(random, "tool_use"));
    else out.push(text(random));
  }
  return out;
}

function usage(random: Random): Wire {
  const usage: Wire = { input_tokens: random.int(5000), output_tokens: random.int(900) };
  if (random.chance(0.5)) usage.cache_read_input_tokens = random.int(4000);
  if (random.chance(0.3)) usage.output_tokens_details = { thinking_tokens: random.int(300) };
  if (random.chance(0.3)) usage.server_tool_use = { web_search_requests: 1 };
  return usage;
}

/**
 * Renders a random Anthropic response.
 *
 * @param random The choices.
 * @returns Body and stream.
 */
export function renderAnthropic(random: Random): Rendered {
  const content = blocks(random);
  const id = random.id("msg_");
  const model = random.pick(["claude-sonnet-4-5", "claude-haiku-4-5"]);
  const stop = random.pick(["end_turn", "max_tokens", "tool_use", "stop_sequence", "refusal"]);
  const stopSequence = stop === "stop_sequence" ? "END" : null;
  const final = usage(random);
  const body = {
    id,
    type: "message",
    role: "assistant",
    model,
    content: content.map((b) => b.whole),
    stop_reason: stop,
    stop_sequence: stopSequence,
    usage: final,
  };
  const start = { input_tokens: final.input_tokens, output_tokens: 1 };
  const events: Wire[] = [{
    type: "message_start",
    message: { ...body, content: [], stop_reason: null, stop_sequence: null, usage: start },
  }];
  content.forEach((block, index) => {
    events.push({ type: "content_block_start", index, content_block: block.start });
    for (const delta of block.deltas) events.push({ type: "content_block_delta", index, delta });
    events.push({ type: "content_block_stop", index });
  });
  events.push({
    type: "message_delta",
    delta: { stop_reason: stop, stop_sequence: stopSequence },
    usage: final,
  });
  events.push({ type: "message_stop" });
  return {
    body: JSON.stringify(body),
    sse: events.map((e) => `event: ${e.type}\ndata: ${JSON.stringify(e)}\n\n`).join(""),
  };
}

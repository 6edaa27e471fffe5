/**
 * A random OpenAI Responses API response, as a body and as its event stream: reasoning items
 * (summary parts, encrypted content, sometimes neither), messages with `output_text` parts
 * (sometimes cited, sometimes empty) or a refusal, function calls (sometimes without arguments),
 * web search calls, and a completed or incomplete status. Now and then an item streams without
 * its part and delta events, as a terse server may send it: only `output_item.done` has it.
 *
 * @see https://platform.openai.com/docs/api-reference/responses/object
 * @see https://platform.openai.com/docs/api-reference/responses-streaming
 * @module
 */

import { fragments, type Random, type Rendered } from "./random.ts";

type Wire = Record<string, unknown>;

/** One output item: whole, as `output_item.added` shows it, and the events between. */
interface Item {
  whole: Wire;
  added: Wire;
  events: Wire[];
}

function textPart(random: Random, at: Wire): { part: Wire; events: Wire[] } {
  const refused = random.chance(0.1);
  const text = random.chance(0.1) ? "" : random.text();
  if (refused) {
    const part = { type: "refusal", refusal: text };
    const events: Wire[] = [{
      type: "response.content_part.added",
      ...at,
      part: { type: "refusal", refusal: "" },
    }];
    for (const delta of text === "" ? [] : random.pieces(text)) {
      events.push({ type: "response.refusal.delta", ...at, delta });
    }
    return { part, events };
  }
  const annotations = random.chance(0.3)
    ? [{
      type: "url_citation",
      start_index: 0,
      end_index: 1,
      url: "https://example.com",
      title: random.text(),
    }]
    : [];
  const part = { type: "output_text", annotations, text };
  const events: Wire[] = [{
    type: "response.content_part.added",
    ...at,
    part: { type: "output_text", annotations: [], text: "" },
  }];
  for (const delta of text === "" ? [] : random.pieces(text)) {
    events.push({ type: "response.output_text.delta", ...at, delta, logprobs: [] });
  }
  annotations.forEach((annotation, annotation_index) =>
    events.push({
      type: "response.output_text.annotation.added",
      ...at,
      annotation_index,
      annotation,
    })
  );
  events.push({ type: "response.content_part.done", ...at, part });
  return { part, events };
}

function message(random: Random, output_index: number): Item {
  const id = random.id("msg_");
  const parts = Array.from(
    { length: 1 + random.int(2) },
    (_, content_index) => textPart(random, { item_id: id, output_index, content_index }),
  );
  const head = { id, type: "message", role: "assistant" };
  return {
    whole: { ...head, status: "completed", content: parts.map((p) => p.part) },
    added: { ...head, status: "in_progress", content: [] },
    events: parts.flatMap((p) => p.events),
  };
}

function reasoning(random: Random, output_index: number): Item {
  const id = random.id("rs_");
  const summary = Array.from(
    { length: random.int(3) },
    () => ({ type: "summary_text", text: random.text() }),
  );
  const whole: Wire = { id, type: "reasoning", summary };
  if (random.chance(0.7)) whole.encrypted_content = random.id("gAAAAA");
  if (random.chance(0.1)) delete whole.id;
  const events = summary.flatMap((part, summary_index) => {
    const at = { item_id: id, output_index, summary_index };
    return [
      {
        type: "response.reasoning_summary_part.added",
        ...at,
        part: { type: "summary_text", text: "" },
      },
      ...random.pieces(part.text).map((delta) => ({
        type: "response.reasoning_summary_text.delta",
        ...at,
        delta,
      })),
      { type: "response.reasoning_summary_part.done", ...at, part },
    ];
  });
  return { whole, added: { ...whole, summary: [], encrypted_content: undefined }, events };
}

function call(random: Random, output_index: number): Item {
  const id = random.id("fc_");
  const args = random.chance(0.2) ? "" : JSON.stringify(random.args());
  const head = {
    id,
    type: "function_call",
    call_id: random.id("call_"),
    name: random.pick(["get_weather", "get_time"]),
  };
  const events: Wire[] = (args === "" ? [] : fragments(random, JSON.parse(args))).map((delta) => ({
    type: "response.function_call_arguments.delta",
    item_id: id,
    output_index,
    delta,
  }));
  events.push({
    type: "response.function_call_arguments.done",
    item_id: id,
    output_index,
    arguments: args,
  });
  return {
    whole: { ...head, status: "completed", arguments: args },
    added: { ...head, status: "in_progress", arguments: "" },
    events,
  };
}

function webSearch(random: Random): Item {
  const head = { id: random.id("ws_"), type: "web_search_call" };
  return {
    whole: { ...head, status: "completed", action: { type: "search", query: random.text() } },
    added: { ...head, status: "in_progress" },
    events: [],
  };
}

function items(random: Random): Item[] {
  const out: Item[] = [];
  for (let i = random.int(4); i >= 0; i--) {
    const kind = random.int(5);
    const at = out.length;
    out.push(
      kind === 0
        ? reasoning(random, at)
        : kind === 1
        ? call(random, at)
        : kind === 2
        ? webSearch(random)
        : message(random, at),
    );
  }
  return out;
}

/**
 * Renders a random Responses API response.
 *
 * @param random The choices.
 * @returns Body and stream.
 */
export function renderOpenAIResponses(random: Random): Rendered {
  const output = items(random);
  const incomplete = random.chance(0.2);
  const base = {
    id: random.id("resp_"),
    object: "response",
    created_at: 1741476542,
    model: random.pick(["gpt-5-mini", "o4-mini", "gpt-4.1"]),
    reasoning: { effort: "low", summary: "auto" },
    store: false,
  };
  const usage = {
    input_tokens: random.int(900),
    input_tokens_details: { cached_tokens: random.int(100) },
    output_tokens: 300 + random.int(300),
    output_tokens_details: { reasoning_tokens: random.int(300) },
    total_tokens: 2000,
  };
  const body = {
    ...base,
    status: incomplete ? "incomplete" : "completed",
    error: null,
    incomplete_details: incomplete
      ? { reason: random.pick(["max_output_tokens", "content_filter"]) }
      : null,
    output: output.map((item) => item.whole),
    usage,
  };
  const events: Wire[] = [{
    type: "response.created",
    response: { ...base, status: "in_progress", output: [] },
  }];
  output.forEach((item, output_index) => {
    events.push({ type: "response.output_item.added", output_index, item: item.added });
    // A terse server: the item arrives whole at output_item.done.
    if (!random.chance(0.1)) events.push(...item.events);
    events.push({ type: "response.output_item.done", output_index, item: item.whole });
  });
  events.push({ type: incomplete ? "response.incomplete" : "response.completed", response: body });
  const sse = events.map((event, sequence_number) => {
    const data = JSON.stringify({ ...event, sequence_number });
    return `event: ${event.type}\ndata: ${data}\n\n`;
  }).join("");
  return { body: JSON.stringify(body), sse };
}

/**
 * A random Gemini response, as a body and as its SSE stream of partial responses: runs of
 * thought and answer text (a body may split a run into several parts, a stream cuts it into
 * chunks), signatures on a run's last part or on an empty part after it, function calls,
 * code-execution parts, generated images, one or two candidates, and metadata in the last chunk.
 *
 * @see https://ai.google.dev/api/generate-content#generatecontentresponse
 * @module
 */

import type { Random, Rendered } from "./random.ts";

type Wire = Record<string, unknown>;

// A part whole in the body, and the parts that stream it (in order, one per chunk).
interface Run {
  body: Wire[];
  stream: Wire[];
}

function textRun(random: Random, thought: boolean): Run {
  const flag = thought ? { thought: true } : {};
  const pieces = random.pieces(random.text()).map((text) => ({ text, ...flag }));
  const signature = random.chance(0.3) ? random.id("Cs") : undefined;
  if (signature === undefined) {
    // A body sends a run as one part or as several: both read as one block.
    const body = random.chance(0.5)
      ? pieces
      : [{ text: pieces.map((p) => p.text).join(""), ...flag }];
    return { body, stream: pieces };
  }
  const text = pieces.map((p) => p.text).join("");
  const stream = random.chance(0.5)
    ? [...pieces, { text: "", thoughtSignature: signature }]
    : [...pieces.slice(0, -1), { ...pieces.at(-1), thoughtSignature: signature }];
  return { body: [{ text, ...flag, thoughtSignature: signature }], stream };
}

function wholePart(random: Random): Wire {
  switch (random.int(4)) {
    case 0:
      return { executableCode: { language: "PYTHON", code: "print(1)" } };
    case 1:
      return { codeExecutionResult: { outcome: "OUTCOME_OK", output: "1\n" } };
    case 2:
      return { inlineData: { mimeType: "image/png", data: random.id("iVBOR") } };
  }
  const call: Wire = { functionCall: { name: "get_weather", args: random.args() } };
  if (random.chance(0.3)) call.thoughtSignature = random.id("Cs");
  return call;
}

function candidate(random: Random): { runs: Run[]; finish: string } {
  const runs: Run[] = [];
  let last = "";
  for (let i = 1 + random.int(4); i > 0; i--) {
    const kind = random.pick(["thought", "text", "part"]);
    // Two runs of one kind in a row would be one run: let something stand between them.
    if (kind === last && kind !== "part") continue;
    last = kind;
    const part = kind === "part" ? wholePart(random) : undefined;
    runs.push(
      part === undefined ? textRun(random, kind === "thought") : { body: [part], stream: [part] },
    );
  }
  return { runs, finish: random.pick(["STOP", "MAX_TOKENS", "SAFETY"]) };
}

/**
 * Renders a random Gemini response.
 *
 * @param random The choices.
 * @returns Body and stream.
 */
export function renderGoogle(random: Random): Rendered {
  const candidates = Array.from({ length: random.chance(0.2) ? 2 : 1 }, () => candidate(random));
  const usage = { promptTokenCount: random.int(900), candidatesTokenCount: random.int(300) };
  const head = { modelVersion: "gemini-2.5-flash", responseId: random.id("R") };
  // Candidate metadata comes whole, in the last chunk.
  const extra: Wire = {};
  if (random.chance(0.3)) {
    extra.safetyRatings = [{ category: "HARM_CATEGORY_HATE_SPEECH", probability: "NEGLIGIBLE" }];
  }
  if (random.chance(0.3)) {
    extra.groundingMetadata = {
      webSearchQueries: [random.text()],
      groundingChunks: [{ web: { uri: "https://example.com", title: random.text() } }],
    };
    extra.citationMetadata = { citationSources: [{ startIndex: 0, endIndex: 1, uri: "u" }] };
  }
  const body = {
    candidates: candidates.map((c, index) => ({
      content: { parts: c.runs.flatMap((r) => r.body), role: "model" },
      finishReason: c.finish,
      index,
      ...extra,
    })),
    usageMetadata: usage,
    ...head,
  };
  const streams = candidates.map((c) => c.runs.flatMap((r) => r.stream));
  const chunks = Math.max(...streams.map((s) => s.length));
  let sse = "";
  for (let i = 0; i < chunks; i++) {
    const last = i === chunks - 1;
    const chunk: Wire = {
      candidates: streams.map((parts, index) => ({
        content: { parts: parts.slice(i, i + 1), role: "model" },
        ...(last ? { finishReason: candidates[index].finish, ...extra } : {}),
        index,
      })),
      ...(last ? { usageMetadata: usage } : {}),
      ...head,
    };
    sse += `data: ${JSON.stringify(chunk)}\r\n\r\n`;
  }
  return { body: JSON.stringify(body), sse };
}

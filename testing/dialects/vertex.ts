/**
 * Vertex AI as the mock speaks it: Gemini at `…/publishers/google/models/{model}:generateContent`
 * (streams `:streamGenerateContent?alt=sse`) and Claude at
 * `…/publishers/anthropic/models/{model}:rawPredict` (streams `:streamRawPredict`), each answering
 * in its dialect's wire format, with an OAuth bearer token. Claude's body must name no model and
 * carry `anthropic_version: "vertex-2023-10-16"`, as Vertex requires. Token counts: Gemini's
 * `:countTokens` (the fields at the top level) and Claude's one `count-tokens:rawPredict` (the model
 * in the body).
 *
 * @see https://cloud.google.com/vertex-ai/generative-ai/docs/partner-models/claude/use-claude
 * @module
 */

import { anthropicMock } from "./anthropic.ts";
import type { MockDialect } from "./dialect.ts";
import { googleMock } from "./google.ts";

const SCOPE = "/v1/projects/:project/locations/:location/publishers";

function bearer(request: Request): string | undefined {
  return /^Bearer (.+)$/.exec(request.headers.get("authorization") ?? "")?.[1];
}

// `{model}:{method}` at the end of the path.
function modelAndMethod(url: URL): [string, string] {
  const last = decodeURIComponent(url.pathname.slice(url.pathname.lastIndexOf("/models/") + 8));
  const at = last.lastIndexOf(":");
  return [last.slice(0, at), last.slice(at + 1)];
}

/** Gemini on Vertex. */
export const vertexGoogleMock: MockDialect = {
  ...googleMock,
  basePath: "/v1",
  route: `${SCOPE}/google/models/:target{.+}`,
  // https://cloud.google.com/vertex-ai/docs/reference/rest/v1/projects.locations.endpoints/countTokens
  countTokens: {
    route: `${SCOPE}/google/models/:target{.+:countTokens}`,
    response: (tokens) => ({ totalTokens: tokens, totalBillableCharacters: 4 * tokens }),
    refuse: (body) =>
      body.generateContentRequest !== undefined
        ? 'Invalid JSON payload received. Unknown name "generateContentRequest": Cannot find field.'
        : Array.isArray(body.contents)
        ? undefined
        : "contents: required",
  },
  keyHeader: "authorization",
  credential: bearer,
  target(url) {
    const [model, method] = modelAndMethod(url);
    return { model, stream: method === "streamGenerateContent" };
  },
};

/** Claude on Vertex. */
export const vertexAnthropicMock: MockDialect = {
  ...anthropicMock,
  basePath: "/v1",
  route: `${SCOPE}/anthropic/models/:target{.+}`,
  // https://cloud.google.com/vertex-ai/generative-ai/docs/partner-models/claude/count-tokens
  countTokens: {
    route: `${SCOPE}/anthropic/models/:target{count-tokens:rawPredict}`,
    response: (tokens) => ({ input_tokens: tokens }),
    target: (_url, body) => ({ model: String(body.model), stream: false }),
    refuse: (body) => typeof body.model === "string" ? undefined : "model: Field required",
  },
  keyHeader: "authorization",
  credential: bearer,
  target(url) {
    const [model, method] = modelAndMethod(url);
    return { model, stream: method === "streamRawPredict" };
  },
  refuse(body) {
    if (body.model !== undefined) return "model: Extra inputs are not permitted";
    if (body.anthropic_version !== "vertex-2023-10-16") {
      return `anthropic_version: must be "vertex-2023-10-16"`;
    }
    return undefined;
  },
};

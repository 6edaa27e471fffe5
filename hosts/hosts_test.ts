// Hosts over the Chat Completions dialect: their recorded shapes decode through their presets
// (whole, and split anywhere), requests carry each host's URL, key and quirks, and DeepSeek's
// reasoning goes back on the turns of a tool loop and nowhere else.
import { test } from "node:test";
import assert from "node:assert/strict";
import type { AssistantMessage, ChatRequest, ChatResponse, Message, Warning } from "../mod.ts";
import { openai } from "../mod.ts";
import { chunkings, decodeChunks } from "../testing/chunkings.ts";
import { readFixture } from "../testing/internal/fixtures.ts";
import {
  azureOpenAI,
  azureOpenAIResponses,
  deepseek,
  getHost,
  groq,
  hosts,
  mistral,
  ollama,
  openrouter,
  xai,
} from "./mod.ts";
import type { HostProvider } from "./host.ts";

interface Expected {
  host: HostProvider;
  thinking: string;
  text: string;
  calls: Array<[string, unknown]>;
  finish: ChatResponse["finishReason"];
  usage: Partial<ChatResponse["usage"]>;
}

const FAMILIES: Record<string, Expected> = {
  deepseek_tool_loop: {
    host: deepseek,
    thinking: "The user wants the weather in Paris. I should call get_weather.",
    text: "",
    calls: [["get_weather", { location: "Paris, France" }]],
    finish: "tool_use",
    usage: { inputTokens: 210, cacheReadTokens: 128, thinkingTokens: 31 },
  },
  groq_reasoning: {
    host: groq,
    thinking: "Compute 12 squared: 12 × 12 = 144.",
    text: "12² = 144",
    calls: [],
    finish: "stop",
    usage: { inputTokens: 85, thinkingTokens: 22 },
  },
  xai_reasoning: {
    host: xai,
    thinking: "101 is odd; check primes up to 10: 2, 3, 5, 7 do not divide it.",
    text: "Yes, 101 is prime.",
    calls: [],
    finish: "stop",
    usage: { inputTokens: 20, cacheReadTokens: 6, thinkingTokens: 376 },
  },
  openrouter_reasoning_details: {
    host: openrouter,
    thinking: "The user asks for a haiku about rain. Five, seven, five syllables.",
    text: "Soft rain on the roof\nwhispers to the sleeping town\npuddles hold the sky",
    calls: [],
    finish: "stop",
    usage: { inputTokens: 42, thinkingTokens: 24 },
  },
  mistral_reasoning: {
    host: mistral,
    thinking: "The user asks for 17 × 24. 17 × 24 = 17 × 20 + 17 × 4 = 340 + 68 = 408.",
    text: "17 × 24 is **408**.",
    calls: [],
    finish: "stop",
    usage: { inputTokens: 12, outputTokens: 84 },
  },
  azure_content_filter: {
    host: azureOpenAI({ resource: "contoso" }),
    thinking: "",
    text: "Paris is the capital of France.",
    calls: [],
    finish: "stop",
    usage: { inputTokens: 14 },
  },
};

function summary(response: ChatResponse) {
  const of = (type: string) =>
    response.content.flatMap((b) => b.type === type && "text" in b ? [b.text] : []).join("");
  return {
    provider: response.provider,
    thinking: of("thinking"),
    text: of("text"),
    calls: response.content.flatMap((b) => b.type === "tool_call" ? [[b.name, b.arguments]] : []),
    finish: response.finishReason,
  };
}

for (const [name, expected] of Object.entries(FAMILIES)) {
  const { host } = expected;
  test(`${host.name} preset reads ${name} whole and streamed, split anywhere`, () => {
    const folder = name.startsWith("mistral") ? "openai" : "hosts";
    const body = host.parseResponse(readFixture(`${folder}/${name}.json`));
    assert.deepEqual(summary(body), {
      provider: host.name,
      thinking: expected.thinking,
      text: expected.text,
      calls: expected.calls,
      finish: expected.finish,
    });
    for (const [field, value] of Object.entries(expected.usage)) {
      assert.equal(body.usage[field as keyof ChatResponse["usage"]], value, field);
    }
    const bytes = new TextEncoder().encode(readFixture(`${folder}/${name}.sse`));
    for (const { name: split, chunks } of chunkings(bytes)) {
      const { response, error } = decodeChunks(host.createStreamDecoder(), chunks);
      assert.equal(error, undefined, split);
      assert.deepEqual(response, body, `${split}: the stream ends as the body reads`);
    }
  });
}

test("azure preset keeps the content filter results in providerMetadata", () => {
  const response = azureOpenAI({ resource: "contoso" }).parseResponse(
    readFixture("hosts/azure_content_filter.json"),
  );
  const metadata = response.providerMetadata as Record<string, unknown>;
  assert.deepEqual(Object.keys(metadata.prompt_filter_results as object), ["0"]);
  assert.equal(JSON.stringify(metadata).includes('"content_filter_results"'), true);
});

const hi = (model: string): ChatRequest => ({ model, messages: [{ role: "user", content: "Hi" }] });

test("hosts send to their own URL with their own key header", () => {
  const cases: Array<[HostProvider, string, Record<string, string>]> = [
    [deepseek, "https://api.deepseek.com/chat/completions", { authorization: "Bearer k" }],
    [groq, "https://api.groq.com/openai/v1/chat/completions", { authorization: "Bearer k" }],
    [mistral, "https://api.mistral.ai/v1/chat/completions", { authorization: "Bearer k" }],
    [xai, "https://api.x.ai/v1/chat/completions", { authorization: "Bearer k" }],
    [hosts.openrouter, "https://openrouter.ai/api/v1/chat/completions", {
      authorization: "Bearer k",
    }],
    [ollama, "http://localhost:11434/v1/chat/completions", { authorization: "Bearer k" }],
    [
      azureOpenAI({ resource: "contoso" }),
      "https://contoso.openai.azure.com/openai/v1/chat/completions",
      {
        "api-key": "k",
      },
    ],
    [
      azureOpenAI({
        endpoint: "https://proxy.example/",
        deployment: "prod 4o",
        apiVersion: "2025-04-01-preview",
      }),
      "https://proxy.example/openai/deployments/prod%204o/chat/completions?api-version=2025-04-01-preview",
      { "api-key": "k" },
    ],
    [
      azureOpenAI({ resource: "contoso", auth: "bearer" }),
      "https://contoso.openai.azure.com/openai/v1/chat/completions",
      {
        authorization: "Bearer k",
      },
    ],
  ];
  for (const [host, url, auth] of cases) {
    const http = host.buildHttpRequest(hi(host.profile.models.chat), { apiKey: "k" });
    assert.equal(http.url, url, host.name);
    assert.deepEqual(http.headers, { "content-type": "application/json", ...auth }, host.name);
  }
});

test("hosts take a baseUrl with or without a trailing slash, and local ones need no key", () => {
  for (const baseUrl of ["http://127.0.0.1:9/v1", "http://127.0.0.1:9/v1/"]) {
    assert.equal(
      groq.buildHttpRequest(hi("llama-3.3-70b-versatile"), { apiKey: "k", baseUrl }).url,
      "http://127.0.0.1:9/v1/chat/completions",
    );
  }
  assert.deepEqual(ollama.buildHttpRequest(hi("llama3.2"), { apiKey: "" }).headers, {
    "content-type": "application/json",
  });
});

test("azureOpenAI refuses to be made without a resource or an endpoint", () => {
  assert.throws(() => azureOpenAI({}), {
    name: "ValidationError",
    provider: "azure",
    path: "resource",
    message: "Cannot create azureOpenAI: resource or endpoint is required",
  });
});

test("getHost finds every preset and names them all for an unknown one", () => {
  for (const name of Object.keys(hosts)) assert.equal(getHost(name).name, name);
  assert.throws(() => getHost("anyscale"), {
    name: "ValidationError",
    path: "host",
    message: `Cannot find host: "anyscale" is not one of ${Object.keys(hosts).join(", ")}`,
  });
});

test("hosts name themselves in errors, warnings and their providerOptions", () => {
  const error = groq.errorFromResponse(
    429,
    '{"error":{"message":"Rate limit reached","type":"tokens"}}',
  );
  assert.deepEqual([error.provider, error.category], ["groq", "rate_limit"]);
  const request: ChatRequest = {
    ...hi("deepseek-v4-flash"),
    providerOptions: { deepseek: { thinking: { type: "disabled" } }, openai: { store: true } },
  };
  const body = JSON.parse(deepseek.serializeRequest(request));
  assert.deepEqual(body.thinking, { type: "disabled" });
  assert.equal(body.store, undefined, "another provider's options are not sent");
  assert.throws(() => deepseek.serializeRequest({ ...hi("deepseek-v4-flash"), temperature: -1 }), {
    name: "ValidationError",
    provider: "deepseek",
  });
});

test("mistral preset sends max_tokens and no stream_options, which Mistral refuses", () => {
  const body = JSON.parse(
    mistral.serializeRequest({ ...hi("mistral-small-latest"), maxOutputTokens: 64 }, {
      stream: true,
    }),
  );
  assert.equal(body.max_tokens, 64);
  assert.equal(body.max_completion_tokens, undefined);
  assert.equal(body.stream, true);
  assert.equal(body.stream_options, undefined);
  const openaiBody = JSON.parse(
    openai.serializeRequest({ ...hi("gpt-4o"), maxOutputTokens: 64 }, { stream: true }),
  );
  assert.deepEqual([openaiBody.max_completion_tokens, openaiBody.stream_options], [64, {
    include_usage: true,
  }]);
});

test("host rows: efforts sent where the model takes them, dropped with a warning where it reasons alone", () => {
  assert.match(
    groq.serializeRequest({ ...hi("openai/gpt-oss-20b"), thinking: "low" }),
    /"reasoning_effort":"low"/,
  );
  const warnings: Warning[] = [];
  const body = JSON.parse(
    xai.serializeRequest({ ...hi("grok-4-0709"), thinking: "high" }, { warnings }),
  );
  assert.equal(body.reasoning_effort, undefined);
  assert.deepEqual(warnings, [{
    provider: "xai",
    path: "thinking",
    message: 'dropped: "grok-4-0709" reasons by itself and takes no reasoning control',
  }]);
  assert.throws(() => xai.serializeRequest({ ...hi("grok-4-0709"), stopSequences: ["END"] }), {
    path: "stopSequences",
    message:
      'Cannot serialize request for xai: stopSequences cannot be sent: "grok-4-0709" does not take stop',
  });
});

// The answer to the fixture's tool call, then a new question without tools.
function conversation(): Message[] {
  const first = deepseek.parseResponse(readFixture("hosts/deepseek_tool_loop.json"));
  const call = first.content.find((b) => b.type === "tool_call")!;
  const turn = (text: string, thinking: string): AssistantMessage => ({
    role: "assistant",
    provider: "deepseek",
    content: [{ type: "thinking", text: thinking }, { type: "text", text }],
  });
  return [
    { role: "user", content: "Weather in Paris?" },
    { role: "assistant", provider: "deepseek", content: first.content },
    {
      role: "tool",
      content: [{
        type: "tool_result",
        toolCallId: call.type === "tool_call" ? call.id : "",
        content: "18°C",
      }],
    },
    turn("It is 18°C in Paris.", "The tool says 18°C."),
    { role: "user", content: "Thanks! And 2 + 2?" },
    turn("4", "Simple arithmetic."),
    { role: "user", content: "Bye" },
  ];
}

test("deepseek serializeRequest sends reasoning_content on the turns of a tool loop only", () => {
  // api-docs.deepseek.com/guides/thinking_mode: between two user turns with tool calls, the
  // reasoning must go back in every later request (a 400 without it); elsewhere it is ignored.
  const messages = conversation();
  const body = JSON.parse(deepseek.serializeRequest({ model: "deepseek-v4-pro", messages }));
  const assistants = body.messages.filter((m: { role: string }) => m.role === "assistant");
  assert.deepEqual(assistants.map((m: { reasoning_content?: string }) => m.reasoning_content), [
    "The user wants the weather in Paris. I should call get_weather.",
    "The tool says 18°C.",
    undefined,
  ]);
  assert.equal(assistants[0].tool_calls[0].function.name, "get_weather");
});

test("deepseek serializeRequest keeps another provider's reasoning out, with a warning", () => {
  const messages = conversation().map((m) =>
    m.role === "assistant" ? { ...m, provider: "anthropic" } : m
  );
  const warnings: Warning[] = [];
  const body = JSON.parse(
    deepseek.serializeRequest({ model: "deepseek-v4-pro", messages }, { warnings }),
  );
  assert.equal(JSON.stringify(body).includes("reasoning_content"), false);
  assert.deepEqual(warnings.map((w) => [w.provider, w.path]), [
    ["deepseek", "messages[1].content[0]"],
    ["deepseek", "messages[3].content[0]"],
    ["deepseek", "messages[5].content[0]"],
  ]);
});

test("openai serializeRequest never sends reasoning_content, even for a tool loop", () => {
  const body = openai.serializeRequest({ model: "gpt-4o", messages: conversation() });
  assert.equal(body.includes("reasoning_content"), false);
});

test("openrouter reasoning_details go back unchanged on the turn they came with", () => {
  // openrouter.ai/docs/use-cases/reasoning-tokens#preserving-reasoning-blocks
  const text = readFixture("hosts/openrouter_reasoning_details.json");
  const received = JSON.stringify(JSON.parse(text).choices[0].message.reasoning_details);
  const streamed = openrouter.createStreamDecoder();
  streamed.push(readFixture("hosts/openrouter_reasoning_details.sse"));
  for (
    const [how, response] of [["body", openrouter.parseResponse(text)], [
      "stream",
      streamed.end(),
    ]] as const
  ) {
    const messages: Message[] = [
      { role: "user", content: "A haiku about rain?" },
      { role: "assistant", provider: response.provider, content: response.content },
      { role: "user", content: "Another" },
    ];
    const warnings: Warning[] = [];
    const body = JSON.parse(
      openrouter.serializeRequest({ model: "anthropic/claude-sonnet-4.5", messages }, { warnings }),
    );
    // A body's list goes back as received, byte for byte; a stream's merged pieces hold the
    // same entries (their keys in the order the pieces brought them).
    if (how === "body") assert.equal(JSON.stringify(body.messages[1].reasoning_details), received);
    else assert.deepEqual(body.messages[1].reasoning_details, JSON.parse(received));
    assert.equal(body.messages[1].reasoning_content, undefined);
    assert.deepEqual(warnings, [], "the reasoning text travels inside reasoning_details");
    // To another server the details are another provider's data: dropped, with a warning.
    const elsewhere: Warning[] = [];
    const other = JSON.parse(groq.serializeRequest({ model: "llama-3.3-70b-versatile", messages }, {
      warnings: elsewhere,
    }));
    assert.equal(other.messages[1].reasoning_details, undefined);
    assert.deepEqual(elsewhere.map((w) => w.path), [
      "messages[1].content[0]",
      "messages[1].content[1]",
    ]);
  }
});

test("azureOpenAIResponses speaks the Responses dialect at the resource, under its own name", () => {
  const azure = azureOpenAIResponses({ resource: "contoso" });
  const request: ChatRequest = { ...hi("gpt-5-mini"), thinking: "low" };
  const http = azure.buildHttpRequest(request, { apiKey: "k", store: true });
  assert.equal(http.url, "https://contoso.openai.azure.com/openai/v1/responses");
  assert.deepEqual(http.headers, { "content-type": "application/json", "api-key": "k" });
  assert.equal(JSON.parse(http.body).store, true);
  assert.deepEqual(
    azureOpenAIResponses({ endpoint: "https://proxy.example/", auth: "bearer" }).buildHttpRequest(
      request,
      {
        apiKey: "k",
      },
    ).headers,
    { "content-type": "application/json", authorization: "Bearer k" },
  );
  const body = readFixture("openai-responses/tool_calls.json");
  const response = azure.parseResponse(body);
  assert.equal(response.provider, "azure-responses");
  const decoder = azure.createStreamDecoder();
  decoder.push(readFixture("openai-responses/tool_calls.sse"));
  assert.deepEqual(decoder.end(), response);
  assert.equal(
    azure.errorFromResponse(429, '{"error":{"message":"slow down"}}').provider,
    "azure-responses",
  );
  assert.throws(() => azure.serializeRequest({ ...hi("gpt-5-mini"), stopSequences: ["x"] }), {
    provider: "azure-responses",
    path: "stopSequences",
  });
});

test("mistral preset renames seed and refuses what Mistral has no field for", () => {
  const body = JSON.parse(mistral.serializeRequest({ ...hi("mistral-small-latest"), seed: 7 }));
  assert.deepEqual([body.random_seed, body.seed], [7, undefined]);
  assert.throws(() => mistral.serializeRequest({ ...hi("mistral-small-latest"), userId: "u-1" }), {
    name: "ValidationError",
    provider: "mistral",
    path: "userId",
    message:
      "Cannot serialize request for mistral: userId cannot be sent: mistral takes no safety_identifier",
  });
});

test("xai preset refuses penalties and stop on reasoning models", () => {
  for (const model of ["grok-3-mini", "grok-4-0709", "grok-4.3"]) {
    for (const field of ["presencePenalty", "frequencyPenalty"] as const) {
      assert.throws(() => xai.serializeRequest({ ...hi(model), [field]: 0.5 }), {
        path: field,
        message:
          `Cannot serialize request for xai: ${field} cannot be sent: "${model}" takes no penalties`,
      });
    }
    assert.throws(() => xai.serializeRequest({ ...hi(model), stopSequences: ["x"] }), {
      path: "stopSequences",
    });
  }
  assert.equal(
    JSON.parse(xai.serializeRequest({ ...hi("grok-4-1-fast-non-reasoning"), presencePenalty: 0.5 }))
      .presence_penalty,
    0.5,
  );
});

test("openrouter serializeRequest warns of thinking it cannot send back without reasoning_details", () => {
  const warnings: Warning[] = [];
  openrouter.serializeRequest({
    model: "deepseek/deepseek-r1",
    messages: [
      { role: "user", content: "Hi" },
      {
        role: "assistant",
        provider: "openrouter",
        content: [{ type: "thinking", text: "t" }, { type: "text", text: "Hello" }],
      },
      { role: "user", content: "Again" },
    ],
  }, { warnings });
  assert.deepEqual(warnings.map((w) => w.path), ["messages[1].content[0]"]);
});

test("azure providers take a baseUrl and refuse a resource or endpoint that makes no URL", () => {
  const request = hi("gpt-5-mini");
  assert.equal(
    azureOpenAIResponses({ resource: "contoso" }).buildHttpRequest(request, {
      apiKey: "k",
      baseUrl: "http://127.0.0.1:9/v1/",
    }).url,
    "http://127.0.0.1:9/v1/responses",
  );
  assert.throws(() => azureOpenAI({ endpoint: "contoso.openai.azure.com" }), {
    name: "ValidationError",
    path: "endpoint",
    message:
      'Cannot create azureOpenAI: endpoint must be an http:// or https:// URL, got "contoso.openai.azure.com"',
  });
  assert.throws(() => azureOpenAIResponses({ resource: "" }), {
    name: "ValidationError",
    provider: "azure-responses",
    path: "resource",
  });
});

test("hosts read an error object at the top of the body, as Mistral sends it", () => {
  // Mistral's 422 for a field it does not document (docs.mistral.ai, "Extra inputs are not permitted").
  const body = JSON.stringify({
    object: "error",
    message: {
      detail: [{
        type: "extra_forbidden",
        loc: ["body", "stream_options"],
        msg: "Extra inputs are not permitted",
        input: { include_usage: true },
      }],
    },
    type: "invalid_request_error",
    param: null,
    code: null,
  });
  const error = mistral.errorFromResponse(422, body);
  assert.equal(error.message, "body.stream_options: Extra inputs are not permitted");
  assert.equal(error.code, "invalid_request_error");
  const plain = mistral.errorFromResponse(
    401,
    JSON.stringify({
      object: "error",
      message: "Unauthorized",
      type: "unauthorized",
      code: "1000",
    }),
  );
  assert.deepEqual([plain.message, plain.code, plain.category], ["Unauthorized", "1000", "auth"]);
});

import { test } from "node:test";
import assert from "node:assert/strict";
import type { ChatRequest, Warning } from "../../common/types.ts";
import { google } from "./mod.ts";
import { serializing } from "../../testing/internal/serialize.ts";

const { wire } = serializing(google);

const hi: ChatRequest = { model: "gemini-2.5-flash", messages: [{ role: "user", content: "Hi" }] };

test("google serializeRequest omits generationConfig when nothing sets it", () => {
  assert.equal(wire(hi).generationConfig, undefined);
});

// Another provider's signatures are dropped: ../replay_test.ts.
test("google serializeRequest replays a Gemini call's thought signature", () => {
  const turn = (provider: "google") => ({
    role: "assistant" as const,
    provider,
    content: [{
      type: "tool_call" as const,
      id: "x",
      name: "f",
      arguments: { a: 1 },
      signature: "sig",
    }],
  });
  const ours = wire({ ...hi, messages: [hi.messages[0], turn("google")] });
  assert.deepEqual(ours.contents[1].parts, [{
    functionCall: { name: "f", args: { a: 1 } },
    thoughtSignature: "sig",
  }]);
});

test("google serializeRequest names the function in a response from the call or toolName", () => {
  const body = wire({
    ...hi,
    messages: [
      hi.messages[0],
      {
        role: "assistant",
        content: [{ type: "tool_call", id: "c1", name: "lookup", arguments: {} }],
      },
      { role: "tool", content: [{ type: "tool_result", toolCallId: "c1", content: "ok" }] },
    ],
  });
  assert.deepEqual(body.contents[2], {
    role: "user",
    parts: [{ functionResponse: { name: "lookup", response: { output: "ok" } } }],
  });
});

test("google serializeRequest needs a media type for an image URL", () => {
  assert.throws(
    () =>
      google.serializeRequest({
        ...hi,
        messages: [{ role: "user", content: [{ type: "image", url: "https://x/y.png" }] }],
      }),
    {
      name: "ValidationError",
      path: "messages[0].content[0].mediaType",
      message:
        "Cannot serialize request for google: messages[0].content[0].mediaType is required for an image URL",
    },
  );
});

test("google buildHttpRequest names a models/ model once in the URL and not in the body", () => {
  const plain = google.buildHttpRequest(hi, { apiKey: "k" });
  const streamed = google.buildHttpRequest({ ...hi, model: "models/gemini-2.5-pro" }, {
    apiKey: "k",
    stream: true,
  });
  assert.equal(
    streamed.url,
    "https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-pro:streamGenerateContent?alt=sse",
  );
  assert.equal(streamed.body, plain.body);
});

test("google serializeRequest reports a converted schema's notes at the tool's index each time", () => {
  const schema = { type: "object", properties: { n: { type: "number", exclusiveMinimum: 0 } } };
  const paths = (tools: ChatRequest["tools"]) => {
    const warnings: Warning[] = [];
    google.serializeRequest({ ...hi, tools }, { warnings });
    return warnings.map((w) => w.path);
  };
  const tool = { name: "f", parameters: schema };
  assert.deepEqual(paths([tool]), ["tools[0].parameters.properties.n.exclusiveMinimum"]);
  // The second time the schema's conversion is remembered; the path still names its index.
  assert.deepEqual(paths([{ name: "g", parameters: { type: "object" } }, tool]), [
    "tools[1].parameters.properties.n.exclusiveMinimum",
  ]);
});

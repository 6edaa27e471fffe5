// The request features only the Responses dialect handles its own way (the rest: ../features_test.ts).
import { test } from "node:test";
import { type ChatRequest, openaiResponses } from "../../mod.ts";
import { serializing } from "../../testing/internal/serialize.ts";

const { refused } = serializing(openaiResponses);
const hi: ChatRequest = { model: "gpt-4o", messages: [{ role: "user", content: "Hi" }] };

test("openai-responses serializeRequest refuses provider tools for now", () => {
  refused(
    { ...hi, providerTools: [{ type: "web_search" }] },
    "providerTools",
    "are not supported by this dialect yet: use openai",
  );
});

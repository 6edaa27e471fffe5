import { test } from "node:test";
import assert from "node:assert/strict";
import { providers } from "../mod.ts";
import { main } from "./conversation.ts";

test("main streams the tool-using conversation on every provider against the mock server", async () => {
  let output = "";
  await main({}, (text) => output += text);
  for (const provider of Object.keys(providers)) {
    assert.ok(
      output.includes(
        `\n${provider} (mock server):\nLet me look that up.\n  → get_weather({"city":"Paris"})\n` +
          "It is 18 °C and sunny in Paris.\n",
      ),
      output,
    );
  }
});

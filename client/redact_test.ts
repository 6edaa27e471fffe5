import { test } from "node:test";
import assert from "node:assert/strict";
import { ProviderError } from "../common/errors.ts";
import { redactHeaders, scrubError } from "./redact.ts";

const key = "sk-live-0123456789";

test("redactHeaders hides credential headers and any value holding the key", () => {
  assert.deepEqual(
    redactHeaders({
      authorization: `Bearer ${key}`,
      "x-goog-api-key": "other",
      "x-custom": `k=${key}`,
      "content-type": "application/json",
    }, key),
    {
      authorization: "[redacted]",
      "x-goog-api-key": "[redacted]",
      "x-custom": "[redacted]",
      "content-type": "application/json",
    },
  );
});

test("scrubError removes the key from message, fields and the cause chain", () => {
  const cause = new TypeError(`fetch failed for ?key=${key}`);
  const error = new ProviderError("auth", `Incorrect API key provided: ${key}`, {
    provider: "openai",
    code: key,
    cause,
  });
  scrubError(error, key);
  assert.equal(error.message, "Incorrect API key provided: [redacted]");
  assert.equal(error.code, "[redacted]");
  assert.equal(cause.message, "fetch failed for ?key=[redacted]");
  assert.ok(!JSON.stringify(error).includes(key) && !String(error.stack).includes(key));
  assert.equal(scrubError("plain", key), "plain");
});

test("scrubError leaves naming fields alone when the key is a short placeholder", () => {
  // Ollama documents "ollama" as the key to send: it must not turn provider into "[redacted]".
  const error = new ProviderError("network", "Cannot reach ollama: connection refused", {
    provider: "ollama",
  });
  scrubError(error, "ollama");
  assert.deepEqual([error.provider, error.category, error.name], [
    "ollama",
    "network",
    "ProviderError",
  ]);
  assert.equal(error.message, "Cannot reach [redacted]: connection refused");
});

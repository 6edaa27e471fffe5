import { test } from "node:test";
import assert from "node:assert/strict";
import { ProviderError, ResponseParseError, RosettaError, ValidationError } from "./errors.ts";
import { emptyUsage } from "../codec/usage.ts";

test("RosettaError subclasses set name, provider and path", () => {
  const error = new ValidationError("Cannot serialize request for google: x", {
    provider: "google",
    path: "x",
  });
  assert.equal(error.name, "ValidationError");
  assert.equal(error.type, "validation");
  assert.equal(error.provider, "google");
  assert.equal(error.path, "x");
  assert.ok(error instanceof RosettaError && error instanceof Error);
});

test("RosettaError.isInstance recognises errors from another copy of the package", () => {
  // A second copy has its own classes but the same Symbol.for marker.
  const foreign = Object.assign(new Error("x"), {
    [Symbol.for("@rosetta/llm/error")]: true,
    name: "ProviderError",
  });
  assert.ok(RosettaError.isInstance(foreign));
  assert.ok(ProviderError.isInstance(foreign));
  assert.ok(!ValidationError.isInstance(foreign));
  assert.ok(!RosettaError.isInstance(new Error("plain")));
  assert.ok(!RosettaError.isInstance(null));
});

test("ResponseParseError keeps raw text, partial response and cause", () => {
  const cause = new SyntaxError("bad");
  const partial = {
    provider: "openai" as const,
    model: "m",
    content: [],
    finishReason: "unknown" as const,
    usage: emptyUsage(),
  };
  const error = new ResponseParseError("truncated_stream", "msg", {
    provider: "openai",
    raw: "{",
    partial,
    cause,
  });
  assert.equal(error.type, "truncated_stream");
  assert.equal(error.raw, "{");
  assert.equal(error.partial, partial);
  assert.equal(error.cause, cause);
});

test("ProviderError carries category, status, code and retryAfterMs", () => {
  const error = new ProviderError("rate_limit", "slow", {
    provider: "anthropic",
    status: 429,
    code: "rate_limit_error",
    retryAfterMs: 1000,
  });
  assert.deepEqual(
    [error.name, error.category, error.status, error.code, error.retryAfterMs],
    ["ProviderError", "rate_limit", 429, "rate_limit_error", 1000],
  );
  assert.equal(new ProviderError("network", "x").status, undefined);
});

import { test } from "node:test";
import assert from "node:assert/strict";
import { ProviderError } from "../../common/errors.ts";
import { readFixture } from "../../testing/internal/fixtures.ts";
import { anthropic } from "./mod.ts";

const cases: Array<[number, string, string, string]> = [
  [
    400,
    "invalid_request",
    "invalid_request_error",
    'messages: roles must alternate between "user" and "assistant", but found multiple "user" roles in a row',
  ],
  [401, "auth", "authentication_error", "invalid x-api-key"],
  [
    429,
    "rate_limit",
    "rate_limit_error",
    "This request would exceed the rate limit for your organization of 50 requests per minute.",
  ],
  [500, "server", "api_error", "Internal server error"],
  [529, "server", "overloaded_error", "Overloaded"],
];

for (const [status, category, code, message] of cases) {
  test(`anthropic errorFromResponse maps ${status} ${code} to ${category}`, () => {
    const error = anthropic.errorFromResponse(
      status,
      readFixture(`anthropic/error_${status}.json`),
    );
    assert.ok(error instanceof ProviderError);
    assert.deepEqual(
      [error.provider, error.category, error.status, error.code, error.message, error.retryAfterMs],
      ["anthropic", category, status, code, message, undefined],
    );
  });
}

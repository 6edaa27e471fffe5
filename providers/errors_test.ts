// errorFromResponse on every provider's error fixtures: the category, the provider's own code, the
// body's message and the retry delay, read the same way (codec/provider_error.ts) everywhere.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { ProviderError } from "../common/errors.ts";
import { readFixture } from "../testing/internal/fixtures.ts";
import { type ProviderName, providers } from "./mod.ts";

// Per error fixture: status, category, the provider's code and, where the body says, the delay.
const ERRORS: Record<ProviderName, Array<[number, string, string, number?]>> = {
  anthropic: [
    [400, "invalid_request", "invalid_request_error"],
    [401, "auth", "authentication_error"],
    [429, "rate_limit", "rate_limit_error"],
    [500, "server", "api_error"],
    [529, "server", "overloaded_error"],
  ],
  google: [
    [400, "invalid_request", "INVALID_ARGUMENT"],
    [401, "auth", "UNAUTHENTICATED"],
    [403, "auth", "PERMISSION_DENIED"],
    // RetryInfo.retryDelay "34.4s" in the body.
    [429, "rate_limit", "RESOURCE_EXHAUSTED", 34400],
    [500, "server", "INTERNAL"],
    [503, "server", "UNAVAILABLE"],
  ],
  openai: [
    [400, "invalid_request", "invalid_request_error"],
    [401, "auth", "invalid_api_key"],
    [429, "rate_limit", "rate_limit_exceeded"],
    [500, "server", "server_error"],
    [503, "server", "server_error"],
  ],
  "openai-responses": [
    [400, "invalid_request", "invalid_value"],
    [401, "auth", "invalid_api_key"],
    [429, "rate_limit", "rate_limit_exceeded"],
    [500, "server", "server_error"],
    [503, "server", "server_error"],
  ],
  // The exception's name comes in the x-amzn-errortype header (error_<status>.headers).
  bedrock: [
    [400, "invalid_request", "ValidationException"],
    [403, "auth", "AccessDeniedException"],
    [429, "rate_limit", "ThrottlingException"],
    [500, "server", "InternalServerException"],
    [503, "server", "ServiceUnavailableException"],
  ],
};

// The headers an error fixture came with, where the dialect names errors in one (Bedrock).
function headersOf(name: ProviderName, status: number): Headers | undefined {
  const file = new URL(`../fixtures/${name}/error_${status}.headers`, import.meta.url);
  return existsSync(file) ? new Headers(JSON.parse(readFileSync(file, "utf8"))) : undefined;
}

// `{error: {message}}` everywhere but Bedrock's `{message}`.
const messageOf = (body: { error?: { message: string }; message?: string }) =>
  body.error?.message ?? body.message;

for (const [name, rows] of Object.entries(ERRORS) as Array<[ProviderName, typeof ERRORS.google]>) {
  for (const [status, category, code, retryAfterMs] of rows) {
    test(`${name} errorFromResponse maps error_${status}.json (${code}) to ${category}`, () => {
      const body = readFixture(`${name}/error_${status}.json`);
      const error = providers[name].errorFromResponse(status, body, headersOf(name, status));
      assert.ok(error instanceof ProviderError);
      assert.deepEqual(
        [
          error.provider,
          error.category,
          error.status,
          error.code,
          error.message,
          error.retryAfterMs,
        ],
        [name, category, status, code, messageOf(JSON.parse(body)), retryAfterMs],
      );
    });
  }
}

// Google's body delay, where it gives one, comes before the headers.
for (const name of Object.keys(ERRORS) as ProviderName[]) {
  test(`${name} errorFromResponse reads retry-after-ms before retry-after`, () => {
    const body = readFixture(`${name}/error_429.json`);
    const delay = (headers: Record<string, string>) =>
      providers[name].errorFromResponse(429, body, new Headers(headers)).retryAfterMs;
    const fromBody = name === "google" ? 34400 : undefined;
    assert.equal(delay({ "retry-after-ms": "2130", "retry-after": "3" }), fromBody ?? 2130);
    assert.equal(delay({ "retry-after": "3" }), fromBody ?? 3000);
  });
}

for (const name of ["openai", "openai-responses"] as const) {
  test(`${name} errorFromResponse maps a content policy code to content_filter`, () => {
    const error = providers[name].errorFromResponse(
      400,
      '{"error":{"message":"blocked","type":"invalid_request_error","code":"content_policy_violation"}}',
    );
    assert.deepEqual([error.category, error.code], ["content_filter", "content_policy_violation"]);
  });
}

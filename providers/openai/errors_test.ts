import { test } from "node:test";
import assert from "node:assert/strict";
import { readFixture } from "../../testing/internal/fixtures.ts";
import { openai } from "./mod.ts";

const cases: Array<[number, string, string | undefined]> = [
  [400, "invalid_request", "invalid_request_error"],
  [401, "auth", "invalid_api_key"],
  [429, "rate_limit", "rate_limit_exceeded"],
  [500, "server", "server_error"],
  [503, "server", "server_error"],
];

for (const [status, category, code] of cases) {
  test(`openai errorFromResponse maps ${status} to ${category}`, () => {
    const body = readFixture(`openai/error_${status}.json`);
    const error = openai.errorFromResponse(status, body);
    assert.deepEqual(
      [error.provider, error.category, error.status, error.code, error.message],
      ["openai", category, status, code, JSON.parse(body).error.message],
    );
  });
}

test("openai errorFromResponse reads retry-after-ms before retry-after", () => {
  const headers = new Headers({ "retry-after-ms": "2130", "retry-after": "3" });
  assert.equal(
    openai.errorFromResponse(429, readFixture("openai/error_429.json"), headers).retryAfterMs,
    2130,
  );
  assert.equal(
    openai.errorFromResponse(
      429,
      readFixture("openai/error_429.json"),
      new Headers({ "retry-after": "3" }),
    ).retryAfterMs,
    3000,
  );
});

test("openai errorFromResponse maps a content policy code to content_filter", () => {
  const error = openai.errorFromResponse(
    400,
    '{"error":{"message":"blocked","type":"invalid_request_error","code":"content_policy_violation"}}',
  );
  assert.equal(error.category, "content_filter");
});

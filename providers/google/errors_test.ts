import { test } from "node:test";
import assert from "node:assert/strict";
import { readFixture } from "../../testing/internal/fixtures.ts";
import { durationToMs } from "./errors.ts";
import { google } from "./mod.ts";

const cases: Array<[number, string, string]> = [
  [400, "invalid_request", "INVALID_ARGUMENT"],
  [401, "auth", "UNAUTHENTICATED"],
  [403, "auth", "PERMISSION_DENIED"],
  [429, "rate_limit", "RESOURCE_EXHAUSTED"],
  [500, "server", "INTERNAL"],
  [503, "server", "UNAVAILABLE"],
];

for (const [status, category, code] of cases) {
  test(`google errorFromResponse maps ${status} ${code} to ${category}`, () => {
    const body = readFixture(`google/error_${status}.json`);
    const error = google.errorFromResponse(status, body);
    assert.deepEqual(
      [error.provider, error.category, error.status, error.code, error.message],
      ["google", category, status, code, JSON.parse(body).error.message],
    );
  });
}

test("google errorFromResponse reads RetryInfo.retryDelay from the body", () => {
  assert.equal(
    google.errorFromResponse(429, readFixture("google/error_429.json")).retryAfterMs,
    34400,
  );
});

test("durationToMs reads protobuf durations", () => {
  assert.equal(durationToMs("34.4s"), 34400);
  assert.equal(durationToMs("1s"), 1000);
  assert.equal(durationToMs("0.5s"), 500);
  assert.equal(durationToMs("s"), undefined);
  assert.equal(durationToMs("10m"), undefined);
  assert.equal(durationToMs(10), undefined);
});

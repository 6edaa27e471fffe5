import { test } from "node:test";
import assert from "node:assert/strict";
import { categoryForStatus, messageFromText, retryAfterFromHeaders } from "./http.ts";

test("categoryForStatus follows the category table", () => {
  const table: Array<[number, string]> = [
    [400, "invalid_request"],
    [401, "auth"],
    [403, "auth"],
    [404, "not_found"],
    [408, "timeout"],
    [413, "invalid_request"],
    [422, "invalid_request"],
    [429, "rate_limit"],
    [500, "server"],
    [502, "server"],
    [503, "server"],
    [504, "timeout"],
    [529, "server"],
    [418, "unknown"],
    [302, "unknown"],
  ];
  for (const [status, category] of table) {
    assert.equal(categoryForStatus(status), category, String(status));
  }
});

test("retryAfterFromHeaders prefers retry-after-ms", () => {
  assert.equal(
    retryAfterFromHeaders(new Headers({ "retry-after-ms": "1500", "retry-after": "9" })),
    1500,
  );
});

test("retryAfterFromHeaders reads seconds, fractional seconds and HTTP dates", () => {
  assert.equal(retryAfterFromHeaders(new Headers({ "retry-after": "20" })), 20000);
  assert.equal(retryAfterFromHeaders(new Headers({ "retry-after": "1.5" })), 1500);
  const now = Date.parse("Wed, 21 Oct 2026 07:28:00 GMT");
  assert.equal(
    retryAfterFromHeaders(new Headers({ "retry-after": "Wed, 21 Oct 2026 07:28:30 GMT" }), now),
    30000,
  );
});

test("retryAfterFromHeaders ignores absent and unreadable values", () => {
  assert.equal(retryAfterFromHeaders(undefined), undefined);
  assert.equal(retryAfterFromHeaders(new Headers()), undefined);
  assert.equal(retryAfterFromHeaders(new Headers({ "retry-after": "soon" })), undefined);
  assert.equal(retryAfterFromHeaders(new Headers({ "retry-after": "" })), undefined);
});

test("messageFromText shortens an HTML error page to one line", () => {
  assert.equal(
    messageFromText(502, "<html>\n <body>Bad   gateway</body></html>"),
    "HTTP 502: <html> <body>Bad gateway</body></html>",
  );
  assert.equal(messageFromText(500, ""), "HTTP 500");
  assert.equal(messageFromText(500, "x".repeat(300)).length, "HTTP 500: ".length + 201);
});

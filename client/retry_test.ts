import { test } from "node:test";
import assert from "node:assert/strict";
import { type ErrorCategory, ProviderError } from "../common/errors.ts";
import { backoffMs, RETRY_AFTER_MAX_MS, retryDelay, sleep } from "./retry.ts";

const error = (category: ErrorCategory, retryAfterMs?: number) =>
  new ProviderError(category, "failed", { provider: "openai", retryAfterMs });
const policy = { maxRetries: 2, random: () => 0.5 };

test("backoffMs draws from [0, min(8 s, 500 ms · 2^(retry − 1)))", () => {
  const top = () => 1 - Number.EPSILON;
  assert.deepEqual([1, 2, 3, 4, 5, 6].map((retry) => backoffMs(retry, top)), [
    499,
    999,
    1999,
    3999,
    7999,
    7999,
  ]);
  assert.equal(backoffMs(3, () => 0), 0);
});

test("retryDelay retries only transient categories", () => {
  const retried = (["rate_limit", "server", "timeout", "network"] as const)
    .map((category) => retryDelay(error(category), 1, policy, Infinity));
  assert.deepEqual(retried, [250, 250, 250, 250]);
  for (const category of ["auth", "invalid_request", "not_found", "content_filter", "unknown"]) {
    assert.equal(retryDelay(error(category as ErrorCategory), 1, policy, Infinity), undefined);
  }
});

test("retryDelay honours retryAfterMs exactly and stops after maxRetries", () => {
  assert.equal(retryDelay(error("rate_limit", 1234), 1, policy, Infinity), 1234);
  assert.equal(retryDelay(error("rate_limit", 0), 2, policy, Infinity), 0);
  assert.equal(retryDelay(error("rate_limit", 10), 3, policy, Infinity), undefined);
  assert.equal(retryDelay(error("server"), 1, { ...policy, maxRetries: 0 }, Infinity), undefined);
});

test("retryDelay gives up on a wait past the cap or the deadline", () => {
  assert.equal(retryDelay(error("rate_limit", RETRY_AFTER_MAX_MS), 1, policy, Infinity), 60_000);
  assert.equal(
    retryDelay(error("rate_limit", RETRY_AFTER_MAX_MS + 1), 1, policy, Infinity),
    undefined,
  );
  assert.equal(retryDelay(error("rate_limit", 100), 1, policy, 100), undefined);
  assert.equal(retryDelay(error("server"), 1, policy, 0), undefined);
});

test("sleep rejects with the signal's reason and leaves no timer", async () => {
  const controller = new AbortController();
  const reason = new Error("stop");
  const started = performance.now();
  const waiting = sleep(10_000, controller.signal);
  controller.abort(reason);
  await assert.rejects(waiting, (e) => e === reason);
  assert.ok(performance.now() - started < 1_000);
  await assert.rejects(sleep(5, controller.signal), (e) => e === reason);
  await sleep(1, new AbortController().signal);
});

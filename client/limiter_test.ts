import { test } from "node:test";
import assert from "node:assert/strict";
import { Limiter } from "./limiter.ts";

const never = new AbortController().signal;

test("Limiter hands slots to waiters in FIFO order", async () => {
  const limiter = new Limiter(2);
  const order: number[] = [];
  await limiter.acquire(never);
  await limiter.acquire(never);
  const waiting = [1, 2, 3].map((n) => limiter.acquire(never).then(() => order.push(n)));
  assert.equal(limiter.queued, 3);
  limiter.release();
  limiter.release();
  limiter.release();
  await Promise.all(waiting);
  assert.deepEqual(order, [1, 2, 3]);
  assert.equal(limiter.active, 2);
});

test("Limiter drops an aborted waiter from the queue and rejects with the reason", async () => {
  const limiter = new Limiter(1);
  await limiter.acquire(never);
  const controller = new AbortController();
  const reason = new Error("gone");
  const aborted = limiter.acquire(controller.signal);
  const next = limiter.acquire(never);
  controller.abort(reason);
  await assert.rejects(aborted, (e) => e === reason);
  assert.equal(limiter.queued, 1);
  limiter.release();
  await next;
  assert.equal(limiter.active, 1);
  limiter.release();
  assert.equal(limiter.active, 0);
});

test("Limiter refuses at once when the signal is already aborted", async () => {
  const controller = new AbortController();
  controller.abort("early");
  await assert.rejects(new Limiter(1).acquire(controller.signal), (e) => e === "early");
});

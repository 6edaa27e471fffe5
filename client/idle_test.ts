import { test } from "node:test";
import assert from "node:assert/strict";
import { IdleTimer } from "./idle.ts";

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test("IdleTimer fires when one wait lasts past the limit", async () => {
  let fired = 0;
  const idle = new IdleTimer(20, () => fired++);
  idle.wait();
  await pause(50);
  assert.equal(fired, 1);
  idle.stop();
});

test("IdleTimer does not count time when nothing is awaited", async () => {
  let fired = 0;
  const idle = new IdleTimer(30, () => fired++);
  for (let i = 0; i < 4; i++) {
    idle.wait();
    await pause(10);
    idle.arrived();
    await pause(25);
  }
  assert.equal(fired, 0);
  idle.stop();
});

// A request is checked and mapped the same whatever object carries it: a class instance with
// getters gets the same refusals and the same wire fields as an object literal.
import { test } from "node:test";
import assert from "node:assert/strict";
import { ValidationError } from "../common/errors.ts";
import type { ChatRequest, Message } from "../common/types.ts";
import { providers } from "./mod.ts";

class Request {
  readonly model: string;
  readonly #fields: Record<string, unknown>;
  constructor(model: string, fields: Record<string, unknown>) {
    this.model = model;
    this.#fields = fields;
  }
  get messages(): Message[] {
    return [{ role: "user", content: "Hi" }];
  }
  get temperature(): unknown {
    return this.#fields.temperature;
  }
  get topP(): unknown {
    return this.#fields.topP;
  }
}

for (const provider of Object.values(providers)) {
  const model = provider.profile.models.chat;
  const serialize = (request: object) =>
    JSON.parse(provider.serializeRequest(request as ChatRequest, { warnings: [] }));

  test(`${provider.name} refuses a bad field of a class-instance request as of a literal`, () => {
    for (const fields of [{ temperature: -5 }, { topP: 7 }]) {
      assert.throws(() => serialize(new Request(model, fields)), ValidationError);
      assert.throws(
        () => serialize({ model, messages: [{ role: "user", content: "Hi" }], ...fields }),
        ValidationError,
      );
    }
  });

  test(`${provider.name} writes a class-instance request's fields as a literal's`, () => {
    const literal = {
      model,
      messages: [{ role: "user", content: "Hi" }],
      topP: 0.5,
    } as ChatRequest;
    assert.deepEqual(serialize(new Request(model, { topP: 0.5 })), serialize(literal));
  });
}

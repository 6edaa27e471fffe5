import { test } from "node:test";
import assert from "node:assert/strict";
import { getProvider, providers } from "./mod.ts";

test("providers registers each provider under its own name", () => {
  for (const [name, provider] of Object.entries(providers)) assert.equal(provider.name, name);
});

test("providers gives each provider a profile with a label and its models", () => {
  for (const provider of Object.values(providers)) {
    const { label, models } = provider.profile;
    assert.ok(label !== "", provider.name);
    assert.ok(models.chat !== "" && models.thinking !== "", provider.name);
  }
});

test("getProvider names every registered provider when the name is unknown", () => {
  assert.throws(() => getProvider("mistral"), {
    name: "ValidationError",
    path: "provider",
    message: `Cannot find provider: "mistral" is not one of ${Object.keys(providers).join(", ")}`,
  });
  assert.throws(() => getProvider("toString"), { name: "ValidationError" });
});

test("providers' profile thinking model takes every thinking level", () => {
  for (const provider of Object.values(providers)) {
    for (const thinking of ["low", "medium", "high"] as const) {
      const model = provider.profile.models.thinking;
      assert.ok(
        provider.serializeRequest({ model, thinking, messages: [{ role: "user", content: "Hi" }] }),
      );
    }
  }
});

/**
 * Merges the escape hatch, a request's `providerOptions` for one provider, into that provider's
 * wire body in the same pass that builds it.
 *
 * @module
 */

import { refuse } from "../common/refuse.ts";
import type { JsonObject } from "../common/json_object.ts";
import { describeValue } from "./describe.ts";
import { isJsonObject } from "./json.ts";

/**
 * Merges a provider's options into the body being built. A field the body lacks is added; an
 * object field the body has too is merged one level deep (`generationConfig`, `output_config`,
 * `metadata`) and `tools` is appended to (provider tools beside the canonical ones); any other
 * value rosetta already wrote from a canonical field is refused, so that the canonical field stays
 * the one way to set it — the conversation above all (`messages`, `input`, `contents`: raw turns
 * would bypass validation), and arrays such as `stop` (joined, they would pass the API's limit).
 *
 * @param body The wire body, changed in place (objects and arrays rosetta made are replaced).
 * @param options The provider's options from the request.
 * @param provider The provider, named in errors and in the path.
 * @throws {ValidationError} Naming `providerOptions.<provider>.<field>` on a collision.
 */
export function mergeProviderOptions(
  body: JsonObject,
  options: unknown,
  provider: string,
): void {
  const at = `providerOptions.${provider}`;
  if (!isJsonObject(options)) {
    refuse(provider, at, `must be an object, got ${describeValue(options)}`);
  }
  for (const key in options) {
    const value = options[key];
    if (value === undefined) continue;
    const mine = body[key];
    if (mine === undefined) body[key] = value;
    else if (key === "tools" && Array.isArray(mine) && Array.isArray(value)) {
      body[key] = [...mine, ...value];
    } else if (isJsonObject(mine) && isJsonObject(value)) {
      for (const inner in value) {
        if (mine[inner] !== undefined) {
          refuse(provider, `${at}.${key}.${inner}`, "is already set from a canonical field");
        }
      }
      body[key] = { ...mine, ...value };
    } else refuse(provider, `${at}.${key}`, "is already set from a canonical field");
  }
}

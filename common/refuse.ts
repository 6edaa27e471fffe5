/**
 * The one way a serializer refuses a request field, beside the errors it throws.
 *
 * @module
 */

import { ValidationError } from "./errors.ts";

/**
 * Throws the {@link ValidationError} for a request field that cannot be sent.
 *
 * @param provider The provider the request is being serialized for.
 * @param path The field, e.g. `stopSequences` or `thinking.effort`.
 * @param detail What is wrong with it, read after the path.
 * @throws {ValidationError} Always.
 */
export function refuse(provider: string, path: string, detail: string): never {
  throw new ValidationError(`Cannot serialize request for ${provider}: ${path} ${detail}`, {
    provider,
    path,
  });
}

/**
 * Helpers for serializer tests: the wire body, the warnings, and a refusal checked to the letter
 * (its name, provider, path and whole message).
 *
 * @module
 */

import assert from "node:assert/strict";
import { ValidationError } from "../../common/errors.ts";
import type { SerializeOptions } from "../../common/provider.ts";
import type { ChatRequest, Warning } from "../../common/types.ts";

/** A serialized request body, read as loosely typed JSON. */
// deno-lint-ignore no-explicit-any
export type WireBody = Record<string, any>;

/** The part of a provider the helpers call. */
export interface Serializer<Options extends SerializeOptions = SerializeOptions> {
  /** The provider's name, as its errors spell it. */
  readonly name: string;
  /** Canonical request → wire JSON body. */
  serializeRequest(request: ChatRequest, options?: Options): string;
}

/** The helpers {@link serializing} returns, bound to one provider. */
export interface Serializing<Options extends SerializeOptions = SerializeOptions> {
  /**
   * The request serialized and parsed back.
   *
   * @param request The canonical request.
   * @param warnings Receives the warnings, if given.
   * @param options Further serialize options of the provider.
   * @returns The wire body.
   */
  wire(
    request: ChatRequest,
    warnings?: Warning[],
    options?: Omit<Options, "warnings">,
  ): WireBody;
  /**
   * The warnings serializing the request gives.
   *
   * @param request The canonical request.
   * @returns The warnings, in order.
   */
  warned(request: ChatRequest): Warning[];
  /**
   * Asserts that serializing the request throws a {@link ValidationError} of this provider at
   * `path`, with the message `Cannot serialize request for <provider>: <path> <detail>`.
   *
   * @param request The canonical request.
   * @param path The field path the error names.
   * @param detail What the message says after the path.
   */
  refused(request: ChatRequest, path: string, detail: string): void;
}

/**
 * Binds the serializer test helpers to a provider.
 *
 * @param provider The provider, e.g. `anthropic`.
 * @returns `wire`, `warned` and `refused` for it.
 */
export function serializing<Options extends SerializeOptions>(
  provider: Serializer<Options>,
): Serializing<Options> {
  const wire = (
    request: ChatRequest,
    warnings?: Warning[],
    options?: Omit<Options, "warnings">,
  ): WireBody =>
    JSON.parse(provider.serializeRequest(request, { ...options, warnings } as Options));
  return {
    wire,
    warned(request: ChatRequest): Warning[] {
      const warnings: Warning[] = [];
      wire(request, warnings);
      return warnings;
    },
    refused(request: ChatRequest, path: string, detail: string): void {
      assert.throws(() => provider.serializeRequest(request), (error: unknown) => {
        assert.ok(ValidationError.isInstance(error), `not a ValidationError: ${error}`);
        assert.deepEqual([error.name, error.provider, error.path, error.message], [
          "ValidationError",
          provider.name,
          path,
          `Cannot serialize request for ${provider.name}: ${path} ${detail}`,
        ]);
        return true;
      });
    },
  };
}

/**
 * A request whose one user turn is a document block with the given fields, which may be
 * incomplete or invalid on purpose.
 *
 * @param request The request to take the model and settings from.
 * @param block The document's fields, besides `type`.
 * @returns The request with that one message.
 */
export function doc(request: ChatRequest, block: Record<string, string>): ChatRequest {
  return {
    ...request,
    messages: [{ role: "user", content: [{ type: "document", ...block } as never] }],
  };
}

/**
 * A client's `countTokens`: the provider's counting endpoint through one call (retries,
 * timeouts, abort, hook events), or the offline estimate where the provider has none.
 *
 * @module
 */

import { Call, type CallSettings } from "./call.ts";
import { estimateTokens } from "../codec/estimate.ts";
import type { HttpRequest, Provider, SerializeOptions } from "../common/provider.ts";
import type { ChatRequest } from "../common/types.ts";

/** A request's input tokens, counted by the provider or estimated. */
export interface TokenCount {
  /** Input tokens: the provider's count, or the estimate. */
  inputTokens: number;
  /**
   * Whether this is {@link estimateTokens}' offline estimate, the provider having no counting
   * endpoint here (OpenAI Chat Completions, the hosts).
   */
  estimated: boolean;
}

/**
 * Counts a request's input tokens for a client.
 *
 * @param settings The client's settings.
 * @param request The canonical request.
 * @param signal The caller's abort signal.
 * @param serialize The call's serializer options (warnings, the provider's own).
 * @param build Builds the count request with the client's key, root and headers.
 * @returns The count.
 * @throws {ValidationError} Before sending, for a request the provider cannot take.
 * @throws {ProviderError} When the provider fails (after retries).
 */
export async function countTokens(
  settings: CallSettings,
  request: ChatRequest,
  signal: AbortSignal | undefined,
  serialize: SerializeOptions,
  build: (builder: NonNullable<Provider["buildCountTokensRequest"]>) => HttpRequest,
): Promise<TokenCount> {
  const provider = settings.provider;
  const builder = provider.buildCountTokensRequest;
  const parse = provider.parseCountTokensResponse;
  if (builder === undefined || parse === undefined) {
    provider.serializeRequest(request, serialize); // refuses what the provider cannot take
    return { inputTokens: estimateTokens(request, { provider: provider.name }), estimated: true };
  }
  const call = new Call(settings, build(builder), false, signal, {
    operation: "count_tokens",
    request,
  });
  try {
    const inputTokens = parse.call(provider, await call.connect((res) => res.text()));
    call.finish();
    return { inputTokens, estimated: false };
  } catch (error) {
    throw call.finish(error);
  }
}

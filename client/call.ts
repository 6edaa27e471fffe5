/**
 * One client call from start to end: its place in the concurrency queue, its deadline, the
 * caller's abort signal, the attempts and the waits between them, and what the hook hears. Every
 * timer and listener it takes is given back by {@link Call.release}, which every way out
 * reaches; {@link Call.finish}, once the caller has the outcome, also hands the slot on.
 *
 * @module
 */

import type { ClientEvent } from "./events.ts";
import { ProviderError } from "../common/errors.ts";
import { IdleTimer } from "./idle.ts";
import type { Limiter } from "./limiter.ts";
import type { HttpRequest, Provider } from "../common/provider.ts";
import type { ChatRequest, ChatResponse } from "../common/types.ts";
import { redactHeaders, scrubError, scrubText } from "./redact.ts";
import { retryDelay, type Sleep } from "./retry.ts";

/** What a client sends requests with: the standard `fetch`, or any function like it. */
export type FetchFunction = (url: string, init: RequestInit) => Promise<Response>;

/** A client's settings, defaults applied. */
export interface CallSettings {
  /** The dialect. */
  provider: Provider;
  /** Kept out of every error and event. */
  apiKey: string;
  /** Sends the requests. */
  fetch: FetchFunction;
  /** Retries after the first attempt. */
  maxRetries: number;
  /** The whole call's limit; Infinity for none. */
  timeoutMs: number;
  /** Streams: the longest wait for headers or the next chunk. */
  idleTimeoutMs?: number;
  /** The client's concurrency cap, if any. */
  limiter?: Limiter;
  /** The observability hook. */
  onEvent?: (event: ClientEvent) => void;
  /** Jitter source. */
  random: () => number;
  /** Waits between attempts. */
  sleep: Sleep;
}

type Outcome<T> = { ok: true; value: T } | { ok: false; error: ProviderError };

// Past this, setTimeout fires at once instead of never.
const MAX_TIMER_MS = 2 ** 31 - 1;
// The timeouts a call raises itself, as opposed to a reason the caller aborted with.
const OWN_TIMEOUTS = new WeakSet<ProviderError>();
let calls = 0;

/** What a call is for, as its hook events say. */
export interface CallPurpose {
  /** A chat or a token count. */
  operation: "chat" | "count_tokens";
  /** The canonical request. */
  request: ChatRequest;
}

/** One call: queueing, deadline, abort, attempts with retries, hook events, clean-up. */
export class Call {
  readonly #s: CallSettings;
  readonly #http: HttpRequest;
  readonly #stream: boolean;
  readonly #purpose: CallPurpose;
  readonly #id = ++calls;
  readonly #start = performance.now();
  readonly #deadline: number;
  // Set once the call is aborted (caller, deadline): every later attempt starts aborted.
  #aborted = false;
  #reason: unknown;
  // The queue wait's and retry waits' signal, made only when the call waits for either: a call
  // that neither queues nor retries aborts its one attempt directly.
  #controller?: AbortController;
  #attempt?: AbortController;
  #attempts = 0;
  #timer?: ReturnType<typeof setTimeout>;
  #signal?: AbortSignal;
  #onAbort?: () => void;
  #holding = false;
  #released = false;
  #finished = false;
  /** The idle watchdog of the attempt whose body is being read (streams with an idle limit). */
  idle?: IdleTimer;

  /**
   * @param settings The client's settings.
   * @param http What to send.
   * @param stream Whether the response is a stream (the idle limit applies).
   * @param signal The caller's abort signal.
   * @param purpose The operation and model, for the hook's events.
   */
  constructor(
    settings: CallSettings,
    http: HttpRequest,
    stream: boolean,
    signal: AbortSignal | undefined,
    purpose: CallPurpose,
  ) {
    this.#s = settings;
    this.#http = http;
    this.#stream = stream;
    this.#purpose = purpose;
    this.#deadline = this.#start + settings.timeoutMs;
    if (signal?.aborted) this.#abort(signal.reason);
    else if (signal !== undefined) {
      this.#signal = signal;
      this.#onAbort = () => this.#abort(signal.reason);
      signal.addEventListener("abort", this.#onAbort, { once: true });
    }
    if (settings.timeoutMs <= MAX_TIMER_MS) {
      this.#timer = setTimeout(() => {
        const name = settings.provider.name;
        this.#abort(
          this.#timeout(`Cannot complete ${name} call: no result within ${settings.timeoutMs} ms`),
        );
      }, settings.timeoutMs);
    }
  }

  #abort(reason: unknown): void {
    if (!this.#aborted) {
      this.#aborted = true;
      this.#reason = reason;
      this.#controller?.abort(reason);
    }
    this.#attempt?.abort(reason);
  }

  // The whole call's signal, for waits outside an attempt.
  #waitSignal(): AbortSignal {
    if (this.#controller === undefined) {
      this.#controller = new AbortController();
      if (this.#aborted) this.#controller.abort(this.#reason);
    }
    return this.#controller.signal;
  }

  #timeout(message: string): ProviderError {
    const error = new ProviderError("timeout", message, { provider: this.#s.provider.name });
    OWN_TIMEOUTS.add(error);
    return error;
  }

  // Callers check for a hook first, so that events cost nothing without one.
  #emit(event: ClientEvent): void {
    try {
      this.#s.onEvent?.(event);
    } catch {
      // A hook must not break the call it observes.
    }
  }

  #base(): { call: number; provider: string; elapsedMs: number } {
    return {
      call: this.#id,
      provider: this.#s.provider.name,
      elapsedMs: performance.now() - this.#start,
    };
  }

  /** The current attempt's signal: it aborts on the caller's abort, the deadline or idleness. */
  get signal(): AbortSignal {
    return this.#attempt!.signal;
  }

  /**
   * Why the current attempt was cut, if it was: the caller's reason or a timeout.
   *
   * @returns The reason, or undefined while the attempt runs.
   */
  interrupted(): unknown {
    const signal = this.#attempt?.signal;
    return signal?.aborted ? signal.reason : undefined;
  }

  /**
   * Takes a concurrency slot, then sends attempts until one succeeds or a failure is final.
   *
   * @param read Turns a 2xx response into the result (reading the body counts as the attempt).
   * @returns What `read` returned.
   * @throws The final {@link ProviderError}, or the caller's abort reason.
   */
  async connect<T>(read: (response: Response) => T | Promise<T>): Promise<T> {
    if (this.#s.limiter !== undefined) {
      await this.#s.limiter.acquire(this.#waitSignal());
      this.#holding = true;
    }
    while (true) {
      const outcome = await this.#try(read);
      if (outcome.ok) return outcome.value;
      const error = outcome.error;
      const remaining = this.#deadline - performance.now();
      const delayMs = retryDelay(error, this.#attempts, this.#s, remaining);
      if (delayMs === undefined) throw error;
      scrubError(error, this.#s.apiKey);
      if (this.#s.onEvent !== undefined) {
        this.#emit({ type: "retry", ...this.#base(), attempt: this.#attempts, delayMs, error });
      }
      await this.#s.sleep(delayMs, this.#waitSignal());
    }
  }

  async #try<T>(read: (response: Response) => T | Promise<T>): Promise<Outcome<T>> {
    const attempt = new AbortController();
    this.#attempt = attempt;
    if (this.#aborted) attempt.abort(this.#reason);
    const n = ++this.#attempts;
    let http = this.#http;
    if (this.#s.provider.authorize !== undefined) {
      try {
        http = await this.#s.provider.authorize(http, attempt.signal);
      } catch (cause) {
        return { ok: false, error: this.#unauthorized(cause) };
      }
    }
    const { url, method, headers, body } = http;
    if (this.#s.onEvent !== undefined) {
      const key = this.#s.apiKey;
      this.#emit({
        type: "request",
        ...this.#base(),
        attempt: n,
        operation: this.#purpose.operation,
        request: this.#purpose.request,
        method,
        url: scrubText(url, key),
        headers: redactHeaders(headers, key),
        stream: this.#stream,
      });
    }
    const idleMs = this.#stream ? this.#s.idleTimeoutMs : undefined;
    const idle = idleMs === undefined ? undefined : new IdleTimer(idleMs, () => {
      const name = this.#s.provider.name;
      attempt.abort(this.#timeout(`Cannot read ${name} stream: nothing arrived for ${idleMs} ms`));
    });
    idle?.wait();
    try {
      const response = await this.#s.fetch(url, { method, headers, body, signal: attempt.signal });
      idle?.arrived();
      if (this.#s.onEvent !== undefined) {
        this.#emit({ type: "response", ...this.#base(), attempt: n, status: response.status });
      }
      if (response.ok) {
        const value = await read(response);
        this.idle = idle;
        return { ok: true, value };
      }
      idle?.stop();
      const text = await response.text();
      return {
        ok: false,
        error: this.#s.provider.errorFromResponse(response.status, text, response.headers),
      };
    } catch (cause) {
      idle?.stop();
      return { ok: false, error: this.#failure(cause) };
    }
  }

  // A fetch or body read that threw: the caller's abort (thrown on), a timeout, or the network.
  #failure(cause: unknown): ProviderError {
    return this.#thrown(cause, "network", (provider) => `Cannot reach ${provider}`);
  }

  // Credentials that could not be had (a token callback that threw): final, not retried.
  #unauthorized(cause: unknown): ProviderError {
    return this.#thrown(cause, "auth", (provider) => `Cannot authorize ${provider} request`);
  }

  // What an attempt's throw means: the caller's abort is thrown on, the call's own timeout returned,
  // anything else becomes an error of `category` whose message ends with the cause's.
  #thrown(
    cause: unknown,
    category: "network" | "auth",
    what: (provider: string) => string,
  ): ProviderError {
    const reason = this.interrupted();
    if (reason !== undefined) {
      if (OWN_TIMEOUTS.has(reason as ProviderError)) return reason as ProviderError;
      throw reason;
    }
    const provider = this.#s.provider.name;
    const detail = (cause as Error)?.message ?? String(cause);
    return new ProviderError(category, `${what(provider)}: ${detail}`, { provider, cause });
  }

  /** Gives back the timers and the signal listener (idempotent). */
  release(): void {
    if (this.#released) return;
    this.#released = true;
    clearTimeout(this.#timer);
    if (this.#onAbort !== undefined) this.#signal!.removeEventListener("abort", this.#onAbort);
    this.idle?.stop();
  }

  /**
   * Ends the call: releases it and, the first time, tells the hook and gives the concurrency
   * slot to the next call. An error gets the attempt count (a {@link ProviderError}) and loses
   * any trace of the API key.
   *
   * @param error What the caller receives instead of a response, if anything.
   * @param response The response, when the call produced one.
   * @returns The same error.
   */
  finish<E>(error?: E, response?: ChatResponse): E | undefined {
    if (ProviderError.isInstance(error)) error.attempts = this.#attempts;
    scrubError(error, this.#s.apiKey);
    this.release();
    if (!this.#finished) {
      this.#finished = true;
      if (this.#s.onEvent !== undefined) {
        const done = { type: "done" as const, ...this.#base(), attempts: this.#attempts };
        this.#emit(
          error !== undefined
            ? { ...done, error }
            : response !== undefined
            ? { ...done, response }
            : done,
        );
      }
      if (this.#holding) this.#s.limiter!.release();
    }
    return error;
  }
}

/**
 * What every library is asked to do, and what it must hand back: the text, the reasoning, the
 * tool calls and the usage a caller reads from an answer. The checks compare these across
 * libraries before anything is timed.
 *
 * @module
 */

import type { FetchFn, PeerProvider } from "./wire.ts";

/** A tool call as a caller dispatches it. */
export interface CallOutcome {
  /** Tool name. */
  name: string;
  /** Parsed arguments. */
  arguments: unknown;
}

/** Token counts in one meaning for all libraries. */
export interface UsageOutcome {
  /** All prompt tokens, cached or not. */
  input: number;
  /** All generated tokens, reasoning included. */
  output: number;
  /** Reasoning tokens where the provider reports them apart (0 otherwise). */
  reasoning: number;
  /** Prompt tokens read from cache. */
  cacheRead: number;
}

/** What a caller gets from one answer. */
export interface Outcome {
  /** The answer's text, all parts joined. */
  text: string;
  /** Its reasoning (thinking) text. */
  reasoning: string;
  /** Tool calls in order. */
  toolCalls: CallOutcome[];
  /** Usage. */
  usage: UsageOutcome;
}

/** The three scenarios, in report order. */
export const SCENARIOS = ["stream", "whole", "build"] as const;

/** A scenario. */
export type Scenario = typeof SCENARIOS[number];

/** One library on one provider: a call per scenario, each through its own fake fetch. */
export interface Peer {
  /** Streams the answer, consuming every delta as a UI would; then the final outcome. */
  stream(): Promise<Outcome>;
  /** Asks for the whole answer. */
  whole(): Promise<Outcome>;
  /** Sends the big request; the fake fetch answers with a tiny body. */
  build(): Promise<unknown>;
}

/** The fake fetch of each scenario. */
export type PeerFetches = Record<Scenario, FetchFn>;

/** A library under comparison. */
export interface Library {
  /** Name in the report. */
  name: string;
  /** The packages it is, with their versions. */
  packages: string[];
  /**
   * Builds its peer for a provider (clients are built here, outside the timed calls).
   *
   * @param provider The provider.
   * @param fetches The fakes to pass to it.
   * @returns The peer.
   */
  peer(provider: PeerProvider, fetches: PeerFetches): Peer;
}

/**
 * One client (or model) per scenario, each over that scenario's fake fetch.
 *
 * @param fetches The fakes.
 * @param make Builds a client over a fetch.
 * @returns The clients by scenario.
 */
export function perScenario<T>(
  fetches: PeerFetches,
  make: (fetch: FetchFn) => T,
): Record<Scenario, T> {
  return { stream: make(fetches.stream), whole: make(fetches.whole), build: make(fetches.build) };
}

/** The API key all libraries send (the fakes ignore it). */
export const KEY = "peers-bench-key";

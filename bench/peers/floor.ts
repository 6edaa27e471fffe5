/**
 * The floor of each scenario: the JSON and SSE work no library can skip, through the same fake
 * fetch — `JSON.parse` of the body; `eventsource-parser` plus one `JSON.parse` per event over
 * the same chunks; `JSON.stringify` of the wire body, sent, and the tiny reply parsed.
 *
 * @module
 */

import { readSseBody } from "../inputs.ts";
import type { PeerFetches, Scenario } from "./peer.ts";
import { askRequest, buildRequest, wireBody } from "./requests.ts";
import type { PeerProvider } from "./wire.ts";

/** What each scenario's floor does, for the report. */
export const FLOOR_NAMES: Record<Scenario, string> = {
  stream: "fetch + eventsource-parser + JSON.parse per event",
  whole: "fetch + res.text() + JSON.parse",
  build: "JSON.stringify(wire body) + fetch + JSON.parse of the tiny reply",
};

const URL_ = "https://api.example.invalid/v1/chat";

/**
 * A provider's floors, one per scenario.
 *
 * @param provider The provider.
 * @param fetches The fakes the libraries read through.
 * @returns The floor calls.
 */
export function floorsOf(
  provider: PeerProvider,
  fetches: PeerFetches,
): Record<Scenario, () => Promise<unknown>> {
  const ask = JSON.stringify(wireBody(provider, askRequest(provider)));
  const wire = wireBody(provider, buildRequest(provider));
  const post = (body: string) => ({ method: "POST", body });
  return {
    stream: async () => await readSseBody((await fetches.stream(URL_, post(ask))).body!),
    whole: async () => JSON.parse(await (await fetches.whole(URL_, post(ask))).text()),
    build: async () =>
      JSON.parse(await (await fetches.build(URL_, post(JSON.stringify(wire)))).text()),
  };
}

/**
 * How many SSE events a stream holds.
 *
 * @param fetch The stream's fake.
 * @returns The count.
 */
export async function eventCount(
  fetch: PeerFetches["stream"],
): Promise<number> {
  return await readSseBody((await fetch(URL_, { method: "POST", body: "" })).body!);
}

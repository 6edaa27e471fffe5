/**
 * The shape of a running mock server, shared by the runtime-neutral `listen.ts` and the Node
 * adapter `listen_node.ts` (which `listen.ts` loads only on Node), so neither imports the other's
 * types.
 *
 * @module
 */

/** A fetch-style handler. */
export type Handler = (request: Request) => Response | Promise<Response>;

/** A running server. */
export interface Listener {
  /** Its origin, e.g. `http://127.0.0.1:41234`. */
  url: string;
  /** Stops it and closes every connection. */
  close: () => Promise<void>;
}

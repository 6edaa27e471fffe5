/**
 * Serves a fetch handler on 127.0.0.1 at a free port with whatever runtime runs this: Deno
 * (`Deno.serve`), Bun (`Bun.serve`) or Node (`node:http`). The server is unref'd — it never
 * keeps the process alive by itself — and `close` ends it with every connection.
 *
 * @module
 */

import type { Handler, Listener } from "./listener.ts";

// Only the few members used here, so that type checks need no runtime's type package.
interface DenoRuntime {
  serve(
    options: { hostname: string; port: number; onListen: () => void; onError: () => Response },
    handler: Handler,
  ): { addr: { port: number }; unref(): void; shutdown(): Promise<void> };
}
interface BunRuntime {
  serve(
    options: {
      hostname: string;
      port: number;
      fetch: Handler;
      development: boolean;
      error: () => Response;
    },
  ): {
    port: number;
    unref(): void;
    stop(closeActiveConnections: boolean): Promise<void> | void;
  };
}

/**
 * Starts serving.
 *
 * @param handler Answers each request.
 * @returns The server's URL and its `close`.
 */
export async function listen(handler: Handler): Promise<Listener> {
  const runtime = globalThis as { Deno?: DenoRuntime; Bun?: BunRuntime };
  // A body that errors is how the mock cuts a connection: that is no reason to log anything.
  const silent = () => new Response(null, { status: 500 });
  if (runtime.Deno !== undefined) {
    const options = { hostname: "127.0.0.1", port: 0, onListen() {}, onError: silent };
    const server = runtime.Deno.serve(options, handler);
    server.unref();
    return { url: `http://127.0.0.1:${server.addr.port}`, close: () => server.shutdown() };
  }
  if (runtime.Bun !== undefined) {
    const options = { hostname: "127.0.0.1", port: 0, fetch: handler, error: silent };
    const server = runtime.Bun.serve({ ...options, development: false });
    server.unref();
    return { url: `http://127.0.0.1:${server.port}`, close: async () => await server.stop(true) };
  }
  // Node has no web-standard server: a small node:http adapter, loaded only here.
  const { listenNode } = await import("./listen_node.ts");
  return listenNode(handler);
}

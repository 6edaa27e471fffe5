/**
 * The Node side of {@link listen}: `node:http` carrying web `Request`s and `Response`s, body
 * chunks written as they come (with backpressure), a cancelled body when the client goes away,
 * and a destroyed socket when the response body errors — the way to cut a connection.
 *
 * @module
 */

/// <reference types="node" />
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Handler, Listener } from "./listener.ts";

async function toRequest(req: IncomingMessage): Promise<Request> {
  const headers = new Headers();
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    headers.append(req.rawHeaders[i], req.rawHeaders[i + 1]);
  }
  const chunks: Uint8Array[] = [];
  for await (const chunk of req) chunks.push(chunk as Uint8Array);
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  return new Request(`http://${req.headers.host}${req.url}`, {
    method: req.method,
    headers,
    body: hasBody ? new Blob(chunks as BlobPart[]) : undefined,
  });
}

async function send(response: Response, res: ServerResponse): Promise<void> {
  res.writeHead(response.status, [...response.headers].flat());
  if (response.body === null) return void res.end();
  res.flushHeaders();
  const reader = response.body.getReader();
  res.on("close", () => reader.cancel().catch(() => {}));
  try {
    while (true) {
      const { done, value } = await reader.read();
      if (done) break;
      if (!res.write(value)) {
        await new Promise((resolve) => {
          res.once("drain", resolve);
          res.once("close", resolve);
        });
      }
    }
    res.end();
  } catch {
    // The body failed on purpose: flush what was written, then drop the connection.
    res.write("", () => res.destroy());
  }
}

/**
 * Serves a handler with `node:http`.
 *
 * @param handler Answers each request.
 * @returns The server's URL and its `close`.
 */
export async function listenNode(handler: Handler): Promise<Listener> {
  const server = createServer((req, res) => {
    toRequest(req).then(handler).then((response) => send(response, res)).catch(() => {
      res.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  server.unref();
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

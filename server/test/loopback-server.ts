import { createServer, type IncomingMessage, type RequestListener, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** An HTTP server for a test on a free port of 127.0.0.1: `host` is "127.0.0.1:<port>", `base` its origin. */
export async function listenOnLoopback(handler: RequestListener) {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    host,
    base: `http://${host}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * What main.ts does with a fast path: `serve` answers what it handles, and the rest goes on to a stand-in for
 * Next.js that answers 599 "next", so a test can see that it was passed along.
 */
export function beforeNext(serve: (req: IncomingMessage, res: ServerResponse) => boolean): RequestListener {
  return (req, res) => {
    if (serve(req, res)) return;
    res.writeHead(599, { "content-type": "text/plain" }).end("next");
  };
}

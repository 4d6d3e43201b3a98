import {
  request as httpRequest,
  type Agent,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  type ServerResponse,
} from "node:http";

export const HOP_BY_HOP = new Set([
  "connection",
  "keep-alive",
  "transfer-encoding",
  "upgrade",
  "proxy-connection",
  "te",
  "trailer",
]);

type TForward = {
  agent: Agent;
  headers: OutgoingHttpHeaders;
  timeoutMs: number;
  /** The upstream failed before answering (after the one retry below, where it applies). */
  onUnreachable: (err: Error) => void;
};

/**
 * Forwards one GET or HEAD to `target` over a keep-alive `agent` and pipes the answer back. An idle
 * keep-alive socket that the upstream closes just as it is reused fails with ECONNRESET ("socket hang up")
 * before the upstream read the request, so the request is sent once more on a fresh socket: Node's
 * documented `reusedSocket` pattern. In the arrival storm (bench:arrival) 2 playlists in 10,000 came back
 * 502 from that race before this.
 */
export function forwardRequest(target: URL, req: IncomingMessage, res: ServerResponse, o: TForward): void {
  const send = (retried: boolean) => {
    const upstream = httpRequest(
      target,
      { method: req.method, agent: o.agent, headers: o.headers, timeout: o.timeoutMs },
      (up) => {
        const headers = Object.fromEntries(Object.entries(up.headers).filter(([k]) => !HOP_BY_HOP.has(k)));
        res.writeHead(up.statusCode ?? 502, headers);
        up.pipe(res);
      },
    );
    const abort = () => upstream.destroy();
    res.on("close", abort);
    upstream.on("timeout", () => upstream.destroy(new Error("upstream timeout")));
    upstream.on("error", (err: NodeJS.ErrnoException) => {
      res.off("close", abort);
      const raced = upstream.reusedSocket && err.code === "ECONNRESET";
      if (raced && !retried && !res.headersSent && !res.destroyed) return send(true);
      o.onUnreachable(err);
    });
    upstream.end();
  };
  send(false);
}

import { request } from "node:http";
import { PORTS } from "@/server/hostile/setup-env";

export type TRefusal = { status: number; body: string; sent: number };

/**
 * Streams `total` bytes as one POST (chunked, or with a declared Content-Length) and resolves as soon as
 * the server answers and closes, with how many bytes the client got to write.
 */
export function bigPost(
  path: string,
  total: number,
  opts: { declared?: boolean; token?: string } = {},
): Promise<TRefusal> {
  return new Promise((resolve) => {
    const chunk = Buffer.alloc(256 * 1024, 0x61);
    let sent = 0;
    let answered = false;
    let status = 0;
    let body = "";
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (opts.declared) headers["content-length"] = String(total);
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    const finish = () => resolve({ status, body, sent });
    const timer = setTimeout(() => {
      req.destroy();
      finish();
    }, 60_000);
    const req = request(
      { host: "127.0.0.1", port: PORTS.web, path, method: "POST", headers, agent: false },
      (res) => {
        answered = true;
        status = res.statusCode ?? 0;
        res.setEncoding("utf8");
        res.on("data", (d: string) => (body += d));
        res.on("end", () => {
          clearTimeout(timer);
          req.destroy();
          finish();
        });
        res.on("error", () => undefined);
      },
    );
    req.on("error", () => {
      clearTimeout(timer);
      // Closed by the server after (or instead of) its answer: the answer, if any, is what counts.
      setTimeout(finish, answered ? 200 : 0);
    });
    const pump = () => {
      while (sent < total && !answered && !req.destroyed) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once("drain", pump);
      }
      if (sent >= total && !req.destroyed) req.end();
    };
    pump();
  });
}

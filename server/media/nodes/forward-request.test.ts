import { once } from "node:events";
import { Agent, createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { forwardRequest } from "@/server/media/nodes/forward-request";

const servers: Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((r) => s.close(r));
  }
});

async function listen(server: Server): Promise<string> {
  servers.push(server);
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/**
 * An upstream that answers the first request of each connection and hangs up on the next one without a
 * word: what a keep-alive socket closed by the upstream at the moment it is reused looks like.
 */
function hangsUpOnReuse() {
  let hangUps = 0;
  const server = createServer((req, res) => {
    const socket = req.socket as typeof req.socket & { served?: boolean };
    if (socket.served) {
      hangUps++;
      socket.destroy();
      return;
    }
    socket.served = true;
    res.writeHead(200, { "content-type": "text/plain", "x-upstream": "yes", "keep-alive": "timeout=42" });
    res.end(`served ${req.url}`);
  });
  return { server, hangUps: () => hangUps };
}

/** A proxy in front of `upstream` using forwardRequest, with one keep-alive socket so it is reused. */
async function proxyTo(upstream: string, failures: Error[]): Promise<string> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const proxy = createServer((req, res) =>
    forwardRequest(new URL(req.url ?? "/", upstream), req, res, {
      agent,
      headers: {},
      timeoutMs: 5000,
      onUnreachable: (err) => {
        failures.push(err);
        res.writeHead(502).end();
      },
    }),
  );
  return listen(proxy);
}

describe("forwardRequest", () => {
  it("sends a request again on a fresh socket when the reused one was closed under it", async () => {
    const upstream = hangsUpOnReuse();
    const failures: Error[] = [];
    const proxy = await proxyTo(await listen(upstream.server), failures);

    const first = await fetch(`${proxy}/hls/a/index.m3u8`);
    expect(await first.text()).toBe("served /hls/a/index.m3u8");
    const second = await fetch(`${proxy}/hls/a/p1.m4s`);
    expect(second.status).toBe(200);
    expect(await second.text()).toBe("served /hls/a/p1.m4s");
    // Hop-by-hop headers stay between the proxy and the upstream; the others pass.
    expect(second.headers.get("x-upstream")).toBe("yes");
    expect(second.headers.get("keep-alive")).not.toBe("timeout=42");
    expect(upstream.hangUps()).toBe(1);
    expect(failures).toEqual([]);
  });

  it("gives up after one retry, and at once when the upstream is not there", async () => {
    // Every connection is hung up on: the fresh socket's failure is not a reuse race, no second retry.
    const rude = createServer((req) => req.socket.destroy());
    const failures: Error[] = [];
    const proxy = await proxyTo(await listen(rude), failures);
    expect((await fetch(`${proxy}/x`)).status).toBe(502);
    expect(failures).toHaveLength(1);

    const closed = createServer();
    const gone = await listen(closed);
    await new Promise((r) => closed.close(r));
    servers.splice(servers.indexOf(closed), 1);
    const down: Error[] = [];
    const proxyToNothing = await proxyTo(gone, down);
    expect((await fetch(`${proxyToNothing}/y`)).status).toBe(502);
    expect(down.map((e) => (e as NodeJS.ErrnoException).code)).toEqual(["ECONNREFUSED"]);
  });
});

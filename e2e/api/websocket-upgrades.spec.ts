import { connect } from "node:net";
import { expect, test } from "@playwright/test";

/**
 * WebSocket upgrades on the web port to paths nobody serves used to stay open unanswered and pile up
 * (issue 11): the running web tier answers them 404 and closes the connection at once.
 */
function upgrade(baseURL: string, path: string): Promise<{ statusLine: string; closedInMs: number }> {
  const { hostname, port } = new URL(baseURL);
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = connect(Number(port), hostname === "localhost" ? "127.0.0.1" : hostname);
    let data = "";
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`the upgrade to ${path} was still open after 5 s (got ${JSON.stringify(data)})`));
    }, 5000);
    socket.on("data", (c: Buffer) => (data += c.toString("latin1")));
    socket.on("close", () => {
      clearTimeout(timer);
      resolve({ statusLine: data.split("\r\n")[0] ?? "", closedInMs: Date.now() - started });
    });
    socket.on("error", () => undefined);
    socket.write(
      `GET ${path} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
        "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n",
    );
  });
}

test("WebSocket upgrades to unknown paths on the web port are answered 404 and closed", async ({
  baseURL,
}) => {
  for (const path of [
    "/",
    "/socket.io/?EIO=4&transport=websocket",
    "/api/rooms",
    "/_next/webpack-hmr",
    "/hls/abc",
  ]) {
    const res = await upgrade(baseURL ?? "", path);
    expect(res.statusLine, path).toBe("HTTP/1.1 404 Not Found");
    expect(res.closedInMs, path).toBeLessThan(3000);
  }
});

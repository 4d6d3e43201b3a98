import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMaster, type TMaster } from "@/server/chat/master/create-master";
import { rawHttp } from "@/server/test/raw-http";

const SECRET = "internal-http-test-secret-0123456789";
let master: TMaster;
let port = 0;

beforeAll(async () => {
  master = createMaster({ secret: SECRET });
  await new Promise<void>((resolve) => master.http.listen(0, "127.0.0.1", resolve));
  port = (master.http.address() as AddressInfo).port;
});
afterAll(() => master.close());

const raw = (text: string) => rawHttp(port, text);

describe("the master's HTTP port against hostile requests", () => {
  it("answers request targets that are not URLs with 400 and keeps serving (they used to throw and kill it)", async () => {
    for (const target of ["http://[::1/internal/nodes", "http://a:99999/health", "http://[zz]/x"]) {
      const res = await raw(`GET ${target} HTTP/1.1\r\nHost: m\r\nConnection: close\r\n\r\n`);
      expect(res.status, target).toBe(400);
      expect(res.body).toContain(`"code":"INVALID"`);
    }
    const health = await fetch(`http://127.0.0.1:${port}/health`);
    expect(health.status).toBe(200);
  });

  it("answers forged internal calls 401 and malformed or oversized JSON with the secret 400 / 413, never 500", async () => {
    for (const secret of [
      undefined,
      "onair-embedded-dev-secret",
      "change-me-in-production",
      SECRET.slice(1),
    ]) {
      const res = await fetch(`http://127.0.0.1:${port}/internal/nodes`, {
        headers: secret === undefined ? {} : { "x-onair-internal-secret": secret },
      });
      expect(res.status).toBe(401);
    }
    const post = (body: string) =>
      fetch(`http://127.0.0.1:${port}/internal/nodes/slave-1/drain`, {
        method: "POST",
        headers: { "x-onair-internal-secret": SECRET, "content-type": "application/json" },
        body,
      });
    const malformed = await post("{not json");
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ error: { code: "INVALID" } });
    const big = await post(JSON.stringify({ draining: true, pad: "x".repeat(70 * 1024) }));
    expect(big.status).toBe(413);
  });
});

import { io } from "socket.io-client";
import WebSocket from "ws";
import type { THostileContext } from "@/server/hostile/context";
import { PORTS } from "@/server/hostile/setup-env";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Secrets published in this repository, and near misses of a real one: the master must take none. */
const FORGED_SECRETS = [
  "onair-embedded-dev-secret",
  "change-me-in-production",
  "",
  "x".repeat(43),
  "undefined",
  "null",
];

/** Unauthenticated and forged calls to the chat master's port: 401 for each, no fake slave ever joins. */
export async function forgedMasterCalls(ctx: THostileContext): Promise<void> {
  const { probe } = ctx;
  const paths = [
    "GET /internal/nodes",
    "GET /internal/stats",
    "GET /internal/events",
    "GET /internal/rooms/x/assign",
    "POST /internal/rooms/x/messages",
    "POST /internal/rooms/x/broadcast",
    "POST /internal/rooms/x/refresh",
    "POST /internal/users/x/disconnect",
    "POST /internal/nodes/slave-1/drain",
  ];
  for (const line of paths) {
    const [method = "GET", path = "/"] = line.split(" ");
    for (const secret of [undefined, ...FORGED_SECRETS]) {
      const headers: Record<string, string> = { "content-type": "application/json" };
      if (secret !== undefined) headers["x-onair-internal-secret"] = secret;
      const a = await probe.http(
        {
          method,
          path,
          headers,
          body: method === "POST" ? '{"reason":"disabled","draining":true}' : undefined,
        },
        PORTS.master,
      );
      probe.check(a.status === 401, `master ${line} with secret ${JSON.stringify(secret)} must be 401`, a);
    }
  }
  // Odd request targets: absolute-form, encoded, over-long, not a path at all.
  const targets = [
    "http://[::1/internal/nodes",
    "http://evil.example/internal/nodes",
    "//internal/nodes",
    "/internal/%2e%2e/health",
    "/internal/rooms/%E0%A4%A/assign",
    "*",
    `/${"a".repeat(8000)}`,
    "/health?x=%ZZ",
  ];
  for (const t of targets) {
    const a = await probe.raw(
      `GET ${t} HTTP/1.1\r\nHost: m\r\nConnection: close\r\n\r\n`,
      PORTS.master,
      `master GET ${t.slice(0, 40)}`,
    );
    probe.check(a.status >= 400 || /health/.test(t), `master GET ${t.slice(0, 40)} must be refused`, a);
  }
  // A fake slave: the published secrets and a missing one never register (browsers would be sent to it).
  for (const secret of [...FORGED_SECRETS, undefined]) {
    probe.sent += 1;
    const socket = io(`http://127.0.0.1:${PORTS.master}`, {
      transports: ["websocket"],
      reconnection: false,
      forceNew: true,
      auth: { secret, nodeId: "evil-slave", url: "http://evil.example:1" },
    });
    const outcome = await new Promise<string>((resolve) => {
      socket.once("connect", () => resolve("connected"));
      socket.once("connect_error", (err) => resolve(err.message));
      setTimeout(() => resolve("no answer"), 10_000);
    });
    if (outcome === "connected")
      socket.emit("node", { type: "register", nodeId: "evil-slave", url: "http://evil.example:1" });
    socket.close();
    probe.check(
      outcome === "UNAUTHENTICATED",
      `master: a slave with secret ${JSON.stringify(secret)} → ${outcome}`,
    );
  }
  const nodes = await probe.http({ path: "/api/chat/nodes" });
  probe.check(
    nodes.status === 200 && !nodes.body.includes("evil"),
    "GET /api/chat/nodes lists no fake slave",
    nodes,
  );
}

/** The media node's own port: internal calls without the secret, HLS traversal, odd targets. */
export async function mediaNodeCalls(ctx: THostileContext): Promise<void> {
  const { probe } = ctx;
  for (const [method, path] of [
    ["GET", `/internal/shows/${ctx.liveRoomId}`],
    ["POST", `/internal/shows/${ctx.liveRoomId}/end`],
    ["POST", "/internal/drain"],
  ] as const) {
    for (const secret of [undefined, ...FORGED_SECRETS]) {
      const headers: Record<string, string> = {};
      if (secret !== undefined) headers["x-onair-internal-secret"] = secret;
      const a = await probe.http(
        { method, path, headers, body: method === "POST" ? '{"draining":true}' : undefined },
        PORTS.media,
      );
      probe.check(
        a.status === 401,
        `media ${method} ${path} with secret ${JSON.stringify(secret)} must be 401`,
        a,
      );
    }
  }
  for (const target of ["http://[::1/ingest/x", "http://a:99999/ingest/x", "/ingest/..%2f..", "/nowhere"]) {
    const a = await probe.raw(
      `GET ${target} HTTP/1.1\r\nHost: m\r\n${UPGRADE_HEADERS}\r\n`,
      PORTS.media,
      `media upgrade ${target}`,
    );
    probe.check(a.status === 404, `media node upgrade to ${target} → 404 and closed`, a);
  }
  for (const path of hlsTraversals(ctx.liveRoomId)) {
    const a = await probe.raw(
      `GET ${path} HTTP/1.1\r\nHost: m\r\nConnection: close\r\n\r\n`,
      PORTS.media,
      `media ${path}`,
    );
    probe.check(a.status === 404 || a.status === 400, `media node GET ${path} must be 404/400`, a);
    probe.check(
      !/root:|BEGIN|DATABASE_URL|internal-secret/.test(a.body),
      `media node GET ${path} leaked a file`,
      a,
    );
  }
}

const UPGRADE_HEADERS =
  "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n";

/** Chat slaves' HTTP side: odd targets, Engine.IO polling garbage, metrics without a token. */
export async function slaveRawRequests(ctx: THostileContext): Promise<void> {
  const { probe } = ctx;
  for (const port of PORTS.slaves) {
    const requests = [
      "GET http://[::1/socket.io/?EIO=4&transport=polling HTTP/1.1\r\nHost: s\r\nConnection: close\r\n\r\n",
      "GET http://a:99999/health HTTP/1.1\r\nHost: s\r\nConnection: close\r\n\r\n",
      "GET /socket.io/?EIO=4&transport=polling HTTP/1.1\r\nHost: s\r\nConnection: close\r\n\r\n",
      "GET /socket.io/?EIO=999&transport=polling HTTP/1.1\r\nHost: s\r\nConnection: close\r\n\r\n",
      "GET /socket.io/?EIO=4&transport=carrier-pigeon HTTP/1.1\r\nHost: s\r\nConnection: close\r\n\r\n",
      "POST /socket.io/?EIO=4&transport=polling&sid=forged HTTP/1.1\r\nHost: s\r\nContent-Length: 3\r\nConnection: close\r\n\r\n42[",
      "GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\r\nHost: s\r\nConnection: close\r\n\r\n",
      `GET /socket.io/?EIO=4&transport=polling&${"x=1&".repeat(3000)} HTTP/1.1\r\nHost: s\r\nConnection: close\r\n\r\n`,
      "GET /%E0%A4%A HTTP/1.1\r\nHost: s\r\nConnection: close\r\n\r\n",
      `GET http://[::1/socket.io/?EIO=4&transport=websocket HTTP/1.1\r\nHost: s\r\n${UPGRADE_HEADERS}\r\n`,
    ];
    for (const req of requests) {
      const label = `slave :${port} ${req.split("\r\n")[0]?.slice(0, 60) ?? ""}`;
      const a = await probe.raw(req, port, label);
      probe.check(
        a.status !== 101 && (a.status === 0 || a.status === 200 || (a.status >= 400 && a.status < 500)),
        `${label} → 2xx/4xx or closed`,
        a,
      );
    }
  }
}

/** Paths that try to leave a show's HLS directory. */
export function hlsTraversals(roomId: string): string[] {
  return [
    `/hls/${roomId}/../../../etc/passwd`,
    `/hls/${roomId}/..%2f..%2f..%2fetc%2fpasswd`,
    `/hls/${roomId}/%2e%2e/%2e%2e/onair.db`,
    `/hls/${roomId}/%252e%252e%252fonair.db`,
    `/hls/..%2f..%2finternal-secret`,
    `/hls/${roomId}/..\\..\\onair.db`,
    `/hls/${roomId}/index.m3u8%00.ts`,
    `/hls/${roomId}/.%2e/.%2e/internal-secret`,
    `/hls/${roomId}/%c0%ae%c0%ae/%c0%ae%c0%ae/internal-secret`,
    `/hls/${roomId.toUpperCase()}/index.m3u8`,
    `/hls//etc/passwd`,
    `/hls/${roomId}/index.m3u8/..`,
    `/hls/${roomId}/${"a".repeat(300)}.ts`,
    `/hls/${roomId}/index.m3u8?_HLS_msn=99999999999999999999&_HLS_part=-1`,
    `/hls/${roomId}/index.m3u8?_HLS_part=1`,
    `/hls/${roomId}/index.m3u8?_HLS_msn=1e3`,
    "/hls/zzzzzzzzzzzz/index.m3u8",
    "/hls/zzzzzzzzzzzz/g1-1.m4s",
  ];
}

/** HLS through the web tier: traversal and encoded dots are 404/400, the real playlist is served. */
export async function hlsPaths(ctx: THostileContext): Promise<void> {
  const { probe } = ctx;
  for (const path of hlsTraversals(ctx.liveRoomId)) {
    const a = await probe.raw(
      `GET ${path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`,
      PORTS.web,
      `web ${path}`,
    );
    probe.check([400, 404].includes(a.status), `web GET ${path} must be 404/400`, a);
    probe.check(!/root:|DATABASE_URL|SQLite format/.test(a.body), `web GET ${path} leaked a file`, a);
  }
  const post = await probe.http({ method: "POST", path: `/hls/${ctx.liveRoomId}/index.m3u8`, body: "x" });
  probe.check(post.status === 405, "POST to an HLS path is 405", post);
  const playlist = await probe.http({ path: `/hls/${ctx.liveRoomId}/index.m3u8` });
  probe.check(
    playlist.status === 200 && playlist.body.startsWith("#EXTM3U"),
    "the live show's playlist is still served",
    playlist,
  );
}

/** `/login?next=` and `/signup?next=`: no trick leads the form to another host; nothing is a 5xx. */
export async function nextParamTricks(ctx: THostileContext): Promise<void> {
  const { probe } = ctx;
  const tricks = [
    "//evil.example",
    "/\t/evil.example",
    "/%09/evil.example",
    "/%0a/evil.example",
    "%0a",
    "/%5cevil.example",
    "/\\evil.example",
    "https://evil.example",
    "/%2F%2Fevil.example",
    "/.//evil.example",
    "/%E0%A4%A",
    "/%",
    "/\u202e/evil.example",
    "javascript:alert(1)",
    "/ＥＶＩＬ．example",
    "///evil.example",
  ];
  for (const page of ["/login", "/signup"]) {
    for (const trick of tricks) {
      const q = /[^\x21-\x7e]/.test(trick) ? encodeURIComponent(trick) : trick.replace(/#/g, "%23");
      const a = await probe.raw(
        `GET ${page}?next=${q} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`,
        PORTS.web,
        `${page}?next=${trick}`,
      );
      probe.check(
        a.status === 200 || a.status === 400,
        `${page}?next=${JSON.stringify(trick)} answers the page or 400`,
        a,
      );
      for (const m of a.body.matchAll(/\\?"next\\?":\\?"(.*?)\\?"/g)) {
        const next = m[1] ?? "";
        probe.check(
          next.startsWith("/") && !next.startsWith("//") && !/evil/i.test(next),
          `${page}?next=${JSON.stringify(trick)} handed the form next=${next}`,
        );
      }
    }
  }
  const good = await probe.http({ path: "/login?next=%2Forders" });
  probe.check(/\\?"next\\?":\\?"\/orders\\?"/.test(good.body), "/login?next=/orders keeps a safe path", good);
}

const close = "Connection: close\r\n\r\n";

/** Request bytes no browser sends, on the web port: refused 4xx (or the connection closed), never hung. */
export async function rawWebRequests(ctx: THostileContext): Promise<void> {
  const { probe } = ctx;
  // Malformed: each must be refused (a 4xx, or closed by the HTTP parser).
  const refused: (string | Buffer)[] = [
    `GET /api/rooms/%E0%A4%A HTTP/1.1\r\nHost: x\r\n${close}`,
    `GET /api/rooms/%E0%A4%A/chat HTTP/1.1\r\nHost: x\r\n${close}`,
    `GET /live/%ZZ HTTP/1.1\r\nHost: x\r\n${close}`,
    `GET http://[::1/api/rooms HTTP/1.1\r\nHost: x\r\n${close}`,
    `GET http://a:99999/api/rooms HTTP/1.1\r\nHost: x\r\n${close}`,
    `GET /${"a".repeat(20_000)} HTTP/1.1\r\nHost: x\r\n${close}`,
    `GET /api/rooms HTTP/1.1\r\nHost: x\r\nX-Big: ${"b".repeat(20_000)}\r\n${close}`,
    `POST /api/session HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n${close}0\r\n\r\n`,
    `POST /api/session HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n${close}`,
    `POST /api/session HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n${close}{}`,
    `POST /api/session HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n${close}zz\r\n`,
    `POST /api/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2\r\n${close}{}`,
    `GET /api/rooms HTTP/9.9\r\nHost: x\r\n${close}`,
    `BREW /api/rooms HTTP/1.1\r\nHost: x\r\n${close}`,
    "\u0000\u0001\u0002\r\n\r\n",
    Buffer.from([0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, 0xfc, 0x03, 0x03]),
    `GET /api/uploads/..%2f..%2fonair.db HTTP/1.1\r\nHost: x\r\n${close}`,
    `GET /api/uploads/%2e%2e HTTP/1.1\r\nHost: x\r\n${close}`,
    `GET /metrics HTTP/1.1\r\nHost: x\r\n${close}`,
    `GET /metrics HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer wrong-token-of-some-length\r\n${close}`,
  ];
  // Odd but not malformed: any answer but a 5xx (and no file leaked).
  const tolerated: (string | Buffer)[] = [
    `GET http://evil.example/api/rooms HTTP/1.1\r\nHost: x\r\n${close}`,
    `GET * HTTP/1.1\r\nHost: x\r\n${close}`,
    `OPTIONS * HTTP/1.1\r\nHost: x\r\n${close}`,
    `GET /api/rooms HTTP/1.1\r\nHost: x\r\nHost: y\r\n${close}`,
    `GET /api/rooms HTTP/1.1\r\n${close}`,
    "GET /api/rooms HTTP/1.0\r\n\r\n",
    `GET /_next/../../package.json HTTP/1.1\r\nHost: x\r\n${close}`,
    `GET /_next/static/..%2f..%2fpackage.json HTTP/1.1\r\nHost: x\r\n${close}`,
    `GET /_next/image?url=http://169.254.169.254/&w=64&q=75 HTTP/1.1\r\nHost: x\r\n${close}`,
    `GET /_next/image?url=%2Fapi%2Fhealth&w=99999&q=1000 HTTP/1.1\r\nHost: x\r\n${close}`,
    `GET /health HTTP/1.1\r\nHost: x\r\n${close}`,
    `GET /login?next=/%0a/evil.example HTTP/1.1\r\nHost: x\r\n${close}`,
    // No version: llhttp takes it as HTTP/0.9 and the answer is the resource.
    "GET /api/rooms\r\n\r\n",
  ];
  const send = async (req: string | Buffer, mustRefuse: boolean) => {
    const text = typeof req === "string" ? req : req.toString("latin1");
    const label = text.split("\r\n")[0]?.slice(0, 60) ?? "";
    const a = await probe.raw(req, PORTS.web, label);
    if (mustRefuse)
      probe.check(
        a.status === 0 || (a.status >= 400 && a.status < 500),
        `web raw ${label} → 4xx or closed`,
        a,
      );
    probe.check(!/"dependencies"|SQLite format|ami-id/.test(a.body), `web raw ${label} leaked a file`, a);
    if (text.includes("/metrics"))
      probe.check(!a.body.includes("onair_"), `web raw ${label}: metrics without the token`, a);
  };
  for (const req of refused) await send(req, true);
  for (const req of tolerated) await send(req, false);
}

/** WebSocket upgrades on the web port to paths nobody serves: closed at once, not left hanging. */
export async function unknownUpgrades(ctx: THostileContext): Promise<void> {
  for (const path of [
    "/",
    "/socket.io/?EIO=4&transport=websocket",
    "/api/rooms",
    "/_next/webpack-hmr",
    "/hls/x",
    "/ingest",
    "/x".repeat(100),
  ]) {
    const started = Date.now();
    const a = await ctx.probe.raw(
      `GET ${path} HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n`,
      PORTS.web,
      `upgrade ${path.slice(0, 40)}`,
    );
    ctx.probe.check(a.status !== 101, `an upgrade to ${path.slice(0, 40)} was accepted`, a);
    ctx.probe.check(
      Date.now() - started < 3000,
      `an upgrade to ${path.slice(0, 40)} stayed open ${Date.now() - started} ms`,
    );
  }
}

type TIngestOutcome = { code: number; reason: string; messages: string[]; httpStatus?: number };

/** Opens the ingest WebSocket through the web tier; sends `frames` after open; waits for close or `waitMs`. */
export function ingest(
  roomKey: string,
  opts: {
    token?: string;
    origin?: string;
    frames?: (string | Buffer)[];
    /** Sent once the server says `ready` (the protocol: media only after the hello is admitted). */
    afterReady?: (string | Buffer)[];
    waitMs?: number;
    until?: (m: string) => boolean;
  },
): Promise<TIngestOutcome> {
  return new Promise((resolve) => {
    const query = opts.token ? `?token=${encodeURIComponent(opts.token)}` : "";
    const ws = new WebSocket(`ws://127.0.0.1:${PORTS.web}/ingest/${roomKey}${query}`, {
      headers: opts.origin ? { origin: opts.origin } : {},
    });
    const messages: string[] = [];
    let done = false;
    const finish = (o: TIngestOutcome) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      ws.terminate();
      resolve(o);
    };
    const timer = setTimeout(() => finish({ code: -1, reason: "still open", messages }), opts.waitMs ?? 8000);
    ws.on("unexpected-response", (_req, res) =>
      finish({ code: 0, reason: "http", messages, httpStatus: res.statusCode }),
    );
    ws.on("open", () => (opts.frames ?? []).forEach((f) => ws.send(f)));
    ws.on("message", (data: Buffer, isBinary) => {
      if (isBinary) return;
      const text = data.toString("utf8");
      messages.push(text);
      if (text.includes('"ready"')) (opts.afterReady ?? []).forEach((f) => ws.send(f));
      if (opts.until?.(text)) finish({ code: -2, reason: "until", messages });
    });
    ws.on("close", (code, reason) => finish({ code, reason: reason.toString(), messages }));
    ws.on("error", () => finish({ code: 0, reason: "error", messages }));
  });
}

export const hello = (epoch = `ep${Date.now()}x`) =>
  JSON.stringify({ type: "hello", epoch, mimeType: "video/webm;codecs=h264,opus", quality: "480p" });

/** The ingest WebSocket: bad Origin, no or wrong token, garbage frames, binary before hello. */
export async function ingestGarbage(ctx: THostileContext, showKey: string): Promise<void> {
  const { probe } = ctx;
  const seller = ctx.accounts.seller.token;
  const cases: {
    label: string;
    key?: string;
    token?: string;
    origin?: string;
    frames?: (string | Buffer)[];
    afterReady?: (string | Buffer)[];
    want: (o: TIngestOutcome) => boolean;
  }[] = [
    {
      label: "cross-site Origin",
      token: seller,
      origin: "https://evil.example",
      want: (o) => o.httpStatus === 403,
    },
    {
      label: "same-site other Origin",
      token: seller,
      origin: "http://evil.localhost:3000",
      want: (o) => o.httpStatus === 403,
    },
    { label: "Origin null", token: seller, origin: "null", want: (o) => o.httpStatus === 403 },
    { label: "no token", want: (o) => o.code === 4401 },
    { label: "forged token", token: "forged", want: (o) => o.code === 4401 },
    { label: "a shopper", token: ctx.accounts.shopper.token, want: (o) => o.code === 4403 },
    { label: "unknown show", key: "no-such-show", token: seller, want: (o) => o.code === 4404 },
    {
      label: "bad show key",
      key: "..%2f..",
      token: seller,
      want: (o) => o.httpStatus === 404,
    },
    { label: "garbage text", token: seller, frames: ["{not json"], want: (o) => o.code === 4400 },
    {
      label: "binary before hello",
      token: seller,
      frames: [Buffer.from([0, 0, 0, 0, 1, 2, 3])],
      want: (o) => o.code === 4400,
    },
    {
      label: "hello of wrong shape",
      token: seller,
      frames: [JSON.stringify({ type: "hello", epoch: "x" })],
      want: (o) => o.code === 4400,
    },
    {
      label: "prototype keys",
      token: seller,
      frames: ['{"__proto__":{"type":"hello"}}'],
      want: (o) => o.code === 4400,
    },
    {
      label: "not WebM",
      token: seller,
      frames: [hello()],
      afterReady: [Buffer.concat([Buffer.alloc(4), Buffer.from("not a webm file at all")])],
      want: (o) => o.code === 4415,
    },
    {
      label: "short binary",
      token: seller,
      frames: [hello()],
      afterReady: [Buffer.from([1, 2])],
      want: (o) => o.code === 4400,
    },
  ];
  for (const c of cases) {
    probe.sent += 1;
    const o = await ingest(c.key ?? showKey, {
      token: c.token,
      origin: c.origin,
      frames: c.frames,
      afterReady: c.afterReady,
    });
    probe.check(
      c.want(o),
      `ingest ${c.label}: got ${JSON.stringify({ code: o.code, http: o.httpStatus, reason: o.reason })}`,
    );
  }
}

/** Seconds to wait for something polled. */
export async function until(test: () => Promise<boolean>, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await test()) return true;
    await sleep(200);
  }
  return false;
}

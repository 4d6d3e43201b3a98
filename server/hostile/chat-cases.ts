import { io, type Socket } from "socket.io-client";
import WebSocket from "ws";
import { CHAT_ERROR_CODES } from "@/lib/chat/protocol";
import type { THostileContext } from "@/server/hostile/context";
import { trickyValue, TRICKY_STRINGS } from "@/server/hostile/rng";

const ACK_MS = 5000;
/** The slave drops a socket past 40 events a second; generated inputs stay under it, floods go over. */
const PACE_MS = 40;
/** The protocol's codes a slave may answer with: INTERNAL is a defect, UNAVAILABLE the browser's own. */
const KNOWN_CODES = new Set<string>(CHAT_ERROR_CODES.filter((c) => c !== "INTERNAL" && c !== "UNAVAILABLE"));

type TAckResult = {
  ok: boolean;
  error?: { code?: string };
  message?: { id: string; text: string; roomId: string; user: { name: string; role: string } };
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A socket.io client on a slave (websocket only, no reconnection); rejects with the connect_error message. */
export function connectChat(url: string, token?: unknown): Promise<Socket> {
  const socket = io(url, {
    transports: ["websocket"],
    reconnection: false,
    forceNew: true,
    auth: token === undefined ? {} : { token },
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.close();
      reject(new Error("no connect within 10 s"));
    }, 10_000);
    socket.once("connect", () => {
      clearTimeout(timer);
      resolve(socket);
    });
    socket.once("connect_error", (err) => {
      clearTimeout(timer);
      socket.close();
      reject(err);
    });
  });
}

/** Emits with an ack; null when the ack did not come in ACK_MS. */
export async function ask(socket: Socket, event: string, payload: unknown): Promise<TAckResult | null> {
  try {
    return (await socket.timeout(ACK_MS).emitWithAck(event, payload)) as TAckResult;
  } catch {
    return null;
  }
}

/** Every ack is an ok or one of the protocol's error codes (INTERNAL is a defect). */
function checkAck(ctx: THostileContext, ack: TAckResult | null, label: string): void {
  ctx.probe.check(ack !== null, `${label}: no acknowledgement within ${ACK_MS} ms`);
  if (!ack || ack.ok) return;
  ctx.probe.check(
    KNOWN_CODES.has(ack.error?.code ?? ""),
    `${label}: unexpected error ${JSON.stringify(ack.error)}`,
  );
}

export type TChatTally = { storedIds: Set<string> };

/**
 * `count` generated chat events spread over a few sockets (guests and signed-in users, both slaves):
 * joins, sends and leaves with wrong types, tricky text, unknown rooms and fields; each must be answered.
 * Returns the ids of every message a slave acknowledged as stored.
 */
export async function fuzzChat(ctx: THostileContext, count: number, tally: TChatTally): Promise<void> {
  const { rng: r, probe } = ctx;
  const tokens = [undefined, ctx.accounts.shopper.token, ctx.accounts.shopper2.token];
  const sockets = await Promise.all(
    Array.from({ length: 6 }, (_, i) =>
      connectChat(ctx.slaveUrls[i % ctx.slaveUrls.length] ?? "", tokens[i % tokens.length]),
    ),
  );
  const perSocket = Math.ceil(count / sockets.length);
  await Promise.all(
    sockets.map(async (first, i) => {
      let socket = first;
      const url = ctx.slaveUrls[i % ctx.slaveUrls.length] ?? "";
      await ask(socket, "room:join", { roomId: ctx.chatRoomId });
      for (let n = 0; n < perSocket; n++) {
        probe.sent += 1;
        const roomId = r.pick([
          ctx.chatRoomId,
          ctx.chatRoomId,
          ctx.liveRoomId,
          "no-such-room",
          trickyValue(r),
        ]);
        const kind = r.int(6);
        let event: string;
        let payload: unknown;
        if (kind === 0) {
          event = "room:join";
          payload = r.chance(0.5) ? { roomId, sinceId: trickyValue(r) } : trickyValue(r);
        } else if (kind === 1) {
          event = "room:leave";
          payload = r.chance(0.5) ? { roomId: trickyValue(r) } : trickyValue(r);
        } else {
          event = "chat:send";
          const text = r.chance(0.6) ? r.pick(TRICKY_STRINGS) : trickyValue(r);
          const clientId = r.chance(0.7) ? `fz-${i}-${n}-${r.int(1e6)}` : trickyValue(r);
          payload = r.chance(0.85) ? { roomId, text, clientId } : trickyValue(r);
        }
        // Frames over 16 KB close the connection by design (maxHttpBufferSize): expected, then reconnect.
        const oversized = Buffer.byteLength(JSON.stringify(payload ?? null)) > 15_000;
        const ack = await ask(socket, event, payload);
        if (oversized) {
          probe.check(!socket.connected && ack === null, `chat ${event}: a frame over 16 KB was taken`);
          socket.close();
          socket = await connectChat(url, tokens[i % tokens.length]);
          await ask(socket, "room:join", { roomId: ctx.chatRoomId });
          continue;
        }
        if (!socket.connected) {
          probe.fail(`chat ${event}: the slave dropped a socket sending ${PACE_MS} ms apart`);
          return;
        }
        checkAck(ctx, ack, `${event} ${JSON.stringify(payload ?? null).slice(0, 200)}`);
        if (ack?.ok && ack.message) tally.storedIds.add(ack.message.id);
        await sleep(PACE_MS);
      }
      socket.close();
    }),
  );
  // Events without an ack callback, unknown events and odd argument lists: nothing to answer, nothing may break.
  const last = await connectChat(ctx.slaveUrls[0] ?? "", ctx.accounts.shopper.token);
  for (let n = 0; n < 20; n++) {
    probe.sent += 1;
    const small = () => {
      const v = trickyValue(r);
      return JSON.stringify(v ?? null).length > 10_000 ? "x" : v;
    };
    last.emit(
      r.pick(["room:join", "chat:send", "room:leave", "no:such", "__proto__", "constructor"]),
      small(),
      small(),
    );
    await sleep(PACE_MS);
  }
  const ack = await ask(last, "room:join", { roomId: ctx.chatRoomId });
  probe.check(ack?.ok === true, "chat: a socket that sent ack-less and unknown events still gets answers");
  last.close();
}

/** Handshakes with tokens that are not valid: refused with UNAUTHENTICATED, never INTERNAL, never let in. */
export async function forgedHandshakes(ctx: THostileContext): Promise<void> {
  const forged: unknown[] = [
    "x",
    "a".repeat(401),
    "a".repeat(201),
    "ct1.",
    "ct1.eyJzaWQiOiJ4IiwiZXhwIjo5OTk5OTk5OTk5OTk5fQ.AAAA",
    `ct1.${Buffer.from(JSON.stringify({ sid: "0".repeat(64), exp: Date.now() + 60_000 })).toString("base64url")}.forged`,
    ctx.accounts.shopper.token.slice(0, -1),
    12345,
    { token: "nested" },
    ["array"],
    true,
  ];
  for (const token of forged) {
    ctx.probe.sent += 1;
    const outcome = await connectChat(ctx.slaveUrls[0] ?? "", token).then(
      (s) => (s.close(), "connected"),
      (err: Error) => err.message,
    );
    ctx.probe.check(
      outcome === "UNAUTHENTICATED",
      `chat handshake with a forged token ${JSON.stringify(token).slice(0, 40)} → ${outcome}`,
    );
  }
}

/** Engine.IO/Socket.IO frames no client library would send, on a raw WebSocket: the slave must shrug. */
export async function rawSocketGarbage(ctx: THostileContext): Promise<void> {
  const frames: (string | Buffer)[] = [
    "garbage",
    "4",
    "42",
    "42[",
    '42["chat:send"',
    '42["chat:send",{"roomId":1}]',
    '42["room:join",{"roomId":"x"},"notafunction"]',
    '420["room:join"]',
    "40/admin,",
    "40/../,",
    '451-["chat:send",{"_placeholder":true,"num":0}]',
    Buffer.from([0xff, 0x00, 0xfe]),
    "2probe",
    "6",
    "1",
    `42${JSON.stringify(["chat:send", { roomId: "a", text: "x".repeat(20_000), clientId: "big" }])}`,
  ];
  for (const url of ctx.slaveUrls) {
    for (const frame of frames) {
      ctx.probe.sent += 1;
      const ws = new WebSocket(`${url.replace(/^http/, "ws")}/socket.io/?EIO=4&transport=websocket`);
      const closed = new Promise<void>((resolve) => {
        ws.on("close", () => resolve());
        ws.on("error", () => resolve());
      });
      await new Promise<void>((resolve) => {
        ws.once("open", () => resolve());
        ws.once("error", () => resolve());
      });
      if (ws.readyState === WebSocket.OPEN) {
        ws.send("40");
        ws.send(frame);
      }
      await Promise.race([closed, sleep(300)]);
      ws.terminate();
    }
  }
}

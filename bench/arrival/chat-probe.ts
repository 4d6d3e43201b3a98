/**
 * Chat during the storm (bench:arrival, issue 16): signed-in chatters send steadily while the arrivals
 * land, and a listener on every slave of the room times each message from its send to its delivery. One
 * process sends and listens, so both ends read the same clock.
 */
import { randomUUID } from "node:crypto";
import { io, type Socket } from "socket.io-client";
import { percentile } from "@/bench/support/percentile";

export type TAccount = { email: string; password: string };

export type TChatProbe = {
  chatters: number;
  listeners: number;
  sent: number;
  refused: Record<string, number>;
  deliveries: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
};

type TMessage = { clientId?: string };
type TAck = { ok?: boolean; error?: { code?: string } };

/** A chat ticket for a demo account: sign in, then GET /api/chat/ticket with the session cookie. */
async function ticket(base: URL, account: TAccount): Promise<string> {
  const session = await fetch(new URL("/api/session", base), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(account),
  });
  const cookie = session.headers.getSetCookie()[0]?.split(";")[0];
  if (session.status !== 200 || !cookie)
    throw new Error(`chat probe: sign-in of ${account.email} answered ${session.status}`);
  const res = await fetch(new URL("/api/chat/ticket", base), { headers: { cookie } });
  const { token } = (await res.json()) as { token: string | null };
  if (!token) throw new Error(`chat probe: no chat ticket for ${account.email}`);
  return token;
}

/** The slaves the web tier hands out for the room: asked a few times, since it spreads viewers. */
async function slaveUrls(base: URL, roomId: string): Promise<string[]> {
  const urls = new Set<string>();
  for (let i = 0; i < 8; i++) {
    const res = await fetch(new URL(`/api/rooms/${roomId}/chat-node`, base));
    const { url } = (await res.json()) as { url?: string };
    if (url) urls.add(url);
  }
  if (urls.size === 0) throw new Error("chat probe: the web tier named no chat node");
  return [...urls];
}

function joined(url: string, roomId: string, token?: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = io(url, { transports: ["websocket"], auth: token ? { token } : {}, reconnection: false });
    socket.once("connect_error", (err) => reject(new Error(`chat probe: ${err.message}`)));
    socket.once("connect", () =>
      socket.emit("room:join", { roomId }, (ack: TAck) =>
        ack.ok === false
          ? reject(new Error(`chat probe: join refused ${ack.error?.code ?? ""}`))
          : resolve(socket),
      ),
    );
  });
}

/**
 * Starts the chatters (one per account, each sending every `everyMs`: the tier allows a user one message a
 * second) and the listeners; `stop()` waits a second for messages in flight and reports.
 */
export async function startChatProbe(
  base: URL,
  roomId: string,
  accounts: TAccount[],
  everyMs = 1100,
): Promise<{ stop(): Promise<TChatProbe> }> {
  const urls = await slaveUrls(base, roomId);
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  const refused: Record<string, number> = {};
  const onMessages = (messages: TMessage[]) => {
    const now = performance.now();
    for (const m of messages) {
      const at = m.clientId ? sentAt.get(m.clientId) : undefined;
      if (at !== undefined) latencies.push(now - at);
    }
  };
  const listeners = await Promise.all(urls.map((url) => joined(url, roomId)));
  for (const socket of listeners) {
    socket.on("chat:message", (m: TMessage) => onMessages([m]));
    socket.on("chat:messages", onMessages);
  }
  const tokens = await Promise.all(accounts.map((a) => ticket(base, a)));
  const chatters = await Promise.all(tokens.map((token, i) => joined(urls[i % urls.length]!, roomId, token)));
  const timers = chatters.map((socket, i) =>
    setInterval(() => {
      const clientId = randomUUID();
      sentAt.set(clientId, performance.now());
      socket.emit("chat:send", { roomId, text: `storm probe ${i}`, clientId }, (ack: TAck) => {
        if (ack.ok === false) refused[ack.error?.code ?? "?"] = (refused[ack.error?.code ?? "?"] ?? 0) + 1;
      });
    }, everyMs),
  );
  return {
    async stop() {
      for (const t of timers) clearInterval(t);
      await new Promise((r) => setTimeout(r, 1000));
      for (const s of [...listeners, ...chatters]) s.close();
      latencies.sort((a, b) => a - b);
      const round = (n: number) => Math.round(n * 10) / 10;
      return {
        chatters: chatters.length,
        listeners: listeners.length,
        sent: sentAt.size,
        refused,
        deliveries: latencies.length,
        p50Ms: round(percentile(latencies, 50)),
        p99Ms: round(percentile(latencies, 99)),
        maxMs: round(latencies.at(-1) ?? 0),
      };
    },
  };
}

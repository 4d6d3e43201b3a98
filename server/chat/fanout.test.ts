import "@/server/chat/test/fresh-db";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import type { TTestUser } from "@/server/chat/test/cluster";
import { clusterPerFile } from "@/server/chat/test/cluster-per-file";
import { updateChatSettings } from "@/server/chat/moderation/update-chat-settings";

const chat = clusterPerFile(2, "OFF");

async function joined(slave: number, token?: string, roomId?: string) {
  return (await chat.join(slave, token, { roomId })).client;
}

const codeOf = (ack: { ok: boolean; error?: { code: string } }) => (ack.ok ? "OK" : ack.error?.code);
const ascending = (ids: string[]) => ids.every((id, i) => i === 0 || Number(ids[i - 1]) < Number(id));

describe("batched delivery and group commit", () => {
  it("delivers a burst as chat:messages frames, each in id order, every message once on every slave", async () => {
    const users: TTestUser[] = [];
    for (let i = 0; i < 12; i++) users.push(await chat.cluster.newUser(`Burst${i}`));
    const senders = await Promise.all(users.map((u, i) => joined(i % 2, u.token)));
    const watchers = [await joined(0), await joined(1)];
    // All at once: they reach the slaves in the same few ticks, so commits and frames hold several.
    const acks = await Promise.all(senders.map((s, i) => s.send(`burst ${i}`)));
    expect(acks.map(codeOf)).toEqual(acks.map(() => "OK"));
    const ids = acks.map((a) => (a.ok ? a.message.id : ""));
    for (const w of watchers) {
      await w.waitFor(
        () => (ids.every((id) => w.messages.some((m) => m.id === id)) ? true : undefined),
        "the whole burst",
      );
      const got = w.messages.filter((m) => m.text.startsWith("burst "));
      expect(got).toHaveLength(12);
      expect(new Set(got.map((m) => m.id)).size).toBe(12);
      // Each frame is in id order (frames are contiguous slices of w.messages).
      let at = 0;
      for (const size of w.frames) {
        expect(ascending(w.messages.slice(at, at + size).map((m) => m.id))).toBe(true);
        at += size;
      }
    }
    // At least one frame carried several messages, on the senders' own slaves or after the relay.
    expect(Math.max(...watchers.flatMap((w) => w.frames))).toBeGreaterThan(1);
    expect(await db.chatMessage.count({ where: { id: { in: ids.map(Number) } } })).toBe(12);
  });

  it("keeps every acknowledged message of a group commit after the slave is SIGKILLed right after the acks", async () => {
    const users: TTestUser[] = [];
    for (let i = 0; i < 10; i++) users.push(await chat.cluster.newUser(`Durable${i}`));
    const senders = await Promise.all(users.map((u) => joined(1, u.token)));
    const acks = await Promise.all(senders.map((s, i) => s.send(`durable ${i}`)));
    await chat.cluster.stopSlave(1, "SIGKILL");
    const acked = acks.filter((a) => a.ok).map((a) => (a.ok ? Number(a.message.id) : 0));
    expect(acked).toHaveLength(10);
    const stored = await db.chatMessage.findMany({
      where: { id: { in: acked } },
      select: { id: true, text: true },
    });
    expect(stored.map((r) => r.id).sort((a, b) => a - b)).toEqual([...acked].sort((a, b) => a - b));
    await chat.cluster.startSlave(1);
    await chat.cluster.waitForSlaves(2);
  });
});

describe("per-user limits for the whole room", () => {
  it("counts the rate limit once per user across slaves (a burst of 5 in total, not per slave)", async () => {
    const user = await chat.cluster.newUser("TwoSlaves");
    const a = await joined(0, user.token);
    const b = await joined(1, user.token);
    // 4 on each slave at once: counted per slave all 8 would pass; for the whole tier the burst is 5 (one
    // more token may refill if the machine stalls the sends for a second).
    const acks = await Promise.all([0, 1, 2, 3].flatMap((i) => [a.send(`both a${i}`), b.send(`both b${i}`)]));
    const codes = acks.map(codeOf);
    expect(codes.filter((c) => c === "OK").length).toBeGreaterThanOrEqual(5);
    expect(codes.filter((c) => c === "OK").length).toBeLessThanOrEqual(6);
    expect(codes.filter((c) => c === "RATE_LIMITED").length).toBe(8 - codes.filter((c) => c === "OK").length);
  });

  it("applies slow mode to the user's last message on any slave, and a resend still gets its stored copy", async () => {
    await updateChatSettings(chat.cluster.users.admin, chat.cluster.roomId, { slowModeSeconds: 30 });
    try {
      const user = await chat.cluster.newUser("SlowBoth");
      const a = await joined(0, user.token);
      const b = await joined(1, user.token);
      await b.waitForState((s) => s.slowModeSeconds === 30, "slow mode on slave 2");
      const first = await a.send("slow one", "slow-1");
      expect(codeOf(first)).toBe("OK");
      const other = await b.send("slow two");
      expect(other).toMatchObject({ ok: false, error: { code: "SLOW_MODE" } });
      expect(!other.ok && other.error.retryAfterMs).toBeGreaterThan(25_000);
      // The first message's ack was "lost": resending it through the other slave is not refused.
      const resend = await b.send("slow one", "slow-1");
      expect(resend.ok && first.ok && resend.message.id).toBe(first.ok && first.message.id);
    } finally {
      await updateChatSettings(chat.cluster.users.admin, chat.cluster.roomId, { slowModeSeconds: 0 });
    }
  });
});

describe("clientId", () => {
  it("posts a clientId reused in another room there, instead of answering the first room's message", async () => {
    const other = await db.room.create({
      data: {
        slug: `second-${Date.now()}`,
        title: "Second show",
        sellerId: chat.cluster.sellerId,
        status: "LIVE",
      },
    });
    const user = await chat.cluster.newUser("TwoRooms");
    const inFirst = await joined(0, user.token);
    const inSecond = await joined(1, user.token, other.id);
    const first = await inFirst.send("hello first", "same-id");
    const second = await inSecond.send("hello second", "same-id");
    expect(first.ok && second.ok).toBe(true);
    if (!first.ok || !second.ok) return;
    expect(second.message).toMatchObject({ roomId: other.id, text: "hello second" });
    expect(second.message.id).not.toBe(first.message.id);
    // Within a room, the same clientId is still a resend.
    const again = await inSecond.send("hello second (resend)", "same-id");
    expect(again.ok && again.message.id).toBe(second.message.id);
    expect(await db.chatMessage.count({ where: { userId: user.id, clientId: "same-id" } })).toBe(2);
  });
});

import "@/server/chat/test/fresh-db";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import type { TTestUser } from "@/server/chat/test/cluster";
import { clusterPerFile } from "@/server/chat/test/cluster-per-file";
import { TestClient } from "@/server/chat/test/client";
import { updateChatSettings } from "@/server/chat/moderation/update-chat-settings";
import { addSanction } from "@/server/chat/moderation/add-sanction";
import { liftSanction } from "@/server/chat/moderation/lift-sanction";

const chat = clusterPerFile(3);

async function joined(token?: string, slave = 0) {
  return (await chat.join(slave, token)).client;
}

/** Applies settings and waits until the slave serving `client` has them. */
async function settle(client: TestClient, patch: Parameters<typeof updateChatSettings>[2]) {
  await updateChatSettings(chat.cluster.users.admin, chat.cluster.roomId, patch);
  const { updatedAt } = await db.room.findUniqueOrThrow({
    where: { id: chat.cluster.roomId },
    select: { updatedAt: true },
  });
  await client.waitForState((s) => s.settingsUpdatedAt === updatedAt.toISOString(), "new settings");
}

const codeOf = (ack: { ok: boolean; error?: { code: string } }) => (ack.ok ? "OK" : ack.error?.code);

describe("chat:send refusals", () => {
  it("UNAUTHENTICATED for guests (who may still read), and a bad token is refused at the handshake", async () => {
    const guest = await joined();
    expect(codeOf(await guest.send("hi"))).toBe("UNAUTHENTICATED");
    await expect(
      TestClient.connect(chat.cluster.slaveUrl(0), chat.cluster.roomId, "not-a-real-token"),
    ).rejects.toThrow("UNAUTHENTICATED");
  });

  it("NOT_JOINED before room:join, and NOT_FOUND for a room that does not exist", async () => {
    const me = await chat.cluster.newUser("Nojoin");
    const client = await TestClient.connect(chat.cluster.slaveUrl(1), chat.cluster.roomId, me.token);
    chat.keep(client);
    expect(codeOf(await client.send("hi"))).toBe("NOT_JOINED");
    client.roomId = "no-such-room";
    const ack = await client.join();
    expect(codeOf(ack)).toBe("NOT_FOUND");
  });

  it("INVALID for malformed payloads, without hurting the node; a missing ack callback is harmless", async () => {
    const me = await chat.cluster.newUser("Malformed");
    const client = await joined(me.token);
    const raw = client.socket as unknown as {
      timeout(ms: number): {
        emitWithAck(
          ev: string,
          ...args: unknown[]
        ): Promise<{ ok: boolean; error?: { code: string; fields?: object } }>;
      };
      emit(ev: string, ...args: unknown[]): void;
    };
    for (const bad of [
      "garbage",
      null,
      42,
      [],
      { roomId: chat.cluster.roomId },
      { roomId: chat.cluster.roomId, text: 5, clientId: "x" },
      { roomId: chat.cluster.roomId, text: "hi", clientId: "has spaces" },
      { roomId: "../etc", text: "hi", clientId: "a" },
    ]) {
      const ack = await raw.timeout(5000).emitWithAck("chat:send", bad);
      expect(ack.error?.code, JSON.stringify(bad)).toBe("INVALID");
    }
    expect(
      (await raw.timeout(5000).emitWithAck("chat:send", { roomId: chat.cluster.roomId, text: "hi" })).error
        ?.fields,
    ).toHaveProperty("clientId");
    expect(codeOf(await client.send("   \n  "))).toBe("INVALID");
    expect(codeOf(await raw.timeout(5000).emitWithAck("room:join", { sinceId: "abc" }))).toBe("INVALID");
    raw.emit("chat:send", { roomId: chat.cluster.roomId, text: "no ack wanted", clientId: "noack-1" });
    raw.emit("chat:send");
    raw.emit("room:join");
    await client.waitForText("no ack wanted");
    expect(codeOf(await client.send("still fine"))).toBe("OK");
  });

  it("INVALID for text that is not valid Unicode (a lone surrogate), and a message sent in the same tick is still stored", async () => {
    const [bad, good] = await Promise.all([
      chat.cluster.newUser("Surrogate"),
      chat.cluster.newUser("Bystander"),
    ]);
    const [badClient, goodClient] = await Promise.all([joined(bad.token, 2), joined(good.token, 2)]);
    // One group commit used to carry both: Prisma refused the whole statement, and both got INTERNAL.
    const [badAck, goodAck] = await Promise.all([
      badClient.send("\udfff\ud800"),
      goodClient.send("next to a bad one"),
    ]);
    expect(codeOf(badAck)).toBe("INVALID");
    expect(codeOf(goodAck)).toBe("OK");
    expect(codeOf(await badClient.send("a 😀 pair is fine"))).toBe("OK");
  });

  it("TOO_LONG over 500 characters after trimming", async () => {
    const me = await chat.cluster.newUser("Verbose");
    const client = await joined(me.token);
    expect(codeOf(await client.send("x".repeat(501)))).toBe("TOO_LONG");
    const ack = await client.send(`   ${"y".repeat(500)}   `);
    expect(ack.ok && ack.message.text).toBe("y".repeat(500));
  });

  it("RATE_LIMITED after a burst of 5, with the time to wait", async () => {
    const me = await chat.cluster.newUser("Fast");
    const client = await joined(me.token);
    const acks = await Promise.all([1, 2, 3, 4, 5, 6].map((i) => client.send(`burst ${i}`)));
    expect(acks.map(codeOf)).toEqual(["OK", "OK", "OK", "OK", "OK", "RATE_LIMITED"]);
    const last = acks[5]!;
    expect(!last.ok && last.error.retryAfterMs).toBeGreaterThan(0);
    expect(!last.ok && last.error.retryAfterMs).toBeLessThanOrEqual(1000);
  });

  it("refuses a frame over 16 KB at the transport; the node keeps serving", async () => {
    const me = await chat.cluster.newUser("Huge");
    const client = await joined(me.token);
    const gone = new Promise<string>((resolve) => client.socket.once("disconnect", resolve));
    // No ack on purpose: the frame never reaches a handler.
    (client.socket as unknown as { emit(ev: string, payload: unknown): void }).emit("chat:send", {
      roomId: chat.cluster.roomId,
      text: "z".repeat(20 * 1024),
      clientId: "huge-1",
    });
    expect(await gone).toBe("transport close");
    expect(await db.chatMessage.count({ where: { clientId: "huge-1" } })).toBe(0);
    const other = await joined(chat.cluster.users.shopper.token);
    expect(codeOf(await other.send("after the big one"))).toBe("OK");
  });

  it("SLOW_MODE with a countdown for viewers; the seller is exempt", async () => {
    const me = await chat.cluster.newUser("Slow");
    const client = await joined(me.token);
    const seller = await joined(chat.cluster.users.seller.token);
    await settle(client, { slowModeSeconds: 30 });
    expect(codeOf(await client.send("first"))).toBe("OK");
    const second = await client.send("second");
    expect(codeOf(second)).toBe("SLOW_MODE");
    expect(!second.ok && second.error.retryAfterMs).toBeGreaterThan(25_000);
    expect([codeOf(await seller.send("s1")), codeOf(await seller.send("s2"))]).toEqual(["OK", "OK"]);
    await settle(client, { slowModeSeconds: 0 });
  });

  it("FROZEN for viewers while the seller and admins may still post", async () => {
    const me = await chat.cluster.newUser("Frozen");
    const client = await joined(me.token, 1);
    const seller = await joined(chat.cluster.users.seller.token, 1);
    const admin = await joined(chat.cluster.users.admin.token, 1);
    await settle(client, { frozen: true });
    expect(client.states.at(-1)?.frozen).toBe(true);
    expect(codeOf(await client.send("let me talk"))).toBe("FROZEN");
    expect(codeOf(await seller.send("host still talks"))).toBe("OK");
    expect(codeOf(await admin.send("admin still talks"))).toBe("OK");
    await settle(client, { frozen: false });
    expect(codeOf(await client.send("thawed"))).toBe("OK");
  });

  it("BLOCKED_WORD, matched case-insensitively as a whole word", async () => {
    const me = await chat.cluster.newUser("Rude");
    const client = await joined(me.token, 2);
    await settle(client, { blockedWords: ["Spoiler", "나쁜말"] });
    expect(codeOf(await client.send("big SPOILER ahead"))).toBe("BLOCKED_WORD");
    expect(codeOf(await client.send("이건 나쁜말이야"))).toBe("BLOCKED_WORD");
    expect(codeOf(await client.send("spoilers are fine, and so is unspoiler"))).toBe("OK");
    await settle(client, { blockedWords: [] });
  });

  async function sanctioned(type: "MUTE" | "BAN", user: TTestUser, client: TestClient, minutes?: number) {
    const { sanction } = await addSanction(chat.cluster.users.seller, chat.cluster.roomId, {
      userId: user.id,
      type,
      minutes,
    });
    const key = type === "MUTE" ? "mute" : "ban";
    await client.waitFor(() => client.restrictions.find((r) => r[key] !== null), `${type} notice`);
    return sanction;
  }

  it("MUTED with the time it ends, until the seller lifts it", async () => {
    const me = await chat.cluster.newUser("Muted");
    const client = await joined(me.token, 1);
    const sanction = await sanctioned("MUTE", me, client, 5);
    const ack = await client.send("can I speak?");
    expect(codeOf(ack)).toBe("MUTED");
    expect(!ack.ok && ack.error.until).toBe(sanction.until);
    expect(Date.parse(sanction.until ?? "") - Date.now()).toBeGreaterThan(4 * 60_000);
    await liftSanction(chat.cluster.users.seller, chat.cluster.roomId, me.id);
    await client.waitFor(() => client.restrictions.find((r) => r.mute === null && r.ban === null), "lifted");
    expect(codeOf(await client.send("thanks"))).toBe("OK");
  });

  it("BANNED until lifted, and a banned user who joins elsewhere is told at once", async () => {
    const me = await chat.cluster.newUser("Banned");
    const client = await joined(me.token, 2);
    await sanctioned("BAN", me, client);
    const ack = await client.send("hello?");
    expect(codeOf(ack)).toBe("BANNED");
    expect(!ack.ok && ack.error.until).toBeNull();
    const elsewhere = await joined(me.token, 0);
    await elsewhere.waitFor(() => elsewhere.restrictions.find((r) => r.ban !== null), "ban on join");
    expect(codeOf(await elsewhere.send("and here?"))).toBe("BANNED");
    const audit = await db.auditLog.findMany({ where: { targetUserId: me.id }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["sanction.add"]);
  });
});

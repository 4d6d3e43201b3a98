import "@/server/chat/test/fresh-db";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { clusterPerFile } from "@/server/chat/test/cluster-per-file";
import { deleteMessage } from "@/server/chat/moderation/delete-message";

const chat = clusterPerFile(3, "OFF");

async function joined(slave: number, token?: string, sinceId?: string) {
  const { client, ack } = await chat.join(slave, token, { sinceId });
  return { client, history: ack.ok ? ack.history : [] };
}

describe("delivery guarantees", () => {
  it("stores and delivers a resent clientId once, even when resent through another slave", async () => {
    const { shopper, shopper2 } = chat.cluster.users;
    const { client: sender } = await joined(0, shopper.token);
    const { client: watcher } = await joined(1, shopper2.token);
    const first = await sender.send("only once", "dup-1");
    const again = await sender.send("only once (edited resend)", "dup-1");
    expect(first.ok && again.ok).toBe(true);
    expect(again.ok && first.ok && again.message).toEqual(first.ok && first.message);

    sender.close();
    const { client: moved } = await joined(2, shopper.token);
    const viaOther = await moved.send("only once", "dup-1");
    expect(viaOther.ok && first.ok && viaOther.message.id).toBe(first.ok && first.message.id);

    await moved.say("after the resends");
    // Ordered relay: once the later message arrived, a second copy would have arrived before it.
    await watcher.waitForText("after the resends");
    expect(watcher.messages.filter((m) => m.clientId === "dup-1")).toHaveLength(1);
    expect(await db.chatMessage.count({ where: { userId: shopper.id, clientId: "dup-1" } })).toBe(1);
  }, 15_000);

  it("backfills exactly what a client missed after reconnecting to another slave: no gap, no duplicate", async () => {
    const { shopper } = chat.cluster.users;
    // The talker sends 8 messages: spread them over users, the rate limit is not under test here.
    const talkers = [
      (await joined(1, (await chat.cluster.newUser("Talk1")).token)).client,
      (await joined(1, (await chat.cluster.newUser("Talk2")).token)).client,
    ];
    let turn = 0;
    const talker = { say: (text: string) => talkers[turn++ % 2]!.say(text) };
    const { client: reader } = await joined(0, shopper.token);
    const before = [];
    for (let i = 1; i <= 3; i++) before.push(await talker.say(`before ${i}`));
    await reader.waitForText("before 3");
    const lastSeen = reader.messages.at(-1)!;
    expect(lastSeen.id).toBe(before[2]!.id);
    reader.close();

    const missed = [];
    for (let i = 1; i <= 4; i++) missed.push(await talker.say(`missed ${i}`));
    const { client: back, history } = await joined(2, shopper.token, lastSeen.id);
    expect(history.map((m) => m.id)).toEqual(missed.map((m) => m.id));

    const after = await talker.say("after reconnect");
    expect(await back.waitForText("after reconnect")).toEqual(after);
    expect(back.messages.map((m) => m.id)).toEqual([after.id]);
  });

  it("removes a deleted message for every client and from every later history", async () => {
    const { shopper, shopper2, seller } = chat.cluster.users;
    const { client: a } = await joined(0, shopper.token);
    const { client: b } = await joined(2, shopper2.token);
    const doomed = await a.say("delete me");
    await b.waitForText("delete me");
    const result = await deleteMessage(seller, chat.cluster.roomId, Number(doomed.id));
    expect(result).toEqual({ id: doomed.id, pushed: true });
    for (const c of [a, b])
      await c.waitFor(() => (c.deleted.includes(doomed.id) ? true : undefined), "chat:deleted");
    const { history } = await joined(1);
    expect(history.map((m) => m.id)).not.toContain(doomed.id);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "chat.delete" } });
    expect(audit).toMatchObject({
      actorId: seller.id,
      roomId: chat.cluster.roomId,
      targetUserId: shopper.id,
    });
  });
});

import { dbUrl, removeDbFiles } from "@/server/commerce/test/fresh-db";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { makeShow, makeUser } from "@/server/commerce/test/fixtures";
import { findByClientId, storeMessages } from "@/server/chat/store-message";

afterAll(async () => {
  await db.$disconnect();
  if (dbUrl.startsWith("file:")) removeDbFiles();
});

const send = (roomId: string, user: { id: string; name: string }, clientId: string, text: string) => ({
  roomId,
  userId: user.id,
  clientId,
  text,
  kind: "chat" as const,
  nodeId: "slave-1",
  author: { id: user.id, name: user.name, role: "SHOPPER" as const },
});

describe("a slave's group commit of messages", () => {
  it("stores a group in order, and answers a resend in it with the first copy, stored once", async () => {
    const seller = await makeUser("SELLER");
    const shopper = await makeUser();
    const [show, other] = [await makeShow(seller.id, []), await makeShow(seller.id, [])];
    const [first] = await storeMessages([send(show.id, shopper, "c1", "Does it come in blue?")]);
    expect(first).toMatchObject({
      created: true,
      message: { text: "Does it come in blue?", nodeId: "slave-1" },
    });

    const group = await storeMessages([
      send(show.id, shopper, "c2", "And in red?"),
      send(show.id, shopper, "c1", "Does it come in blue? (resent)"),
      // The same clientId in another room is another message.
      send(other.id, shopper, "c1", "Hello other show"),
    ]);
    expect(group.map((s) => s.created)).toEqual([true, false, true]);
    expect(group[1]!.message).toEqual(first!.message);
    expect(Number(group[0]!.message.id)).toBeGreaterThan(Number(first!.message.id));
    expect(await db.chatMessage.count({ where: { roomId: show.id } })).toBe(2);

    // What the slave acknowledged is what a later read (history, a resend through another slave) returns.
    const read = await findByClientId(shopper.id, show.id, "c2");
    expect(read).toEqual(group[0]!.message);
  });

  it("writes nothing of a group whose room is gone, and says so", async () => {
    const shopper = await makeUser();
    const before = await db.chatMessage.count();
    await expect(storeMessages([send("no-such-room", shopper, "x1", "hi")])).rejects.toThrow();
    expect(await db.chatMessage.count()).toBe(before);
  });
});

import "@/server/chat/test/fresh-db";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { clusterPerFile } from "@/server/chat/test/cluster-per-file";
import type { TestClient } from "@/server/chat/test/client";
import { updateChatSettings } from "@/server/chat/moderation/update-chat-settings";
import { postNotice } from "@/server/chat/moderation/post-notice";

const chat = clusterPerFile(3);

const joined = (slave: number, token?: string, roomId?: string) => chat.join(slave, token, { roomId });

describe("relay and separation across three slaves", () => {
  it("relays a viewer's message to the room's clients on every other slave, and keeps it for late joiners", async () => {
    const { admin, shopper, shopper2 } = chat.cluster.users;
    await updateChatSettings(admin, chat.cluster.roomId, { separation: "OFF" });
    const { client: a } = await joined(0, shopper.token);
    const { client: b } = await joined(1, shopper2.token);
    const { client: guest } = await joined(2);

    const sent = await a.say("hello from node 1");
    expect(sent).toMatchObject({
      roomId: chat.cluster.roomId,
      kind: "chat",
      nodeId: chat.cluster.nodeId(0),
      user: { id: shopper.id, role: "SHOPPER" },
    });
    expect(sent.id).toMatch(/^\d+$/);
    expect(Number.isNaN(Date.parse(sent.createdAt))).toBe(false);
    for (const c of [a, b, guest]) expect(await c.waitForText("hello from node 1")).toEqual(sent);

    const { ack } = await joined(2);
    expect(ack.ok && ack.history.map((m) => m.id)).toContain(sent.id);
  });

  it("with separation ON, viewers' chat stays in its group both ways while staff, notices and staff messages cross", async () => {
    const { admin, seller, shopper, shopper2 } = chat.cluster.users;
    const result = await updateChatSettings(admin, chat.cluster.roomId, { separation: "ON" });
    expect(result).toMatchObject({ separation: "ON", pushed: true });

    const { client: viewerA } = await joined(0, shopper.token);
    const { client: sellerA } = await joined(0, seller.token);
    const { client: viewerB } = await joined(1, shopper2.token);
    const { client: adminB } = await joined(1, admin.token);
    const { client: guestC, ack } = await joined(2);
    expect(ack.ok && ack.separated).toBe(true);
    // Staff presence reaches the master with the viewer count: wait for it before relying on it.
    for (const c of [viewerA, viewerB, guestC])
      await c.waitForState((s) => s.separated && s.viewers === 5 && s.groupCount === 3);

    const privateA = await viewerA.say("only group A");
    const privateB = await viewerB.say("only group B");
    const fromSeller = await sellerA.say("seller speaks to all");
    const fromAdmin = await adminB.say("admin speaks to all");
    const { message: notice } = await postNotice(admin, chat.cluster.roomId, "Free shipping tonight");

    // Each relay path is ordered: once the later staff message arrived, the viewer message would have too.
    await viewerB.waitForText("seller speaks to all");
    await viewerA.waitForText("admin speaks to all");
    await guestC.waitForText("seller speaks to all");
    await guestC.waitForText("admin speaks to all");
    for (const c of [viewerA, viewerB, guestC, sellerA, adminB])
      expect(await c.waitForText("Free shipping tonight")).toMatchObject({ kind: "notice", id: notice.id });

    expect(viewerB.texts()).not.toContain("only group A");
    expect(viewerA.texts()).not.toContain("only group B");
    expect(guestC.texts()).not.toContain("only group A");
    expect(guestC.texts()).not.toContain("only group B");
    expect(viewerA.texts()).toContain("only group A");

    // The seller and admins see every group, each message labelled with its group.
    expect(await adminB.waitForText("only group A")).toMatchObject({
      id: privateA.id,
      nodeId: chat.cluster.nodeId(0),
    });
    expect(await sellerA.waitForText("only group B")).toMatchObject({
      id: privateB.id,
      nodeId: chat.cluster.nodeId(1),
    });
    expect(fromSeller.user.role).toBe("SELLER");
    expect(fromAdmin.user.role).toBe("ADMIN");

    // History follows the same rule: a new viewer in group B sees B's chat, not A's; an admin anywhere sees both.
    const { ack: lateB } = await joined(1);
    const lateBTexts = lateB.ok ? lateB.history.map((m) => m.text) : [];
    expect(lateBTexts).toEqual(
      expect.arrayContaining([
        "only group B",
        "seller speaks to all",
        "admin speaks to all",
        "Free shipping tonight",
      ]),
    );
    expect(lateBTexts).not.toContain("only group A");
    const { ack: lateAdmin } = await joined(2, admin.token);
    expect(lateAdmin.ok && lateAdmin.history.map((m) => m.text)).toEqual(
      expect.arrayContaining(["only group A", "only group B"]),
    );
  });

  it("AUTO separates at autoSeparateAbove viewers and joins again only below 80% of it", async () => {
    const { admin } = chat.cluster.users;
    const room = await db.room.findUniqueOrThrow({ where: { slug: "skincare-friday" } });
    await updateChatSettings(admin, room.id, { separation: "AUTO", autoSeparateAbove: 5 });
    const guests: TestClient[] = [];
    for (let i = 0; i < 4; i++) guests.push((await joined(i % 3, undefined, room.id)).client);
    const first = guests[0]!;
    expect(await first.waitForState((s) => s.viewers === 4)).toMatchObject({
      separated: false,
      separation: "AUTO",
    });

    guests.push((await joined(1, undefined, room.id)).client);
    await first.waitForState((s) => s.viewers === 5 && s.separated, "separated at 5 viewers");

    guests.pop()!.close();
    // 4 is not below 80% of 5: still separated.
    expect(await first.waitForState((s) => s.viewers === 4)).toMatchObject({ separated: true });

    guests.pop()!.close();
    await first.waitForState((s) => s.viewers === 3 && !s.separated, "joined again at 3 viewers");
    // Every slave applied the decision.
    for (const g of guests) await g.waitForState((s) => s.viewers === 3 && !s.separated);
  });
});

import "@/server/chat/test/fresh-db";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { ApiError } from "@/server/http/errors";
import { clusterPerFile } from "@/server/chat/test/cluster-per-file";
import type { TestClient } from "@/server/chat/test/client";
import { assignChatNode, listChatNodes } from "@/server/chat/assign-chat-node";
import { broadcastProductUpdate } from "@/server/chat/control-client";
import { addSanction } from "@/server/chat/moderation/add-sanction";
import { postNotice } from "@/server/chat/moderation/post-notice";
import { updateChatSettings } from "@/server/chat/moderation/update-chat-settings";

const chat = clusterPerFile(3);

async function onEverySlave(token?: string): Promise<TestClient[]> {
  const clients = [];
  for (let i = 0; i < chat.cluster.slaves.length; i++) clients.push((await chat.join(i, token)).client);
  return clients;
}

describe("moderation and control from the web tier", () => {
  it("applies a settings change on every slave within 1 s and audits it", async () => {
    const clients = await onEverySlave();
    const started = Date.now();
    const settings = await updateChatSettings(chat.cluster.users.seller, chat.cluster.roomId, {
      slowModeSeconds: 10,
      blockedWords: ["  Scam ", "scam"],
    });
    expect(settings).toEqual({
      separation: "AUTO",
      autoSeparateAbove: 1000,
      slowModeSeconds: 10,
      frozen: false,
      blockedWords: ["scam"],
      pushed: true,
    });
    await Promise.all(clients.map((c) => c.waitForState((s) => s.slowModeSeconds === 10)));
    expect(Date.now() - started).toBeLessThan(1000);
    const audit = await db.auditLog.findFirstOrThrow({
      where: { action: "chat.settings" },
      orderBy: { id: "desc" },
    });
    expect(audit).toMatchObject({ actorId: chat.cluster.users.seller.id, roomId: chat.cluster.roomId });
    expect(JSON.parse(audit.details)).toMatchObject({
      change: { slowModeSeconds: 10, blockedWords: ["scam"] },
      before: { slowModeSeconds: 0 },
    });
  });

  it("refuses invalid settings with the bad fields named, and changes nothing", async () => {
    const bad = updateChatSettings(chat.cluster.users.seller, chat.cluster.roomId, {
      separation: "MAYBE" as "ON",
      slowModeSeconds: -1,
    });
    await expect(bad).rejects.toBeInstanceOf(ApiError);
    const error = (await bad.catch((e: unknown) => e)) as ApiError;
    expect(error).toMatchObject({ status: 400, code: "INVALID" });
    expect(Object.keys(error.fields ?? {}).sort()).toEqual(["separation", "slowModeSeconds"]);
    await expect(
      updateChatSettings(chat.cluster.users.seller, chat.cluster.roomId, { volume: 11 } as object),
    ).rejects.toMatchObject({ code: "INVALID" });
    await expect(
      updateChatSettings(chat.cluster.users.seller, "no-such-room", { frozen: true }),
    ).rejects.toMatchObject({ status: 404 });
    expect((await db.room.findUniqueOrThrow({ where: { id: chat.cluster.roomId } })).slowModeSeconds).toBe(
      10,
    );
  });

  it("broadcasts product:update to every client of the room", async () => {
    const clients = await onEverySlave();
    expect(
      await broadcastProductUpdate(chat.cluster.roomId, { productId: "p1", stock: 3, price: 39000 }),
    ).toBe(true);
    for (const c of clients) {
      expect(await c.waitFor(() => c.products[0], "product:update")).toEqual({
        roomId: chat.cluster.roomId,
        productId: "p1",
        stock: 3,
        price: 39000,
      });
    }
  });

  it("assigns the least loaded live slave, honours exclude, and lists the nodes", async () => {
    let nodes = await listChatNodes();
    while (nodes.some((n) => n.connections > 0)) {
      // The previous test's clients just left; the next heartbeat (≤ 1 s) reports it.
      await new Promise((r) => setTimeout(r, 100));
      nodes = await listChatNodes();
    }
    expect(nodes.map((n) => n.nodeId)).toEqual([0, 1, 2].map((i) => chat.cluster.nodeId(i)));
    expect(nodes[0]).toEqual({
      nodeId: chat.cluster.nodeId(0),
      url: chat.cluster.slaveUrl(0),
      connections: 0,
    });
    // Three assignments in a row spread over three slaves, before any heartbeat reports the new clients.
    const picked = [];
    for (let i = 0; i < 3; i++) picked.push((await assignChatNode("demo-live", null)).nodeId);
    expect(new Set(picked).size).toBe(3);
    const skip = `${chat.cluster.nodeId(0)},${chat.cluster.nodeId(1)}`;
    expect(await assignChatNode(chat.cluster.roomId, skip)).toEqual({
      nodeId: chat.cluster.nodeId(2),
      url: chat.cluster.slaveUrl(2),
    });
    await expect(assignChatNode("no-such-room", null)).rejects.toMatchObject({ status: 404 });
    await expect(assignChatNode(chat.cluster.roomId, "bad node!")).rejects.toMatchObject({
      status: 400,
      code: "INVALID",
    });
  });

  it("with the master down, changes are stored (pushed: false), reach slaves from the DB, and notices arrive when it is back", async () => {
    const viewer = await chat.cluster.newUser("Viewer");
    const clients = await onEverySlave(viewer.token);
    await chat.cluster.stopMaster("SIGKILL");
    await Promise.all(clients.map((c) => c.waitForState((s) => s.degraded)));

    const settings = await updateChatSettings(chat.cluster.users.admin, chat.cluster.roomId, {
      frozen: true,
    });
    expect(settings).toMatchObject({ frozen: true, pushed: false });
    await Promise.all(clients.map((c) => c.waitForState((s) => s.frozen, "frozen from the DB poll")));
    const { sanction, pushed } = await addSanction(chat.cluster.users.admin, chat.cluster.roomId, {
      userId: viewer.id,
      type: "MUTE",
      minutes: 10,
    });
    expect(pushed).toBe(false);
    await Promise.all(
      clients.map((c) =>
        c.waitFor(
          () => c.restrictions.find((r) => r.mute?.until === sanction.until),
          "mute from the DB poll",
        ),
      ),
    );

    const notice = await postNotice(chat.cluster.users.admin, chat.cluster.roomId, "We are back in a minute");
    expect(notice.pushed).toBe(false);
    await chat.cluster.startMaster();
    await Promise.all(clients.map((c) => c.waitForText("We are back in a minute")));
    await Promise.all(clients.map((c) => c.waitForState((s) => !s.degraded && s.frozen)));
    await updateChatSettings(chat.cluster.users.admin, chat.cluster.roomId, { frozen: false });
  }, 30_000);
});

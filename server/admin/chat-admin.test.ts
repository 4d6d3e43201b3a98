/**
 * The admin's operations on the chat tier, against real processes (a master and two slaves on a fresh DB):
 * drain moves a slave's clients to the other without losing a message, disabling a user ends their sockets
 * on every slave at once, signing out ends that session's, and every chat process answers /metrics in Prometheus text.
 */
import "@/server/chat/test/fresh-db";
import { describe, expect, it } from "vitest";
import type { TMessage } from "@/lib/chat/protocol";
import { db } from "@/server/db";
import { clusterPerFile } from "@/server/chat/test/cluster-per-file";
import { TestClient } from "@/server/chat/test/client";
import { assignNode, getChatStats, listNodes } from "@/server/chat/control-client";
import { drainChatNode } from "@/server/admin/drain-chat-node";
import { updateUser } from "@/server/admin/update-user";
import { issueChatTicket } from "@/server/auth/chat-ticket";
import { createSession, sessionIdOf } from "@/server/auth/sessions";
import { signOut } from "@/server/auth/sign-out";

const chat = clusterPerFile(2, "OFF");

describe("admin operations on the chat tier", () => {
  it("drains a slave: no new assignments, its clients move to the other slave and miss no message", async () => {
    const { admin } = chat.cluster.users;
    const drained = chat.cluster.nodeId(0);
    const moving = [
      chat.cluster.browser(0),
      chat.cluster.browser(0, (await chat.cluster.newUser("Mover")).token),
    ];
    const stayers = await Promise.all(
      [0, 1, 2, 3].map(async (i) =>
        chat.cluster.browser(1, (await chat.cluster.newUser(`Stayer${i}`)).token),
      ),
    );
    await chat.cluster.until(
      () => [...moving, ...stayers].every((c) => c.status === "connected"),
      "all connected",
    );
    expect(moving.map((c) => c.nodeId)).toEqual([drained, drained]);

    // Traffic from the other slave before, during and after the drain (each sender stays within its burst).
    const acked: TMessage[] = [];
    const traffic = (async () => {
      for (let n = 0; n < 16; n++) {
        const ack = await stayers[n % 4]!.send(`during drain #${n}`);
        expect(ack.ok, JSON.stringify(ack)).toBe(true);
        if (ack.ok) acked.push(ack.message);
        await new Promise((r) => setTimeout(r, 60));
      }
    })();
    await new Promise((r) => setTimeout(r, 250));
    await expect(drainChatNode(admin, drained, true)).resolves.toEqual({ nodeId: drained, draining: true });
    // At once: the master no longer hands it out, even to a client that asks for nothing in particular.
    for (let i = 0; i < 5; i++)
      expect((await assignNode(chat.cluster.roomId)).nodeId).toBe(chat.cluster.nodeId(1));
    await traffic;

    await chat.cluster.until(
      () => moving.every((c) => c.status === "connected" && c.nodeId === chat.cluster.nodeId(1)),
      "clients moved",
    );
    const ids = acked.map((m) => m.id);
    for (const c of moving)
      await chat.cluster.until(
        () => ids.every((id) => c.messages().some((m) => m.id === id)),
        "every message reached the moved clients",
      );
    // They keep chatting from their new slave.
    const after = await moving[1]!.send("from my new slave");
    expect(after.ok && after.message.nodeId).toBe(chat.cluster.nodeId(1));
    await chat.cluster.until(
      () => stayers[0]!.messages().some((m) => m.text === "from my new slave"),
      "the others see it",
    );

    const slave = (await (await fetch(`${chat.cluster.slaveUrl(0)}/health`)).json()) as {
      draining: boolean;
      connections: number;
    };
    expect(slave).toMatchObject({ draining: true, connections: 0 });
    expect((await listNodes()).find((n) => n.nodeId === drained)?.draining).toBe(true);
    await expect(TestClient.connect(chat.cluster.slaveUrl(0), chat.cluster.roomId)).rejects.toThrow(
      "DRAINING",
    );
    const audit = await db.auditLog.findFirst({ where: { action: "node.drain" }, orderBy: { id: "desc" } });
    expect(audit).toMatchObject({ actorId: admin.id, details: JSON.stringify({ nodeId: drained }) });

    // Resume: it takes clients again.
    await drainChatNode(admin, drained, false);
    const back = await TestClient.joined(chat.cluster.slaveUrl(0), chat.cluster.roomId);
    back.client.close();
    [...moving, ...stayers].forEach((c) => c.close());
    await chat.cluster.until(async () => (await listNodes()).every((n) => !n.draining), "no slave draining");
  });

  it("disabling a user ends their sockets on every slave at once and their token stops working", async () => {
    const { admin } = chat.cluster.users;
    const user = await chat.cluster.newUser("Troublemaker");
    const sockets = await Promise.all(
      [0, 1].map(
        async (i) =>
          (await TestClient.joined(chat.cluster.slaveUrl(i), chat.cluster.roomId, user.token)).client,
      ),
    );
    const bystander = (
      await TestClient.joined(
        chat.cluster.slaveUrl(0),
        chat.cluster.roomId,
        chat.cluster.users.shopper2.token,
      )
    ).client;
    const ended = sockets.map((c) => new Promise<string>((resolve) => c.socket.once("disconnect", resolve)));

    const started = Date.now();
    const result = await updateUser(admin, user.id, { disabled: true });
    expect(result).toMatchObject({ id: user.id, disabled: true, pushed: true });
    expect(await Promise.all(ended)).toEqual(["io server disconnect", "io server disconnect"]);
    expect(Date.now() - started).toBeLessThan(1500);
    expect(bystander.socket.connected).toBe(true);

    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    await expect(
      TestClient.connect(chat.cluster.slaveUrl(1), chat.cluster.roomId, user.token),
    ).rejects.toThrow("UNAUTHENTICATED");
    const audit = await db.auditLog.findFirst({ where: { action: "user.disable", targetUserId: user.id } });
    expect(audit?.actorId).toBe(admin.id);
    bystander.close();
  });

  it("signing out ends that session's chat sockets (by token and by ticket) on every slave, not the user's other sessions", async () => {
    const user = await chat.cluster.newUser("Leaver");
    const other = await createSession(user.id);
    const ticket = issueChatTicket(sessionIdOf(user.token), process.env.INTERNAL_SECRET ?? "").ticket;
    const byToken = (await TestClient.joined(chat.cluster.slaveUrl(0), chat.cluster.roomId, user.token))
      .client;
    const byTicket = (await TestClient.joined(chat.cluster.slaveUrl(1), chat.cluster.roomId, ticket)).client;
    const otherSession = (await TestClient.joined(chat.cluster.slaveUrl(1), chat.cluster.roomId, other.token))
      .client;
    const ended = [byToken, byTicket].map(
      (c) => new Promise<string>((resolve) => c.socket.once("disconnect", resolve)),
    );

    const started = Date.now();
    await expect(signOut(user.token)).resolves.toBe(true);
    expect(await Promise.all(ended)).toEqual(["io server disconnect", "io server disconnect"]);
    expect(Date.now() - started).toBeLessThan(1500);
    expect(otherSession.socket.connected).toBe(true);
    // The session is gone, and so is every ticket made from it.
    await expect(
      TestClient.connect(chat.cluster.slaveUrl(0), chat.cluster.roomId, user.token),
    ).rejects.toThrow("UNAUTHENTICATED");
    await expect(TestClient.connect(chat.cluster.slaveUrl(1), chat.cluster.roomId, ticket)).rejects.toThrow(
      "UNAUTHENTICATED",
    );
    expect((await otherSession.send("still here")).ok).toBe(true);
    await expect(signOut(user.token)).resolves.toBe(false);
    otherSession.close();
  });

  it("reports node stats to the master and answers /metrics in Prometheus text on master and slaves", async () => {
    const stats = await getChatStats();
    expect(stats.slaves.map((s) => s.nodeId)).toEqual([chat.cluster.nodeId(0), chat.cluster.nodeId(1)]);
    for (const s of stats.slaves) {
      expect(s.stats?.uptimeSec).toBeGreaterThanOrEqual(0);
      expect(s.stats?.rssBytes).toBeGreaterThan(0);
      expect(typeof s.stats?.cpuPercent).toBe("number");
      expect(Date.now() - Date.parse(s.lastHeartbeat)).toBeLessThan(3000);
    }
    expect(stats.history).toHaveLength(60);
    expect(stats.history.reduce((sum, h) => sum + h.messages, 0)).toBeGreaterThanOrEqual(17);

    const slave = await fetch(`${chat.cluster.slaveUrl(1)}/metrics`);
    expect(slave.headers.get("content-type")).toContain("text/plain");
    const slaveText = await slave.text();
    expect(slaveText).toContain(`onair_chat_connections{role="slave",node="${chat.cluster.nodeId(1)}"}`);
    expect(slaveText).toMatch(/^onair_chat_messages_in_total\{[^}]*\} [1-9]\d*$/m);
    expect(slaveText).toMatch(/^onair_chat_messages_delivered_total\{[^}]*\} [1-9]\d*$/m);
    expect(slaveText).toContain("# TYPE onair_chat_relay_latency_seconds histogram");
    expect(slaveText).toContain("process_cpu_seconds_total");

    const masterText = await (await fetch(`${chat.cluster.masterUrl}/metrics`)).text();
    expect(masterText).toContain('onair_chat_connections{role="master",node="master"} 2');
    expect(masterText).toMatch(/^onair_chat_messages_relayed_total\{[^}]*\} [1-9]\d*$/m);
    expect(masterText).toContain("# TYPE onair_chat_messages_in_total counter");
    expect(masterText).not.toContain("onair_orders_placed_total");
  });
});

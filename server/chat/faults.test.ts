import "@/server/chat/test/fresh-db";
import { describe, expect, it } from "vitest";
import type { ChatClient } from "@/lib/chat/client";
import type { TMessage } from "@/lib/chat/protocol";
import { db } from "@/server/db";
import type { TTestUser } from "@/server/chat/test/cluster";
import { clusterPerFile } from "@/server/chat/test/cluster-per-file";
import { assignNode, listNodes } from "@/server/chat/control-client";

const chat = clusterPerFile(3, "OFF");

describe("failures", () => {
  it("loses no acknowledged message when a slave and then the master are SIGKILLed under traffic", async () => {
    await listNodes(); // remembers the slaves, for assignments while the master is down
    const listeners = [0, 1, 2].map((i) => chat.cluster.browser(i));
    const senders: { user: TTestUser; client: ChatClient }[] = [];
    for (let i = 0; i < 9; i++) {
      const user = await chat.cluster.newUser(`Sender${i}`);
      senders.push({ user, client: chat.cluster.browser(i % 3, user.token) });
    }
    await chat.cluster.until(
      () => [...listeners, ...senders.map((s) => s.client)].every((c) => c.status === "connected"),
      "all connected",
    );

    const acked = new Map<string, TMessage>();
    let refused = 0;
    let running = true;
    // Each sender stays under the rate limit (1/s sustained); 9 of them give ~8 messages/s in total.
    const loops = senders.map(async ({ client }, i) => {
      await new Promise((r) => setTimeout(r, i * 120));
      for (let n = 0; running; n++) {
        const ack = await client.send(`s${i} #${n}`);
        if (ack.ok) acked.set(ack.message.id, ack.message);
        else refused += 1;
        await new Promise((r) => setTimeout(r, 1100));
      }
    });

    await new Promise((r) => setTimeout(r, 2000));
    await chat.cluster.stopSlave(0, "SIGKILL");
    await chat.cluster.waitForSlaves(2);
    await new Promise((r) => setTimeout(r, 2000));
    await chat.cluster.stopMaster("SIGKILL");
    await new Promise((r) => setTimeout(r, 1500));
    await chat.cluster.startMaster();
    await new Promise((r) => setTimeout(r, 2500));
    running = false;
    await Promise.all(loops);

    expect(acked.size).toBeGreaterThan(40);
    // Durable: every acknowledged message is in the DB, once.
    const stored = await db.chatMessage.findMany({ where: { id: { in: [...acked.keys()].map(Number) } } });
    expect(stored).toHaveLength(acked.size);
    // Delivered: every listener (one of which lost its slave) ends up with every acknowledged message.
    for (const [i, listener] of listeners.entries()) {
      await chat.cluster.until(() => {
        const have = new Set(listener.messages().map((m) => m.id));
        return [...acked.keys()].every((id) => have.has(id));
      }, `listener ${i} has all ${acked.size} acked messages (refused: ${refused})`);
    }
    for (const c of [...listeners, ...senders.map((s) => s.client)]) c.close();
  }, 60_000);

  it("resumes cross-slave relay within 2 s of a master restart, without manual action", async () => {
    await chat.cluster.startSlave(0);
    await chat.cluster.waitForSlaves(3);
    const a = (await chat.newViewer(0, "Before")).client;
    const b = (await chat.join(2)).client;
    await b.waitForState((s) => s.viewers === 2 && !s.degraded);

    await chat.cluster.stopMaster("SIGKILL");
    await b.waitForState((s) => s.degraded, "degraded room:state");
    const during = await a.say("sent while the master is down");
    expect(during.nodeId).toBe(chat.cluster.nodeId(0));

    await chat.cluster.startMaster();
    const up = Date.now();
    await chat.cluster.waitForSlaves(3, 2000);
    const sender = (await chat.newViewer(0, "After")).client;
    await sender.say("relayed after the restart");
    await b.waitForText("relayed after the restart");
    expect(Date.now() - up).toBeLessThan(2000);
    // What crossed no slave during the outage arrives too, from the DB.
    await b.waitForText("sent while the master is down");
    await b.waitForState((s) => !s.degraded);
  });

  it("stops cleanly on SIGTERM (exit code 0) and the master forgets the slave at once", async () => {
    await chat.cluster.stopSlave(1, "SIGTERM");
    expect(chat.cluster.exitCode(chat.cluster.nodeId(1))).toBe(0);
    await chat.cluster.waitForSlaves(2, 1000);
    const nodes = await listNodes();
    expect(nodes.map((n) => n.nodeId)).not.toContain(chat.cluster.nodeId(1));
    const assigned = await assignNode(chat.cluster.roomId, [chat.cluster.nodeId(0)]);
    expect(assigned.nodeId).toBe(chat.cluster.nodeId(2));
    await chat.cluster.stopMaster("SIGTERM");
    expect(chat.cluster.exitCode("master")).toBe(0);
    await chat.cluster.startMaster();
  });
});

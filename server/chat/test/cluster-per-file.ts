import { afterAll, afterEach, beforeAll } from "vitest";
import type { TRestriction } from "@/lib/chat/protocol";
import { addSanction } from "@/server/chat/moderation/add-sanction";
import { updateChatSettings } from "@/server/chat/moderation/update-chat-settings";
import { Cluster } from "@/server/chat/test/cluster";
import { TestClient } from "@/server/chat/test/client";

/**
 * One chat cluster for a test file (import "@/server/chat/test/fresh-db" first): started before the first
 * test, with the demo room's separation set when `separation` is given; every client opened through
 * `join` (or handed to `keep`) closed after each test; every process stopped after the last test.
 */
export function clusterPerFile(slaveCount: number, separation?: "ON" | "OFF") {
  const open: TestClient[] = [];
  let started: Cluster | undefined;
  const file = {
    /** The running cluster (from beforeAll on). */
    get cluster(): Cluster {
      if (!started) throw new Error("the cluster starts in beforeAll");
      return started;
    },
    /** A client joined to the room (the demo room unless `roomId`) on slave `slave`. */
    async join(slave: number, token?: string, opts: { roomId?: string; sinceId?: string } = {}) {
      const c = file.cluster;
      const joined = await TestClient.joined(c.slaveUrl(slave), opts.roomId ?? c.roomId, token, opts.sinceId);
      open.push(joined.client);
      return joined;
    },
    /** A new signed-in viewer named `name`, joined on slave `slave`. */
    async newViewer(slave: number, name: string) {
      const user = await file.cluster.newUser(name);
      return { user, client: (await file.join(slave, user.token)).client };
    },
    /** A new viewer joined on slave `slave` whom an admin has just banned or muted, once their client knows. */
    async sanctioned(slave: number, type: "BAN" | "MUTE") {
      const c = file.cluster;
      const { user, client } = await file.newViewer(slave, type === "BAN" ? "Banned" : "Muted");
      await addSanction(c.users.admin, c.roomId, { userId: user.id, type });
      const arrived =
        type === "BAN" ? (r: TRestriction) => r.ban !== null : (r: TRestriction) => r.mute !== null;
      await client.waitFor(() => client.restrictions.find(arrived), `the ${type.toLowerCase()} to arrive`);
      return client;
    },
    /** Closes `client` after the test too. */
    keep(client: TestClient): TestClient {
      open.push(client);
      return client;
    },
  };
  beforeAll(async () => {
    started = await Cluster.start(slaveCount);
    if (separation) await updateChatSettings(started.users.admin, started.roomId, { separation });
  }, 60_000);
  afterEach(() => open.splice(0).forEach((c) => c.close()));
  afterAll(async () => {
    await started?.stop();
  });
  return file;
}

import { afterEach, beforeAll } from "vitest";
import { clusterPerFile } from "@/server/chat/test/cluster-per-file";
import { stockOf } from "@/server/commerce/test/fixtures";
import type { TFinishHow } from "@/server/engage/finish-live-item";

/**
 * What a live-item test file (auctions, giveaways) runs against: one cluster of two slaves with separation
 * ON, the demo room's first product (from beforeAll on), and after each test an admin cancels whatever item
 * still runs, so each case starts with none running.
 */
export function liveItemTestFile(opts: {
  running: () => Promise<{ id: string }[]>;
  finish: (id: string, how: TFinishHow) => Promise<unknown>;
}) {
  const chat = clusterPerFile(2, "ON");
  let productId = "";
  beforeAll(async () => {
    productId = await chat.cluster.firstProductId();
  });
  afterEach(async () => {
    const actorId = chat.cluster.users.admin.id;
    for (const { id } of await opts.running())
      await opts.finish(id, { kind: "cancel", actorId, reason: "test cleanup" });
  });
  return {
    chat,
    /** The product every item of the file is of. */
    productId: () => productId,
    /** Its stock now. */
    stock: () => stockOf(productId),
    /** A client joined to the demo room on slave `slave`, signed in with `token` or a guest. */
    joined: async (slave: number, token?: string) => (await chat.join(slave, token)).client,
  };
}

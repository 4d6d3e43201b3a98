import { seedIfEmpty } from "@/scripts/seed";
import { configureControlClient } from "@/server/chat/control-client";
import { updateChatSettings } from "@/server/chat/moderation/update-chat-settings";
import { prepareDatabase } from "@/server/chat/test/cluster";
import { chatTierNotifier } from "@/server/commerce/chat-tier-notifier";
import { setCommerceNotifier } from "@/server/commerce/notify";
import { db } from "@/server/db";
import { Deployment } from "@/server/deploy/test/deployment";

/**
 * The multi-host deployment on the seeded database, wired as in production: this process's control client
 * follows its masters and commerce broadcasts go to its chat tier (under vitest they are only logged). The
 * demo show's chat is unseparated. `stop` ends the processes and undoes the wiring.
 */
export async function startDemoDeployment(slaveCount: number) {
  prepareDatabase();
  await seedIfEmpty();
  const room = await db.room.findUniqueOrThrow({
    where: { slug: "demo-live" },
    select: { id: true, sellerId: true },
  });
  const d = await Deployment.start(slaveCount);
  configureControlClient({ urls: d.masterUrls, secret: process.env.INTERNAL_SECRET ?? "" });
  setCommerceNotifier(chatTierNotifier);
  const admin = await db.user.findUniqueOrThrow({ where: { email: "admin@onair.test" } });
  await updateChatSettings({ id: admin.id }, room.id, { separation: "OFF" });
  return {
    d,
    room,
    stop: async () => {
      await d.stop();
      configureControlClient(null);
      setCommerceNotifier(null);
    },
  };
}

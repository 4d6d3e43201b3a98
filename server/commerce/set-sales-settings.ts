import { db } from "@/server/db";
import { withBusyRetry } from "@/server/commerce/with-busy-retry";

/** Turns the show's "someone just bought <product>" chat announcements on or off. */
export async function setSalesSettings(
  roomId: string,
  settings: { announcePurchases: boolean },
): Promise<{ announcePurchases: boolean }> {
  await withBusyRetry("sales settings", () =>
    db.room.update({ where: { id: roomId }, data: { announcePurchases: settings.announcePurchases } }),
  );
  return { announcePurchases: settings.announcePurchases };
}

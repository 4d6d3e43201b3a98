import { db } from "@/server/db";

/** How many viewers asked to be reminded of a show (the seller's figure, kept after it goes live). */
export async function reminderCount(roomId: string): Promise<number> {
  return db.reminder.count({ where: { roomId } });
}

import "server-only";
import { api, NO_STORE, signedIn } from "@/server/api/base";
import { validShowId } from "@/server/api/room-access";
import { isSellerOrAdmin } from "@/server/auth/room-staff";
import { notFound } from "@/server/http/errors";
import { db } from "@/server/db";
import { hasReminder, setReminder } from "@/server/reminders/set-reminder";
import { reminderCount } from "@/server/reminders/reminder-count";
import type { TReminderState } from "@/lib/reminders/reminder-schemas";

/** lib/reminders/reminders.contract.ts, served: the show's id is checked (400), then who asks (401). */
export const reminders = {
  get: api.reminders.get
    .use(validShowId)
    .use(signedIn())
    .handler(async ({ input, context }) => {
      const room = await db.room.findUnique({
        where: { id: input.params.id },
        select: { id: true, sellerId: true },
      });
      if (!room) throw notFound("This show does not exist.");
      const state: TReminderState = {
        roomId: room.id,
        reminded: await hasReminder(context.user.id, room.id),
      };
      if (isSellerOrAdmin(context.user, room.sellerId)) state.reminderCount = await reminderCount(room.id);
      return { headers: NO_STORE, body: state };
    }),
  set: api.reminders.set
    .use(validShowId)
    .use(signedIn())
    .handler(async ({ input, context }) => ({
      headers: NO_STORE,
      body: await setReminder(context.user.id, input.params.id, true),
    })),
  unset: api.reminders.unset
    .use(validShowId)
    .use(signedIn())
    .handler(async ({ input, context }) => ({
      headers: NO_STORE,
      body: await setReminder(context.user.id, input.params.id, false),
    })),
};

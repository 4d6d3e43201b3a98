import "server-only";
import { api } from "@/server/api/base";
import { currentUser } from "@/server/auth/request";
import { upcomingReminderRoomIds } from "@/server/reminders/set-reminder";

/** lib/session/me.contract.ts, served: anyone may ask; a guest is `user: null`. */
export const me = {
  get: api.me.get.handler(async () => {
    const user = await currentUser();
    return {
      headers: { "cache-control": "private, no-store" },
      body: {
        user: user ? { id: user.id, name: user.name, email: user.email, role: user.role } : null,
        remindedRoomIds: user ? await upcomingReminderRoomIds(user.id) : [],
      },
    };
  }),
};

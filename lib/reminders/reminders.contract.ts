import { oc } from "@orpc/contract";
import { z } from "zod";
import { ZIdParams, withHeaders } from "@/lib/api/contract-kit";
import { ZReminderState } from "@/lib/reminders/reminder-schemas";

const route = {
  tags: ["reminders"],
  path: "/rooms/{id}/reminder",
  inputStructure: "detailed",
  outputStructure: "detailed",
} as const;
const reminder = oc.input(z.object({ params: ZIdParams })).output(withHeaders(ZReminderState));

/** "Remind me" for an upcoming show (signed in): the state, set and taken back; 409 once it is live or ended. */
export const remindersContract = {
  get: reminder.route({
    ...route,
    method: "GET",
    summary: "Whether I asked to be reminded; the show's seller or an ADMIN also get `reminderCount`.",
  }),
  set: reminder.route({
    ...route,
    method: "PUT",
    summary: "Remind me when this upcoming show goes live (409 SHOW_LIVE or SHOW_ENDED otherwise).",
  }),
  unset: reminder.route({
    ...route,
    method: "DELETE",
    summary: "Take the reminder back (409 SHOW_LIVE or SHOW_ENDED once it has done its work).",
  }),
};

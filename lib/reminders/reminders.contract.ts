import { z } from "zod";
import { detailedOutput, route, withHeaders, ZIdParams } from "@/lib/api/contract-kit";
import { ZReminderState } from "@/lib/reminders/reminder-schemas";

const path = "/rooms/{id}/reminder";
const input = z.object({ params: ZIdParams });
const output = withHeaders(ZReminderState);

/** "Remind me" for an upcoming show (signed in): the state, set and taken back; 409 once it is live or ended. */
export const remindersContract = {
  get: route
    .get(
      path,
      "Whether I asked to be reminded; the show's seller or an ADMIN also get `reminderCount`.",
      detailedOutput,
    )
    .input(input)
    .output(output),
  set: route
    .put(
      path,
      "Remind me when this upcoming show goes live (409 SHOW_LIVE or SHOW_ENDED otherwise).",
      detailedOutput,
    )
    .input(input)
    .output(output),
  unset: route
    .delete(
      path,
      "Take the reminder back (409 SHOW_LIVE or SHOW_ENDED once it has done its work).",
      detailedOutput,
    )
    .input(input)
    .output(output),
};

import { detailedOutput, route, withHeaders } from "@/lib/api/contract-kit";
import { ZMeResponse } from "@/lib/session/me.types";

/** `GET /api/me`: who is looking, for the parts of the cached pages (`/`, `/live/<slug>`) that depend on it. */
export const meContract = {
  get: route
    .get(
      "/me",
      "Anyone: `{ user: { id, name, email, role } | null, remindedRoomIds }` (private, no-store): the account menu, reminders and staff tools of a page everyone shares.",
      detailedOutput,
    )
    .output(withHeaders(ZMeResponse)),
};

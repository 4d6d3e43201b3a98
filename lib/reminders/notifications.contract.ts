import { z } from "zod";
import { detailedOutput, route, withHeaders } from "@/lib/api/contract-kit";
import {
  ZListNotificationsQuery,
  ZMarkReadRequest,
  ZNotificationList,
} from "@/lib/reminders/reminder-schemas";

const ZHeaders = z.record(z.string(), z.string());

/** The bell (signed in): the caller's notifications, polled with the ETag it holds, and marking them read. */
export const notificationsContract = {
  list: route
    .get(
      "/notifications",
      "My notifications, newest first, and the unread count, with an `ETag`: `If-None-Match` with it answers 304 without a body while nothing changed.",
      detailedOutput,
    )
    .input(
      z.object({
        query: ZListNotificationsQuery,
        headers: z.object({ "if-none-match": z.string().optional() }),
      }),
    )
    // Two literal statuses, as the orders contract's 201/200: the OpenAPI generator needs them apart.
    .output(
      z.union([
        z.object({ status: z.literal(200), headers: ZHeaders, body: ZNotificationList }),
        z.object({ status: z.literal(304), headers: ZHeaders }),
      ]),
    ),
  markRead: route
    .post(
      "/notifications/read",
      "Marks my notifications read, `{ all: true }` or `{ ids }` → `{ unread }`.",
      detailedOutput,
    )
    .input(z.object({ body: ZMarkReadRequest }))
    .output(withHeaders(z.object({ unread: z.number() }))),
};

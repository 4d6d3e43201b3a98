/**
 * Reminders and notifications, one contract for server and browser: request schemas (zod), the views the
 * API answers with, and how often the bell asks. Browser-safe.
 */
import { z } from "zod";

/** The bell shows at most this many notifications; older ones stay in the database, unread counted. */
export const DEFAULT_NOTIFICATION_LIMIT = 20;
export const MAX_NOTIFICATION_LIMIT = 50;
/** At most this many ids in one `POST /api/notifications/read`. */
export const MAX_READ_IDS = 100;
/**
 * How often an open page asks for new notifications. 15 s keeps "the show is live" timely (a show's first
 * minutes are its best) while 10,000 open pages cost ~670 small requests/s, each answered 304 when nothing
 * changed (see docs/ARCHITECTURE.md, "Notifications").
 */
export const NOTIFICATION_POLL_MS = 15_000;

const ZId = z
  .string({ error: "An id is a string." })
  .min(1, "An id is not empty.")
  .max(64, "An id is at most 64 characters.")
  .regex(/^[A-Za-z0-9_-]+$/, "Not a notification id.");

/** `GET /api/notifications?limit=` */
export const ZListNotificationsQuery = z.strictObject({
  limit: z.coerce
    .number({ error: "limit is a number." })
    .int("limit is a whole number.")
    .min(1, "limit is at least 1.")
    .max(MAX_NOTIFICATION_LIMIT, `limit is at most ${MAX_NOTIFICATION_LIMIT}.`)
    .default(DEFAULT_NOTIFICATION_LIMIT),
});

/** `POST /api/notifications/read`: `{ all: true }` or `{ ids: [...] }`, exactly one of them. */
export const ZMarkReadRequest = z
  .strictObject({
    all: z.literal(true, { error: "all is true when given." }).optional(),
    ids: z
      .array(ZId, { error: "ids is a list of notification ids." })
      .min(1, "Name at least one notification.")
      .max(MAX_READ_IDS, `At most ${MAX_READ_IDS} ids at a time.`)
      .optional(),
  })
  .refine((v) => (v.all ? 1 : 0) + (v.ids ? 1 : 0) === 1, {
    message: "Send either ids or all: true.",
    path: ["ids"],
  });
export type TMarkReadRequest = z.infer<typeof ZMarkReadRequest>;

/** One notification as the bell shows it: the show it is about, to link to. */
const ZNotificationView = z.object({
  id: z.string(),
  kind: z.enum(["SHOW_LIVE"]),
  createdAt: z.string(),
  readAt: z.string().nullable(),
  show: z.object({
    id: z.string(),
    slug: z.string(),
    title: z.string(),
    status: z.enum(["SCHEDULED", "LIVE", "ENDED"]),
  }),
});
export type TNotificationView = z.infer<typeof ZNotificationView>;

/** `GET /api/notifications`: the caller's newest first, and how many of all theirs are unread. */
export const ZNotificationList = z.object({ notifications: z.array(ZNotificationView), unread: z.number() });
export type TNotificationList = z.infer<typeof ZNotificationList>;

/** `GET|PUT|DELETE /api/rooms/:id/reminder`. `reminderCount` only for the show's seller or an ADMIN. */
export const ZReminderState = z.object({
  roomId: z.string(),
  reminded: z.boolean(),
  reminderCount: z.number().int().optional(),
});
export type TReminderState = z.infer<typeof ZReminderState>;

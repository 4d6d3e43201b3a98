import "@/server/chat/test/fresh-db";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { prepareDatabase } from "@/server/chat/test/cluster";
import { seedIfEmpty } from "@/scripts/seed";
import { ApiError } from "@/server/http/errors";
import { markLive } from "@/server/media/room-status";
import { hasReminder, remindedRoomIds, setReminder } from "@/server/reminders/set-reminder";
import { reminderCount } from "@/server/reminders/reminder-count";
import { listStudioShows } from "@/server/rooms/list-studio-shows";
import { getStudioShow } from "@/server/rooms/get-studio-show";
import { notifyShowLive } from "@/server/notifications/notify-show-live";
import { listNotifications } from "@/server/notifications/list-notifications";
import { markNotificationsRead } from "@/server/notifications/mark-notifications-read";
import {
  MAX_NOTIFICATION_LIMIT,
  MAX_READ_IDS,
  ZListNotificationsQuery,
  ZMarkReadRequest,
} from "@/lib/reminders/reminder-schemas";

let sellerId = "";
let shoppers: string[] = [];
let roomId = "";

async function newShow(status: "SCHEDULED" | "LIVE" | "ENDED" = "SCHEDULED"): Promise<string> {
  const slug = `reminders-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`;
  return (await db.room.create({ data: { slug, title: `Show ${slug}`, sellerId, status } })).id;
}

async function refusal(p: Promise<unknown>): Promise<{ status: number; code: string }> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ApiError);
  return { status: (err as ApiError).status, code: (err as ApiError).code };
}

const notificationsOf = (userId: string) => db.notification.findMany({ where: { userId } });

beforeAll(async () => {
  prepareDatabase();
  await seedIfEmpty();
  sellerId = (await db.user.findUniqueOrThrow({ where: { email: "seller@onair.test" } })).id;
  shoppers = (
    await Promise.all(
      ["shopper@onair.test", "shopper2@onair.test", "admin@onair.test"].map((email) =>
        db.user.findUniqueOrThrow({ where: { email } }),
      ),
    )
  ).map((u) => u.id);
});
beforeEach(async () => {
  roomId = await newShow();
});

describe("reminders", () => {
  it("set twice is once, counted for the seller, and can be taken back", async () => {
    const [a, b] = shoppers as [string, string];
    expect(await setReminder(a, roomId, true)).toEqual({ roomId, reminded: true });
    expect(await setReminder(a, roomId, true)).toEqual({ roomId, reminded: true });
    await setReminder(b, roomId, true);
    expect(await reminderCount(roomId)).toBe(2);
    expect(await hasReminder(a, roomId)).toBe(true);
    // The seller's studio list and console carry the count.
    const row = (await listStudioShows({ id: sellerId, role: "SELLER" })).find((s) => s.id === roomId);
    expect(row?.reminderCount).toBe(2);
    const { slug } = await db.room.findUniqueOrThrow({ where: { id: roomId } });
    expect((await getStudioShow(slug))?.reminderCount).toBe(2);

    expect(await setReminder(a, roomId, false)).toEqual({ roomId, reminded: false });
    expect(await setReminder(a, roomId, false)).toEqual({ roomId, reminded: false });
    expect(await hasReminder(a, roomId)).toBe(false);
    const other = await newShow();
    expect(await reminderCount(other)).toBe(0);
    expect(await remindedRoomIds(b, [roomId, other])).toEqual(new Set([roomId]));
  });

  it("is refused once the show is live or ended, and for a show that does not exist", async () => {
    const [a] = shoppers as [string];
    expect(await refusal(setReminder(a, await newShow("LIVE"), true))).toEqual({
      status: 409,
      code: "SHOW_LIVE",
    });
    expect(await refusal(setReminder(a, await newShow("ENDED"), true))).toEqual({
      status: 409,
      code: "SHOW_ENDED",
    });
    expect(await refusal(setReminder(a, await newShow("LIVE"), false))).toEqual({
      status: 409,
      code: "SHOW_LIVE",
    });
    expect(await refusal(setReminder(a, "no-such-show", true))).toEqual({ status: 404, code: "NOT_FOUND" });
  });
});

describe("going live notifies everyone who asked, once", () => {
  it("markLive creates one SHOW_LIVE notification per reminder, newest first in the bell, unread counted", async () => {
    const [a, b, c] = shoppers as [string, string, string];
    const earlier = await newShow();
    await setReminder(a, earlier, true);
    await markLive(earlier, new Date());
    await expect.poll(async () => (await notificationsOf(a)).length).toBeGreaterThanOrEqual(1);

    await setReminder(a, roomId, true);
    await setReminder(b, roomId, true);
    await markLive(roomId, new Date());
    // In the background: go-live does not wait for it.
    await expect.poll(() => db.notification.count({ where: { roomId } })).toBe(2);
    expect(await notificationsOf(c)).toEqual([]);

    const list = await listNotifications(a, 20);
    expect(list.notifications[0]).toMatchObject({
      kind: "SHOW_LIVE",
      readAt: null,
      show: { id: roomId, status: "LIVE" },
    });
    expect(list.notifications[0]?.show.slug).toMatch(/^reminders-/);
    expect(list.notifications[1]?.show.id).toBe(earlier);
    expect(list.unread).toBeGreaterThanOrEqual(2);
    expect((await listNotifications(a, 1)).notifications).toHaveLength(1);
    // The seller still sees how many asked once the show is on.
    expect(await reminderCount(roomId)).toBe(2);
  });

  it("going live again (a restart) or racing runs never notify twice", async () => {
    const [a, b] = shoppers as [string, string];
    await setReminder(a, roomId, true);
    await setReminder(b, roomId, true);
    const runs = await Promise.all([notifyShowLive(roomId), notifyShowLive(roomId), notifyShowLive(roomId)]);
    expect(runs.reduce((x, y) => x + y, 0)).toBe(2);
    await db.room.update({ where: { id: roomId }, data: { status: "LIVE", startedAt: new Date() } });
    await markLive(roomId, new Date());
    expect(await notifyShowLive(roomId)).toBe(0);
    expect(await db.notification.count({ where: { roomId } })).toBe(2);
    expect(await db.reminder.count({ where: { roomId, notifiedAt: null } })).toBe(0);
  });

  it("retries what a failed run left: a reminder whose notification is missing gets it on the next markLive", async () => {
    const [a] = shoppers as [string];
    await setReminder(a, roomId, true);
    await db.room.update({ where: { id: roomId }, data: { status: "LIVE", startedAt: new Date() } });
    // As if go-live's notifying had failed: the show is LIVE, the reminder still pending.
    await markLive(roomId, new Date());
    await expect.poll(() => db.notification.count({ where: { roomId, userId: a } })).toBe(1);
  });

  it("a show with no reminders notifies nobody", async () => {
    expect(await notifyShowLive(roomId)).toBe(0);
  });
});

describe("reading notifications", () => {
  it("marks given ids or all read, only the caller's, and counts what is left", async () => {
    const [a, b] = shoppers as [string, string];
    const shows = [await newShow(), await newShow(), roomId];
    for (const show of shows) {
      await setReminder(a, show, true);
      await notifyShowLive(show);
    }
    await setReminder(b, roomId, true);
    await notifyShowLive(roomId);
    const mine = await db.notification.findMany({ where: { userId: a, readAt: null } });
    const theirs = await db.notification.findFirstOrThrow({ where: { userId: b, roomId } });
    const before = mine.length;

    expect(await markNotificationsRead(a, { ids: [mine[0]!.id, theirs.id, "unknown-id"] })).toEqual({
      unread: before - 1,
    });
    expect((await db.notification.findUniqueOrThrow({ where: { id: theirs.id } })).readAt).toBeNull();
    const firstRead = (await db.notification.findUniqueOrThrow({ where: { id: mine[0]!.id } })).readAt;
    expect(await markNotificationsRead(a, { all: true }, new Date(Date.now() + 60_000))).toEqual({
      unread: 0,
    });
    // Read once, read then: marking all again keeps the first read time.
    expect((await db.notification.findUniqueOrThrow({ where: { id: mine[0]!.id } })).readAt).toEqual(
      firstRead,
    );
    expect((await listNotifications(b, 20)).unread).toBeGreaterThanOrEqual(1);
  });
});

describe("bad input", () => {
  const errorsOf = (schema: typeof ZMarkReadRequest, value: unknown) => {
    const parsed = schema.safeParse(value);
    return parsed.success ? null : parsed.error.issues.map((i) => i.message);
  };

  it("the read request takes ids or all, exactly one, bounded", () => {
    expect(ZMarkReadRequest.safeParse({ all: true }).success).toBe(true);
    expect(ZMarkReadRequest.safeParse({ ids: ["abc_1"] }).success).toBe(true);
    expect(errorsOf(ZMarkReadRequest, {})).toEqual(["Send either ids or all: true."]);
    expect(errorsOf(ZMarkReadRequest, { all: true, ids: ["a"] })).toEqual(["Send either ids or all: true."]);
    expect(errorsOf(ZMarkReadRequest, { all: false })).toEqual(["all is true when given."]);
    expect(errorsOf(ZMarkReadRequest, { ids: [] })).toEqual(["Name at least one notification."]);
    expect(errorsOf(ZMarkReadRequest, { ids: Array(MAX_READ_IDS + 1).fill("a") })).toEqual([
      `At most ${MAX_READ_IDS} ids at a time.`,
    ]);
    expect(errorsOf(ZMarkReadRequest, { ids: ["x y"] })).toEqual(["Not a notification id."]);
    expect(errorsOf(ZMarkReadRequest, { ids: "abc" })).toEqual(["ids is a list of notification ids."]);
    expect(ZMarkReadRequest.safeParse({ all: true, extra: 1 }).success).toBe(false);
  });

  it("the list query takes a bounded whole limit and nothing else", () => {
    expect(ZListNotificationsQuery.parse({})).toEqual({ limit: 20 });
    expect(ZListNotificationsQuery.parse({ limit: "5" })).toEqual({ limit: 5 });
    for (const limit of ["0", "-1", "2.5", "abc", String(MAX_NOTIFICATION_LIMIT + 1)])
      expect(ZListNotificationsQuery.safeParse({ limit }).success, limit).toBe(false);
    expect(ZListNotificationsQuery.safeParse({ after: "x" }).success).toBe(false);
  });
});

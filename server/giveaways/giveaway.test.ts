import "@/server/chat/test/fresh-db";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { liveItemTestFile } from "@/server/engage/test/live-item-test-file";
import { TestClient } from "@/server/chat/test/client";
import { createGiveaway } from "@/server/giveaways/create-giveaway";
import { finishGiveaway } from "@/server/giveaways/finish-giveaway";
import { listGiveaways } from "@/server/giveaways/list-giveaways";
import type { TGiveawayEntry, TGiveawayView } from "@/lib/giveaways/giveaway-schemas";
import { ZCreateGiveawayRequest } from "@/lib/giveaways/giveaway-schemas";
import { ZCancelLiveItemRequest } from "@/lib/engage/live-items";

const { chat, productId, stock, joined } = liveItemTestFile({
  running: () => db.giveaway.findMany({ where: { status: "RUNNING" }, select: { id: true } }),
  finish: finishGiveaway,
});
const start = (entry: TGiveawayEntry = "ANY"): Promise<TGiveawayView> =>
  createGiveaway(chat.cluster.sellerId, chat.cluster.roomId, {
    productId: productId(),
    durationSeconds: 60,
    entry,
  });
/** Lets the master's clock draw it now, as if its time had run out. */
const runOut = (id: string) =>
  db.giveaway.update({ where: { id }, data: { endsAt: new Date(Date.now() - 1) } });

describe("giveaways across slaves (separation ON)", () => {
  it("entries on both slaves count once each; the draw picks one entrant, announced everywhere, with a free order and an audit row", async () => {
    const before = await stock();
    const g = await start();
    expect(await stock()).toBe(before - 1);
    const a = await joined(0, chat.cluster.users.shopper.token);
    const b = await joined(1, chat.cluster.users.shopper2.token);
    const guest = await joined(1);
    expect(await a.enter(g.id)).toEqual({ ok: true, entered: true, giveawayId: g.id });
    expect(await a.enter(g.id)).toMatchObject({ ok: true, entered: true });
    expect(await b.enter(g.id)).toMatchObject({ ok: true });
    for (const c of [a, b, guest]) await c.waitForGiveaway(g.id, (u) => u.entrants === 2);
    expect(await db.giveawayEntry.count({ where: { giveawayId: g.id } })).toBe(2);

    await runOut(g.id);
    const ends = await Promise.all(
      [a, b, guest].map((c) => c.waitForGiveaway(g.id, (u) => u.status === "ENDED")),
    );
    const winner = ends[0]!.winner;
    expect([chat.cluster.users.shopper.id, chat.cluster.users.shopper2.id]).toContain(winner?.id);
    for (const e of ends) expect(e).toMatchObject({ entrants: 2, winner, status: "ENDED" });
    const order = await db.order.findUniqueOrThrow({
      where: { id: ends[0]!.orderId! },
      include: { lines: true },
    });
    expect(order).toMatchObject({
      buyerId: winner!.id,
      status: "PAID",
      totalMinor: 0,
      productId: productId(),
    });
    expect(order.lines).toHaveLength(1);
    expect(await stock()).toBe(before - 1);
    const audit = await db.auditLog.findFirstOrThrow({
      where: { action: "giveaway.draw", targetUserId: winner!.id },
    });
    expect(JSON.parse(audit.details ?? "{}")).toMatchObject({
      giveawayId: g.id,
      entrants: 2,
      winnerId: winner!.id,
    });
    expect(await a.enter(g.id)).toMatchObject({ ok: false, error: { code: "GIVEAWAY_ENDED" } });
  }, 30_000);

  it("CHATTERS: only viewers who chatted in the show may enter", async () => {
    const g = await start("CHATTERS");
    const quiet = await chat.cluster.newUser("Quiet");
    const c = await joined(0, quiet.token);
    expect(await c.enter(g.id)).toMatchObject({ ok: false, error: { code: "NOT_ELIGIBLE" } });
    await c.say("hello there");
    expect(await c.enter(g.id)).toMatchObject({ ok: true, entered: true });
  }, 30_000);

  it("ends without a winner when nobody entered, and the unit goes back on sale", async () => {
    const before = await stock();
    const g = await start();
    const a = await joined(0);
    await runOut(g.id);
    const ended = await a.waitForGiveaway(g.id, (u) => u.status === "ENDED");
    expect(ended).toMatchObject({ winner: null, orderId: null, entrants: 0 });
    expect(await stock()).toBe(before);
  }, 30_000);

  it("refuses bad entries with clear codes and keeps serving", async () => {
    const g = await start();
    expect(await (await joined(0)).enter(g.id)).toMatchObject({
      ok: false,
      error: { code: "UNAUTHENTICATED" },
    });
    const member = await joined(1, (await chat.cluster.newUser("Member")).token);
    for (const bad of [{}, { giveawayId: "" }, { giveawayId: "../x" }, { giveawayId: 5 }, "nope", null]) {
      const ack = (await member.socket.timeout(5000).emitWithAck("giveaway:enter", bad as never)) as {
        ok: boolean;
        error?: { code: string };
      };
      expect(ack).toMatchObject({ ok: false, error: { code: "INVALID" } });
    }
    expect(await member.enter("no-such-giveaway")).toMatchObject({ ok: false, error: { code: "INVALID" } });
    const outsider = await TestClient.connect(
      chat.cluster.slaveUrl(0),
      chat.cluster.roomId,
      (await chat.cluster.newUser("Out")).token,
    );
    chat.keep(outsider);
    expect(await outsider.enter(g.id)).toMatchObject({ ok: false, error: { code: "NOT_JOINED" } });
    const seller = await joined(0, chat.cluster.users.seller.token);
    expect(await seller.enter(g.id)).toMatchObject({ ok: false, error: { code: "INVALID" } });
    const bannedClient = await chat.sanctioned(1, "BAN");
    expect(await bannedClient.enter(g.id)).toMatchObject({ ok: false, error: { code: "BANNED" } });
    const acks = await Promise.all(Array.from({ length: 8 }, () => member.enter(g.id)));
    expect(acks.some((x) => !x.ok && x.error.code === "RATE_LIMITED")).toBe(true);
    expect(await db.giveawayEntry.count({ where: { giveawayId: g.id } })).toBe(1);
    expect((await member.say("still serving")).text).toBe("still serving");
  }, 30_000);

  it("an admin's cancel reaches every slave, logs the reason and returns the unit; one giveaway at a time", async () => {
    const before = await stock();
    const g = await start();
    await expect(start()).rejects.toMatchObject({ status: 409, code: "GIVEAWAY_RUNNING" });
    const a = await joined(0);
    const b = await joined(1);
    await finishGiveaway(g.id, {
      kind: "cancel",
      actorId: chat.cluster.users.admin.id,
      reason: "wrong product",
    });
    for (const c of [a, b]) await c.waitForGiveaway(g.id, (u) => u.status === "CANCELLED");
    expect(await stock()).toBe(before);
    const audit = await db.auditLog.findFirstOrThrow({
      where: { action: "giveaway.cancel" },
      orderBy: { id: "desc" },
    });
    expect(JSON.parse(audit.details ?? "{}")).toMatchObject({ giveawayId: g.id, reason: "wrong product" });
    const { giveaways } = await listGiveaways(chat.cluster.roomId, null);
    expect(giveaways.find((x) => x.id === g.id)).toMatchObject({
      status: "CANCELLED",
      cancelReason: "wrong product",
    });
  }, 30_000);
});

describe("giveaway request schemas", () => {
  it("refuses bad bodies with a message per field", () => {
    for (const bad of [
      {},
      { productId: "p", durationSeconds: 5, entry: "ANY" },
      { productId: "p", durationSeconds: 4000, entry: "ANY" },
      { productId: "p", durationSeconds: 60.5, entry: "ANY" },
      { productId: "p", durationSeconds: 60, entry: "EVERYONE" },
      { productId: "", durationSeconds: 60, entry: "ANY" },
      { productId: "p", durationSeconds: 60, entry: "ANY", extra: 1 },
    ])
      expect(ZCreateGiveawayRequest.safeParse(bad).success).toBe(false);
    expect(
      ZCreateGiveawayRequest.parse({ productId: "p", durationSeconds: 60, entry: "CHATTERS" }),
    ).toMatchObject({
      entry: "CHATTERS",
    });
    expect(ZCancelLiveItemRequest.safeParse({ reason: "x" }).success).toBe(false);
  });
});

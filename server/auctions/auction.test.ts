import "@/server/chat/test/fresh-db";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import type { TTestUser } from "@/server/chat/test/cluster";
import { liveItemTestFile } from "@/server/engage/test/live-item-test-file";
import { TestClient } from "@/server/chat/test/client";
import { createAuction } from "@/server/auctions/create-auction";
import { finishAuction } from "@/server/auctions/finish-auction";
import { listAuctions, listBids } from "@/server/auctions/list-auctions";
import type { TAuctionView } from "@/lib/auctions/auction-schemas";

const { chat, productId, stock, joined } = liveItemTestFile({
  running: () => db.auction.findMany({ where: { status: "RUNNING" }, select: { id: true } }),
  finish: finishAuction,
});

/** An auction whose clock has `secondsLeft` (the minimum duration is 15 s: start it in the past). */
function start(secondsLeft = 60, startPriceMinor = 10_000, minIncrementMinor = 1000): Promise<TAuctionView> {
  return createAuction(
    chat.cluster.sellerId,
    chat.cluster.roomId,
    { productId: productId(), startPriceMinor, minIncrementMinor, durationSeconds: 60 },
    new Date(Date.now() - (60 - secondsLeft) * 1000),
  );
}

/** Lets the master's clock end it now, as if its time had run out. */
async function runOut(auctionId: string) {
  await db.auction.update({ where: { id: auctionId }, data: { endsAt: new Date(Date.now() - 1) } });
}

describe("live auctions across slaves (separation ON)", () => {
  it("shows every viewer on every slave the same bids; the winner gets an order at the highest bid", async () => {
    const { shopper, shopper2 } = chat.cluster.users;
    const a = await joined(0, shopper.token);
    const b = await joined(1, shopper2.token);
    const before = await stock();
    const auction = await start();
    expect(await stock()).toBe(before - 1);
    await a.waitForAuction(auction.id, (u) => u.status === "RUNNING");
    await b.waitForAuction(auction.id, (u) => u.status === "RUNNING");

    const first = await a.bid(auction.id, 10_000);
    expect(first.ok).toBe(true);
    await b.waitForAuction(auction.id, (u) => u.highestBidMinor === 10_000 && u.leader?.id === shopper.id);
    const low = await b.bid(auction.id, 10_500);
    expect(!low.ok && low.error.code).toBe("BID_TOO_LOW");
    expect(!low.ok && low.error.minBidMinor).toBe(11_000);
    const second = await b.bid(auction.id, 11_000);
    expect(second.ok).toBe(true);
    await a.waitForAuction(auction.id, (u) => u.highestBidMinor === 11_000 && u.leader?.id === shopper2.id);

    await runOut(auction.id);
    const endedA = await a.waitForAuction(auction.id, (u) => u.status === "ENDED");
    const endedB = await b.waitForAuction(auction.id, (u) => u.status === "ENDED");
    expect(endedA).toEqual(endedB);
    expect(endedA.leader?.id).toBe(shopper2.id);
    const order = await db.order.findUniqueOrThrow({ where: { id: endedA.orderId ?? "" } });
    expect(order).toMatchObject({
      buyerId: shopper2.id,
      productId: productId(),
      quantity: 1,
      unitPriceMinor: 11_000,
      totalMinor: 11_000,
      status: "PENDING_PAYMENT",
    });
    expect(order.expiresAt.getTime()).toBeGreaterThan(Date.now());
    // The auctioned unit is the order's: not put back, not taken twice.
    expect(await stock()).toBe(before - 1);
    const late = await a.bid(auction.id, 50_000);
    expect(!late.ok && late.error.code).toBe("AUCTION_ENDED");
    expect(
      (await listBids(chat.cluster.roomId, auction.id))?.map((x) => [x.seq, x.amountMinor, x.bidder.id]),
    ).toEqual([
      [1, 10_000, shopper.id],
      [2, 11_000, shopper2.id],
    ]);
  }, 30_000);

  it("under concurrent bids of the same amount from both slaves exactly one leads", async () => {
    const bidders: { user: TTestUser; client: TestClient }[] = [];
    for (let i = 0; i < 16; i++) {
      const user = await chat.cluster.newUser(`Bidder${i}`);
      bidders.push({ user, client: await joined(i % 2, user.token) });
    }
    const auction = await start();
    await Promise.all(bidders.map((b) => b.client.waitForAuction(auction.id, () => true)));
    const acks = await Promise.all(bidders.map((b) => b.client.bid(auction.id, 20_000)));
    expect(acks.filter((x) => x.ok)).toHaveLength(1);
    expect(acks.filter((x) => !x.ok).every((x) => !x.ok && x.error.code === "BID_TOO_LOW")).toBe(true);
    // A second wave raising each other: every accepted one beat the one before by the increment.
    const wave = await Promise.all(bidders.map((b, i) => b.client.bid(auction.id, 21_000 + (i % 4) * 1000)));
    const bids = (await listBids(chat.cluster.roomId, auction.id)) ?? [];
    expect(bids.length).toBe(1 + wave.filter((x) => x.ok).length);
    for (let i = 1; i < bids.length; i++)
      expect(bids[i]!.amountMinor - bids[i - 1]!.amountMinor).toBeGreaterThanOrEqual(1000);
    const top = bids.at(-1)!;
    for (const b of bidders)
      await b.client.waitForAuction(
        auction.id,
        (u) => u.bidCount === bids.length && u.highestBidMinor === top.amountMinor,
      );
  }, 30_000);

  it("a bid in the last 10 s moves the clock to 10 s after it", async () => {
    const a = await joined(1, chat.cluster.users.shopper.token);
    const auction = await start(4);
    const before = Date.now();
    const ack = await a.bid(auction.id, 10_000);
    expect(ack.ok).toBe(true);
    const endsAt = Date.parse(ack.ok ? ack.auction.endsAt : "");
    expect(endsAt).toBeGreaterThanOrEqual(before + 10_000);
    expect(endsAt).toBeLessThanOrEqual(Date.now() + 10_000);
    const stored = await db.auction.findUniqueOrThrow({ where: { id: auction.id } });
    expect(stored.endsAt.getTime()).toBe(endsAt);
  }, 15_000);

  it("ends without a winner when nobody bid, and the unit goes back on sale", async () => {
    const a = await joined(0, chat.cluster.users.shopper.token);
    const before = await stock();
    const auction = await start();
    await runOut(auction.id);
    const ended = await a.waitForAuction(auction.id, (u) => u.status === "ENDED");
    expect(ended.leader).toBeNull();
    expect(ended.orderId).toBeNull();
    expect(await stock()).toBe(before);
    expect(await db.order.count({ where: { idempotencyKey: `auction:${auction.id}` } })).toBe(0);
  }, 15_000);

  it("refuses bad bids with the contract's codes and keeps serving", async () => {
    const { shopper2 } = chat.cluster.users;
    const auction = await start();
    const guest = await joined(0);
    expect(await guest.bid(auction.id, 10_000)).toMatchObject({
      ok: false,
      error: { code: "UNAUTHENTICATED" },
    });
    const member = await joined(0, shopper2.token);
    for (const bad of [
      {},
      { auctionId: auction.id },
      { auctionId: auction.id, amountMinor: -5 },
      { auctionId: auction.id, amountMinor: 1.5 },
      { auctionId: "../x", amountMinor: 100 },
      "nope",
      null,
    ]) {
      const ack = (await member.socket.timeout(5000).emitWithAck("auction:bid", bad as never)) as {
        ok: boolean;
        error?: { code: string };
      };
      expect(ack).toMatchObject({ ok: false, error: { code: "INVALID" } });
    }
    expect(await member.bid("no-such-auction", 10_000)).toMatchObject({
      ok: false,
      error: { code: "INVALID" },
    });
    const outsider = await TestClient.connect(
      chat.cluster.slaveUrl(1),
      chat.cluster.roomId,
      (await chat.cluster.newUser("Outsider")).token,
    );
    chat.keep(outsider);
    expect(await outsider.bid(auction.id, 10_000)).toMatchObject({
      ok: false,
      error: { code: "NOT_JOINED" },
    });
    const seller = await joined(1, chat.cluster.users.seller.token);
    expect(await seller.bid(auction.id, 10_000)).toMatchObject({ ok: false, error: { code: "INVALID" } });
    const bannedClient = await chat.sanctioned(1, "BAN");
    expect(await bannedClient.bid(auction.id, 10_000)).toMatchObject({
      ok: false,
      error: { code: "BANNED" },
    });
    // Over the rate: a burst of 10, then 5 a second.
    const acks = await Promise.all(Array.from({ length: 14 }, () => member.bid(auction.id, 1)));
    expect(acks.some((x) => !x.ok && x.error.code === "RATE_LIMITED")).toBe(true);
    expect(await db.auctionBid.count({ where: { auctionId: auction.id } })).toBe(0);
    // A mute silences chat text only: the muted viewer still bids.
    const mutedClient = await chat.sanctioned(0, "MUTE");
    expect(await mutedClient.bid(auction.id, 10_000)).toMatchObject({ ok: true });
    expect(await db.auctionBid.count({ where: { auctionId: auction.id } })).toBe(1);
  }, 30_000);

  it("an admin's cancel reaches every slave, logs the reason and returns the unit", async () => {
    const a = await joined(0, chat.cluster.users.shopper.token);
    const b = await joined(1, chat.cluster.users.shopper2.token);
    const before = await stock();
    const auction = await start();
    expect((await a.bid(auction.id, 10_000)).ok).toBe(true);
    const cancelled = await finishAuction(auction.id, {
      kind: "cancel",
      actorId: chat.cluster.users.admin.id,
      reason: "Counterfeit listing",
    });
    expect(cancelled?.status).toBe("CANCELLED");
    for (const c of [a, b])
      await c.waitForAuction(
        auction.id,
        (u) => u.status === "CANCELLED" && u.cancelReason === "Counterfeit listing",
      );
    expect(await stock()).toBe(before);
    const audit = await db.auditLog.findFirstOrThrow({
      where: { action: "auction.cancel", roomId: chat.cluster.roomId },
      orderBy: { id: "desc" },
    });
    expect(JSON.parse(audit.details)).toMatchObject({
      auctionId: auction.id,
      reason: "Counterfeit listing",
      bids: 1,
    });
    expect(
      await finishAuction(auction.id, {
        kind: "cancel",
        actorId: chat.cluster.users.admin.id,
        reason: "again",
      }),
    ).toBeNull();
    expect((await listAuctions(chat.cluster.roomId))[0]).toMatchObject({
      id: auction.id,
      status: "CANCELLED",
    });
  }, 15_000);

  it("refuses a second running auction and a product without stock", async () => {
    await start();
    await expect(start()).rejects.toMatchObject({ code: "AUCTION_RUNNING" });
  });
});

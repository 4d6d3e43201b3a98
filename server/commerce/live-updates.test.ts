import "@/server/chat/test/fresh-db";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { Cluster } from "@/server/chat/test/cluster";
import { TestClient } from "@/server/chat/test/client";
import { updateChatSettings } from "@/server/chat/moderation/update-chat-settings";
import { chatTierNotifier } from "@/server/commerce/chat-tier-notifier";
import { setCommerceNotifier } from "@/server/commerce/notify";
import { payOrder } from "@/server/commerce/pay-order";
import { pinProduct } from "@/server/commerce/pin-product";
import { placeOrder } from "@/server/commerce/place-order";
import { setSalesSettings } from "@/server/commerce/set-sales-settings";
import { startDeal } from "@/server/commerce/start-deal";
import { testPayment } from "@/server/commerce/test/payment-fixtures";
import { markEnded, markLive } from "@/server/media/room-status";

// Commerce's live updates through the real chat tier: a master and two slaves as processes, viewers as
// real Socket.IO clients, and the same notifier the web tier uses (it goes straight to the master).
let cluster: Cluster;
const open: TestClient[] = [];
const payment = (number: string) => testPayment({ number });

async function viewersOnEverySlave(): Promise<TestClient[]> {
  const clients = [];
  for (let i = 0; i < cluster.slaves.length; i++)
    clients.push((await TestClient.joined(cluster.slaveUrl(i), cluster.roomId)).client);
  open.push(...clients);
  return clients;
}

async function showProduct(index: number) {
  const row = await db.roomProduct.findFirstOrThrow({
    where: { roomId: cluster.roomId },
    orderBy: { position: "asc" },
    skip: index,
    include: { product: true },
  });
  return row.product;
}

/** An order placed from the show (so its live updates and announcements go to the show's chat). */
async function orderInShow(buyerId: string, productId: string, quantity: number) {
  return (await placeOrder(buyerId, { productId, quantity, roomId: cluster.roomId })).order;
}

beforeAll(async () => {
  cluster = await Cluster.start(2);
  setCommerceNotifier(chatTierNotifier);
});
afterEach(() => open.splice(0).forEach((c) => c.close()));
afterAll(async () => {
  setCommerceNotifier(null);
  await cluster?.stop();
});

describe("live commerce updates through the chat tier", () => {
  it("an order and a declined payment reach every viewer on every slave as product:update", async () => {
    const viewers = await viewersOnEverySlave();
    const product = await showProduct(0);
    const order = await orderInShow(cluster.users.shopper.id, product.id, 2);
    for (const v of viewers) {
      const update = await v.waitFor(
        () => v.products.find((u) => u.productId === product.id && u.stock === product.stock - 2),
        "stock after the order",
      );
      expect(update).toMatchObject({
        roomId: cluster.roomId,
        price: product.priceMinor,
        currency: product.currency,
        deal: null,
        archived: false,
      });
    }
    await expect(
      payOrder(cluster.users.shopper.id, order.id, payment("4000 0000 0000 0002")),
    ).rejects.toMatchObject({ code: "PAYMENT_DECLINED" });
    for (const v of viewers)
      await v.waitFor(
        () => v.products.find((u) => u.productId === product.id && u.stock === product.stock),
        "stock restored after the decline",
      );
  });

  it("a pin reaches every viewer as room:state, separation on or not", async () => {
    await updateChatSettings(cluster.users.seller, cluster.roomId, { separation: "ON" });
    const viewers = await viewersOnEverySlave();
    const product = await showProduct(1);
    const started = Date.now();
    await pinProduct(cluster.roomId, product.id);
    await Promise.all(
      viewers.map((v) => v.waitForState((s) => s.pinnedProductId === product.id, "pinned product")),
    );
    expect(Date.now() - started).toBeLessThan(1000);
    await pinProduct(cluster.roomId, null);
    await Promise.all(viewers.map((v) => v.waitForState((s) => s.pinnedProductId === null, "unpinned")));
  });

  it("a flash deal's start reaches every viewer with its price, end and limit", async () => {
    const viewers = await viewersOnEverySlave();
    const product = await showProduct(2);
    const deal = await startDeal(cluster.roomId, {
      productId: product.id,
      dealPriceMinor: product.priceMinor - 1000,
      durationSeconds: 60,
      limitPerBuyer: 2,
    });
    for (const v of viewers) {
      const update = await v.waitFor(
        () => v.products.find((u) => u.productId === product.id && u.deal),
        "deal start",
      );
      expect(update).toMatchObject({
        price: product.priceMinor - 1000,
        priceMinor: product.priceMinor,
        deal: { priceMinor: product.priceMinor - 1000, endsAt: deal.endsAt, limitPerBuyer: 2 },
      });
    }
  });

  it("announces a paid order as a system message in every chat group when the seller opted in", async () => {
    await setSalesSettings(cluster.roomId, { announcePurchases: true });
    const viewers = await viewersOnEverySlave();
    const product = await showProduct(0);
    const order = await orderInShow(cluster.users.shopper2.id, product.id, 1);
    await payOrder(cluster.users.shopper2.id, order.id, payment("4242 4242 4242 4242"));
    for (const v of viewers) {
      const message = await v.waitForText(`Someone just bought ${product.name}`);
      expect(message.kind).toBe("system");
    }
  });
});

// Last in the file: it ends the show.
describe("a show's status through the chat tier", () => {
  it("going live and ending reach every viewer as room:state with the playlist, so no page reads the room", async () => {
    await db.room.update({
      where: { id: cluster.roomId },
      data: { status: "SCHEDULED", startedAt: null, hlsPath: null },
    });
    const viewers = await viewersOnEverySlave();
    const playlist = `/hls/${cluster.roomId}/index.m3u8`;
    const startedAt = new Date("2026-12-07T10:00:00.000Z");
    await markLive(cluster.roomId, startedAt);
    for (const v of viewers) {
      const state = await v.waitForState((s) => s.status === "LIVE", "LIVE");
      expect(state).toMatchObject({ hlsUrl: playlist, startedAt: startedAt.toISOString() });
    }
    await markEnded(cluster.roomId, true);
    for (const v of viewers) {
      const state = await v.waitForState((s) => s.status === "ENDED", "ENDED");
      expect(state).toMatchObject({ hlsUrl: playlist, startedAt: startedAt.toISOString() });
    }
  });
});

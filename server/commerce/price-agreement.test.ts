import { removeDbFiles } from "@/server/commerce/test/fresh-db";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { checkOut } from "@/server/commerce/check-out";
import { startDeal } from "@/server/commerce/start-deal";
import { stopDeal } from "@/server/commerce/stop-deal";
import { productUpdates } from "@/server/commerce/broadcast-product";
import { getShowBySlug } from "@/server/rooms/get-show";
import { getPublicRoom } from "@/server/rooms/public-room";
import { makeProduct, makeShow, makeUser } from "@/server/commerce/test/fixtures";

afterAll(async () => {
  await db.$disconnect();
  removeDbFiles();
});

const REGULAR = 30000;
const DEAL = 19000;

/** The unit price every reader gives at `now`, and what a checkout from the show charges then. */
async function pricesAt(slug: string, roomId: string, productId: string, now: Date) {
  const page = (await getShowBySlug(slug, now))!.products.find((p) => p.id === productId)!;
  const room = (await getPublicRoom(roomId, now))!.products.find((p) => p.id === productId)!;
  const update = (await productUpdates(productId, now)).find((u) => u.roomId === roomId)!;
  const { order } = await checkOut(
    (await makeUser()).id,
    {
      lines: [{ productId, quantity: 1 }],
      idempotencyKey: `agree-${Math.random().toString(36).slice(2)}`,
      roomId,
    },
    () => now,
  );
  const line = await db.orderLine.findFirstOrThrow({ where: { orderId: order.id } });
  return {
    page: page.dealPriceMinor ?? page.priceMinor,
    room: room.price,
    update: update.price,
    charged: line.unitPriceMinor,
  };
}

function all(price: number) {
  return { page: price, room: price, update: price, charged: price };
}

describe("one price everywhere", () => {
  it("page, GET /api/rooms/:id, product:update and the charge agree at every moment of a deal's life", async () => {
    const seller = await makeUser("SELLER");
    const product = await makeProduct({ stock: 50, priceMinor: REGULAR, sellerId: seller.id });
    const show = await makeShow(seller.id, [product.id]);
    await db.room.update({ where: { id: show.id }, data: { status: "LIVE", startedAt: new Date() } });
    const t0 = new Date();
    const at = (s: number) => new Date(t0.getTime() + s * 1000);

    expect(await pricesAt(show.slug, show.id, product.id, at(0))).toEqual(all(REGULAR)); // before the deal

    await startDeal(show.id, { productId: product.id, dealPriceMinor: DEAL, durationSeconds: 60 }, t0);
    expect(await pricesAt(show.slug, show.id, product.id, at(1))).toEqual(all(DEAL)); // while it runs
    expect(await pricesAt(show.slug, show.id, product.id, at(59))).toEqual(all(DEAL)); // its last second
    expect(await pricesAt(show.slug, show.id, product.id, at(61))).toEqual(all(REGULAR)); // expired

    await startDeal(show.id, { productId: product.id, dealPriceMinor: DEAL, durationSeconds: 60 }, t0);
    await stopDeal(show.id, product.id); // the seller ends it early
    expect(await pricesAt(show.slug, show.id, product.id, at(1))).toEqual(all(REGULAR));

    await startDeal(show.id, { productId: product.id, dealPriceMinor: DEAL, durationSeconds: 60 }, t0);
    await db.room.update({ where: { id: show.id }, data: { status: "ENDED", endedAt: at(2) } });
    expect(await pricesAt(show.slug, show.id, product.id, at(3))).toEqual(all(REGULAR)); // show ENDED
  });
});

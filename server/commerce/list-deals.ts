import { db } from "@/server/db";
import type { TDealView } from "@/lib/commerce/show-schemas";
import { dealRuns, listingFacts } from "@/lib/commerce/pricing";

/** The show's flash deals running at `now`. */
export async function listDeals(roomId: string, now = new Date()): Promise<TDealView[]> {
  const rows = await db.roomProduct.findMany({
    where: { roomId, dealPriceMinor: { not: null } },
    include: { product: true, room: { select: { status: true } } },
    orderBy: { position: "asc" },
  });
  return rows.flatMap((rp) =>
    dealRuns(listingFacts(rp.product, rp, rp.room.status), now.getTime()) &&
    rp.dealPriceMinor !== null &&
    rp.dealEndsAt
      ? [
          {
            roomId,
            productId: rp.productId,
            dealPriceMinor: rp.dealPriceMinor,
            priceMinor: rp.product.priceMinor,
            currency: rp.product.currency,
            startedAt: (rp.dealStartedAt ?? now).toISOString(),
            endsAt: rp.dealEndsAt.toISOString(),
            limitPerBuyer: rp.dealLimitPerBuyer,
          },
        ]
      : [],
  );
}

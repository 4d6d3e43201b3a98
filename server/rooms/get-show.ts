import "server-only";
import { findShow } from "@/server/rooms/find-show";
import { showHead, type TShowHead } from "@/server/rooms/show-head";
import { dealRuns, listingFacts } from "@/lib/commerce/pricing";
import type { TListedProduct } from "@/lib/commerce/live-product";
import { hlsUrlOf } from "@/server/rooms/hls-url";

export type TShowProduct = TListedProduct & {
  /** Set while a flash deal runs. */
  dealPriceMinor: number | null;
  dealEndsAt: Date | null;
  /** The running deal's per-buyer limit (null: none, or no deal). */
  dealLimitPerBuyer: number | null;
};

export type TShow = TShowHead & {
  description: string;
  /** The playlist while LIVE and as a replay after; null before (GET /api/rooms/:id's `hlsUrl`). */
  hlsUrl: string | null;
  seller: { id: string; name: string };
  pinnedProductId: string | null;
  products: TShowProduct[];
  /** Heart taps so far (the live total arrives as like:count). */
  likeCount: number;
};

/** A show with its seller and its (non-archived) products in order, or null for an unknown slug. */
export async function getShowBySlug(slug: string, now = new Date()): Promise<TShow | null> {
  const room = await findShow({ slug });
  if (!room) return null;
  return {
    ...showHead(room),
    description: room.description,
    hlsUrl: hlsUrlOf(room),
    seller: room.seller,
    pinnedProductId: room.pinnedProductId,
    likeCount: room.likeCount,
    products: room.products
      .filter((rp) => !rp.product.archivedAt)
      .map((rp) => {
        // The one pricing rule (lib/commerce/pricing.ts): the same price the checkout charges.
        const deal = dealRuns(listingFacts(rp.product, rp, room.status), now.getTime())
          ? rp.dealPriceMinor
          : null;
        return {
          id: rp.product.id,
          name: rp.product.name,
          description: rp.product.description,
          imageUrl: rp.product.imageUrl,
          currency: rp.product.currency,
          priceMinor: rp.product.priceMinor,
          dealPriceMinor: deal,
          dealEndsAt: deal === null ? null : rp.dealEndsAt,
          dealLimitPerBuyer: deal === null ? null : rp.dealLimitPerBuyer,
          stock: rp.product.stock,
        };
      }),
  };
}

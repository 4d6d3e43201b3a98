import "server-only";
import { findShow } from "@/server/rooms/find-show";
import { showHead, type TShowHead } from "@/server/rooms/show-head";
import { reminderCount } from "@/server/reminders/reminder-count";
import { productRow, type TProductRow } from "@/server/commerce/product-row";

export type TStudioShow = TShowHead & {
  description: string;
  sellerId: string;
  sellerName: string;
  pinnedProductId: string | null;
  likeCount: number;
  /** Viewers who asked to be reminded when it goes live. */
  reminderCount: number;
  products: TProductRow[];
};

/** A show as its studio sees it (every attached product, archived ones flagged), or null. */
export async function getStudioShow(slug: string): Promise<TStudioShow | null> {
  const room = await findShow({ slug });
  if (!room) return null;
  return {
    ...showHead(room),
    description: room.description,
    sellerId: room.sellerId,
    sellerName: room.seller.name,
    pinnedProductId: room.pinnedProductId,
    likeCount: room.likeCount,
    reminderCount: await reminderCount(room.id),
    products: room.products.map(({ product }) => productRow(product)),
  };
}

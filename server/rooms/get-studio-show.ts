import "server-only";
import type { RoomStatus } from "@prisma/client";
import { findShow } from "@/server/rooms/find-show";
import { reminderCount } from "@/server/reminders/reminder-count";
import { productRow, type TProductRow } from "@/server/commerce/product-row";

export type TStudioShow = {
  id: string;
  slug: string;
  title: string;
  description: string;
  status: RoomStatus;
  scheduledAt: Date | null;
  startedAt: Date | null;
  endedAt: Date | null;
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
    id: room.id,
    slug: room.slug,
    title: room.title,
    description: room.description,
    status: room.status,
    scheduledAt: room.scheduledAt,
    startedAt: room.startedAt,
    endedAt: room.endedAt,
    sellerId: room.sellerId,
    sellerName: room.seller.name,
    pinnedProductId: room.pinnedProductId,
    likeCount: room.likeCount,
    reminderCount: await reminderCount(room.id),
    products: room.products.map(({ product }) => productRow(product)),
  };
}

import type { Prisma } from "@prisma/client";
import { db } from "@/server/db";

/** A show with its seller and its products in show order: what the viewer page, studio and API all read. */
const SHOW_WITH_PRODUCTS = {
  seller: { select: { id: true, name: true } },
  products: { orderBy: { position: "asc" }, include: { product: true } },
} as const satisfies Prisma.RoomInclude;

export function findShow(where: Prisma.RoomWhereInput) {
  return db.room.findFirst({ where, include: SHOW_WITH_PRODUCTS });
}

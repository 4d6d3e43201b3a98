import { queryOptions } from "@tanstack/react-query";
import { getSales, listMyOrders, listMyProducts } from "@/lib/commerce/client";

/**
 * The shop's reads. Keys name what a write touches: checkout, pay and cancel invalidate `["orders"]`, a
 * product saved lands in `["products", "mine"]`; a show's figures live under `["shows", roomId, ...]`.
 */
export const commerceQueries = {
  orders: ["orders"] as const,
  myOrders: () => queryOptions({ queryKey: ["orders", "mine"], queryFn: listMyOrders }),
  /** The seller's catalog (`/studio/products`); a create, edit or archive writes its answer into it. */
  myProducts: () => queryOptions({ queryKey: ["products", "mine"], queryFn: listMyProducts }),
  /** Every viewer count's sales figures of one show, for invalidation. */
  allSales: (roomId: string) => ["shows", roomId, "sales"] as const,
  /** A live show's sales figures; `viewers` (from the staff chat) turns orders into orders per 100 viewers. */
  sales: (roomId: string, viewers: number | null) =>
    queryOptions({
      queryKey: [...commerceQueries.allSales(roomId), { viewers }],
      queryFn: () => getSales(roomId, viewers),
    }),
};

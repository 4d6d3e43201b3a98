import "server-only";
import { api, NO_STORE } from "@/server/api/base";
import { existingShow, roomStaff } from "@/server/api/room-access";
import { setShowProducts } from "@/server/commerce/set-show-products";
import { listDeals } from "@/server/commerce/list-deals";
import { startDeal } from "@/server/commerce/start-deal";
import { stopDeal } from "@/server/commerce/stop-deal";
import { pinProduct } from "@/server/commerce/pin-product";
import { getShowSales } from "@/server/commerce/get-show-sales";
import { setSalesSettings } from "@/server/commerce/set-sales-settings";

/** lib/commerce/show.contract.ts, served. */
export const show = {
  setProducts: api.show.setProducts.use(roomStaff).handler(async ({ input, context }) => ({
    products: await setShowProducts(context.room, input.body.productIds),
  })),
  deals: api.show.deals.handler(async ({ input }) => ({
    headers: NO_STORE,
    body: { deals: await listDeals(await existingShow(input.params.id)) },
  })),
  startDeal: api.show.startDeal.use(roomStaff).handler(async ({ input, context }) => ({
    deal: await startDeal(context.room.id, input.body),
  })),
  stopDeal: api.show.stopDeal.use(roomStaff).handler(async ({ input, context }) => {
    await stopDeal(context.room.id, input.params.productId);
    return { ok: true as const };
  }),
  pin: api.show.pin
    .use(roomStaff)
    .handler(async ({ input, context }) => pinProduct(context.room.id, input.body.productId)),
  sales: api.show.sales.use(roomStaff).handler(async ({ input, context }) => ({
    headers: NO_STORE,
    body: await getShowSales(context.room.id, input.query.viewers ?? null),
  })),
  setSales: api.show.setSales
    .use(roomStaff)
    .handler(async ({ input, context }) => setSalesSettings(context.room.id, input.body)),
};

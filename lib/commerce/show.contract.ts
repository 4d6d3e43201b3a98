import { z } from "zod";
import { detailedOutput, route, withHeaders, ZIdParams, ZRouteId } from "@/lib/api/contract-kit";
import { ZPinRequest, ZSalesSettingsRequest, ZStartDealRequest } from "@/lib/commerce/show-schemas";
import { ZSetShowProductsRequest } from "@/lib/commerce/product-schemas";

// Loose: these answers carry more than the contract names (the studio reads every field), and an
// output schema strips what it does not list.
const ZDeal = z.looseObject({ productId: z.string(), dealPriceMinor: z.number(), endsAt: z.string() });
const ZShowProduct = z.object({ productId: z.string(), position: z.number().int() });

/** What a show sells: its products, flash deals, the pinned product and the live sales panel (room staff). */
export const showContract = {
  setProducts: route
    .put("/rooms/{id}/products", "Room staff set the show's products, in display order.")
    .input(z.object({ params: ZIdParams, body: ZSetShowProductsRequest }))
    .output(z.object({ products: z.array(ZShowProduct) })),
  deals: route
    .get("/rooms/{id}/deals", "The show's running flash deals (public).", detailedOutput)
    .input(z.object({ params: ZIdParams }))
    .output(withHeaders(z.object({ deals: z.array(ZDeal) }))),
  startDeal: route
    .post("/rooms/{id}/deals", "Room staff start a flash deal (never on an ENDED show).", {
      successStatus: 201,
    })
    .input(z.object({ params: ZIdParams, body: ZStartDealRequest }))
    .output(z.object({ deal: ZDeal })),
  stopDeal: route
    .delete("/rooms/{id}/deals/{productId}", "Room staff end the product's flash deal now.")
    .input(z.object({ params: z.object({ id: ZRouteId, productId: ZRouteId }) }))
    .output(z.object({ ok: z.literal(true) })),
  pin: route
    .post("/rooms/{id}/pin", "Room staff pin `{ productId }`, or unpin with null.")
    .input(z.object({ params: ZIdParams, body: ZPinRequest }))
    .output(z.object({ roomId: z.string(), pinnedProductId: z.string().nullable() })),
  sales: route
    .get(
      "/rooms/{id}/sales",
      "Room staff: the live sales panel; `?viewers=N` gives the current viewer count.",
      detailedOutput,
    )
    .input(
      z.object({
        params: ZIdParams,
        query: z.object({ viewers: z.coerce.number().int().min(0).max(10_000_000).optional() }),
      }),
    )
    .output(withHeaders(z.looseObject({}))),
  setSales: route
    .patch("/rooms/{id}/sales", 'Room staff turn the "someone just bought" chat messages on or off.')
    .input(z.object({ params: ZIdParams, body: ZSalesSettingsRequest }))
    .output(z.object({ announcePurchases: z.boolean() })),
};

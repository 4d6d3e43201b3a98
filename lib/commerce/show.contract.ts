import { oc } from "@orpc/contract";
import { z } from "zod";
import { ZIdParams, ZRouteId, withHeaders } from "@/lib/api/contract-kit";
import { ZPinRequest, ZSalesSettingsRequest, ZStartDealRequest } from "@/lib/commerce/show-schemas";
import { ZSetShowProductsRequest } from "@/lib/commerce/product-schemas";

// Loose: these answers carry more than the contract names (the studio reads every field), and an
// output schema strips what it does not list.
const ZDeal = z.looseObject({ productId: z.string(), dealPriceMinor: z.number(), endsAt: z.string() });
const ZShowProduct = z.object({ productId: z.string(), position: z.number().int() });
const route = { tags: ["show"], inputStructure: "detailed" } as const;

/** What a show sells: its products, flash deals, the pinned product and the live sales panel (room staff). */
export const showContract = {
  setProducts: oc
    .route({
      ...route,
      method: "PUT",
      path: "/rooms/{id}/products",
      summary: "Room staff set the show's products, in display order.",
    })
    .input(z.object({ params: ZIdParams, body: ZSetShowProductsRequest }))
    .output(z.object({ products: z.array(ZShowProduct) })),
  deals: oc
    .route({
      ...route,
      method: "GET",
      path: "/rooms/{id}/deals",
      outputStructure: "detailed",
      summary: "The show's running flash deals (public).",
    })
    .input(z.object({ params: ZIdParams }))
    .output(withHeaders(z.object({ deals: z.array(ZDeal) }))),
  startDeal: oc
    .route({
      ...route,
      method: "POST",
      path: "/rooms/{id}/deals",
      successStatus: 201,
      summary: "Room staff start a flash deal (never on an ENDED show).",
    })
    .input(z.object({ params: ZIdParams, body: ZStartDealRequest }))
    .output(z.object({ deal: ZDeal })),
  stopDeal: oc
    .route({
      ...route,
      method: "DELETE",
      path: "/rooms/{id}/deals/{productId}",
      summary: "Room staff end the product's flash deal now.",
    })
    .input(z.object({ params: z.object({ id: ZRouteId, productId: ZRouteId }) }))
    .output(z.object({ ok: z.literal(true) })),
  pin: oc
    .route({
      ...route,
      method: "POST",
      path: "/rooms/{id}/pin",
      summary: "Room staff pin `{ productId }`, or unpin with null.",
    })
    .input(z.object({ params: ZIdParams, body: ZPinRequest }))
    .output(z.object({ roomId: z.string(), pinnedProductId: z.string().nullable() })),
  sales: oc
    .route({
      ...route,
      method: "GET",
      path: "/rooms/{id}/sales",
      outputStructure: "detailed",
      summary: "Room staff: the live sales panel; `?viewers=N` gives the current viewer count.",
    })
    .input(
      z.object({
        params: ZIdParams,
        query: z.object({ viewers: z.coerce.number().int().min(0).max(10_000_000).optional() }),
      }),
    )
    .output(withHeaders(z.looseObject({}))),
  setSales: oc
    .route({
      ...route,
      method: "PATCH",
      path: "/rooms/{id}/sales",
      summary: 'Room staff turn the "someone just bought" chat messages on or off.',
    })
    .input(z.object({ params: ZIdParams, body: ZSalesSettingsRequest }))
    .output(z.object({ announcePurchases: z.boolean() })),
};

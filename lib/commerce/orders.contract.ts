import { oc } from "@orpc/contract";
import { z } from "zod";
import { ZIdParams, withHeaders } from "@/lib/api/contract-kit";
import { ZPayOrderRequest, ZPlaceOrderRequest } from "@/lib/commerce/order-schemas";
import { ZOrderView } from "@/lib/commerce/order-types";

const ZOrderAnswer = z.object({ order: ZOrderView });
const route = { tags: ["orders"], inputStructure: "detailed" } as const;

/** Orders: `/api/orders` and one order's `/pay` and `/cancel`. (`POST /api/checkout`: lib/api/route-files.contract.ts.) */
export const ordersContract = {
  place: oc
    .route({
      ...route,
      method: "POST",
      path: "/orders",
      successStatus: 201,
      outputStructure: "detailed",
      summary:
        "Places an order with the units held until payment: 201, or 200 for a replayed idempotency key. The key may come in the body or an `Idempotency-Key` header; a price in the body is 400 PRICE_NOT_ALLOWED; not enough stock is 409 OUT_OF_STOCK.",
    })
    .input(
      z.object({
        body: ZPlaceOrderRequest,
        headers: z.object({ "idempotency-key": z.string().optional() }),
      }),
    )
    .output(
      z.union([
        z.object({ status: z.literal(201), body: ZOrderAnswer }),
        z.object({ status: z.literal(200), body: ZOrderAnswer }),
      ]),
    ),
  mine: oc
    .route({
      ...route,
      method: "GET",
      path: "/orders",
      outputStructure: "detailed",
      summary: "My orders, newest first.",
    })
    .output(withHeaders(z.object({ orders: z.array(ZOrderView) }))),
  get: oc
    .route({
      ...route,
      method: "GET",
      path: "/orders/{id}",
      outputStructure: "detailed",
      summary: "One order: its buyer or an ADMIN.",
    })
    .input(z.object({ params: ZIdParams }))
    .output(withHeaders(ZOrderAnswer)),
  pay: oc
    .route({
      ...route,
      method: "POST",
      path: "/orders/{id}/pay",
      summary: "The buyer pays a held order → PAID; declined → 402 PAYMENT_DECLINED.",
    })
    .input(z.object({ params: ZIdParams, body: ZPayOrderRequest }))
    .output(ZOrderAnswer),
  cancel: oc
    .route({
      ...route,
      method: "POST",
      path: "/orders/{id}/cancel",
      summary: "The buyer (or an ADMIN) cancels an unpaid order; its units go back on sale.",
    })
    .input(z.object({ params: ZIdParams }))
    .output(ZOrderAnswer),
};

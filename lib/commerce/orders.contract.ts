import { z } from "zod";
import { detailedOutput, route, withHeaders, ZIdParams } from "@/lib/api/contract-kit";
import { ZPayOrderRequest, ZPlaceOrderRequest } from "@/lib/commerce/order-schemas";
import { ZOrderAnswer, ZOrderView } from "@/lib/commerce/order-types";

/** Orders: `/api/orders` and one order's `/pay` and `/cancel`. (`POST /api/checkout`: lib/api/route-files.contract.ts.) */
export const ordersContract = {
  place: route
    .post(
      "/orders",
      "Places an order with the units held until payment: 201, or 200 for a replayed idempotency key. The key may come in the body or an `Idempotency-Key` header; a price in the body is 400 PRICE_NOT_ALLOWED; not enough stock is 409 OUT_OF_STOCK.",
      { successStatus: 201, outputStructure: "detailed" },
    )
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
  mine: route
    .get("/orders", "My orders, newest first.", detailedOutput)
    .output(withHeaders(z.object({ orders: z.array(ZOrderView) }))),
  get: route
    .get("/orders/{id}", "One order: its buyer or an ADMIN.", detailedOutput)
    .input(z.object({ params: ZIdParams }))
    .output(withHeaders(ZOrderAnswer)),
  pay: route
    .post("/orders/{id}/pay", "The buyer pays a held order → PAID; declined → 402 PAYMENT_DECLINED.")
    .input(z.object({ params: ZIdParams, body: ZPayOrderRequest }))
    .output(ZOrderAnswer),
  cancel: route
    .post(
      "/orders/{id}/cancel",
      "The buyer (or an ADMIN) cancels an unpaid order; its units go back on sale.",
    )
    .input(z.object({ params: ZIdParams }))
    .output(ZOrderAnswer),
};

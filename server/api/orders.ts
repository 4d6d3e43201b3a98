import "server-only";
import { z } from "zod";
import { api, NO_STORE, signedIn } from "@/server/api/base";
import { ApiError } from "@/server/http/errors";
import { ZPlaceOrderRequest, type TPlaceOrderRequest } from "@/lib/commerce/order-schemas";
import { placeOrder } from "@/server/commerce/place-order";
import { listMyOrders } from "@/server/commerce/list-my-orders";
import { getOrderFor } from "@/server/commerce/get-order";
import { toOrderView } from "@/server/commerce/order-view";
import { payOrder } from "@/server/commerce/pay-order";
import { cancelOrder } from "@/server/commerce/cancel-order";
import { refuseClientPrices, validate } from "@/server/commerce/validate";

const ZJsonObject = z.record(z.string(), z.unknown());

/** The key may come in the body or, as payment APIs do, in an `Idempotency-Key` header. */
function withHeaderKey(body: Record<string, unknown>, header: string | undefined): Record<string, unknown> {
  if (header === undefined) return body;
  if (body.idempotencyKey !== undefined && body.idempotencyKey !== header) {
    throw new ApiError(400, "INVALID", "Some fields are not valid.", {
      idempotencyKey: "Differs from the Idempotency-Key header.",
    });
  }
  return { ...body, idempotencyKey: header };
}

/**
 * The order as asked, read from the raw body before the contract's strict schema judges it: a price sent
 * along is 400 PRICE_NOT_ALLOWED (not an unknown key), and the header's key counts as the body's.
 */
const orderRequest = api.middleware(
  async ({ next }, input: { body: unknown; headers: Record<string, unknown> }) => {
    const body = validate(ZJsonObject, input.body);
    refuseClientPrices(body);
    const header = input.headers["idempotency-key"];
    const request: TPlaceOrderRequest = validate(
      ZPlaceOrderRequest,
      withHeaderKey(body, typeof header === "string" ? header : undefined),
    );
    return next({ context: { request } });
  },
);

/** lib/commerce/orders.contract.ts, served. */
export const orders = {
  place: api.orders.place
    .use(signedIn())
    .use(orderRequest)
    .handler(async ({ context }) => {
      const { order, created } = await placeOrder(context.user.id, context.request);
      return { status: created ? 201 : 200, body: { order } };
    }),
  mine: api.orders.mine.use(signedIn()).handler(async ({ context }) => ({
    headers: NO_STORE,
    body: { orders: await listMyOrders(context.user.id) },
  })),
  get: api.orders.get.use(signedIn()).handler(async ({ input, context }) => ({
    headers: NO_STORE,
    body: { order: toOrderView(await getOrderFor(context.user, input.params.id)) },
  })),
  pay: api.orders.pay.use(signedIn()).handler(async ({ input, context }) => ({
    order: await payOrder(context.user.id, input.params.id, input.body),
  })),
  cancel: api.orders.cancel.use(signedIn()).handler(async ({ input, context }) => ({
    order: await cancelOrder(context.user, input.params.id),
  })),
};

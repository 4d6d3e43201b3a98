import { NextResponse } from "next/server";
import { z } from "zod";
import { handle, parseBody } from "@/server/http/handle";
import { ApiError } from "@/server/http/errors";
import { requireUser } from "@/server/auth/request";
import { ZPlaceOrderRequest } from "@/lib/commerce/order-schemas";
import { placeOrder } from "@/server/commerce/place-order";
import { listMyOrders } from "@/server/commerce/list-my-orders";
import { refuseClientPrices, validate } from "@/server/commerce/validate";

const ZJsonObject = z.record(z.string(), z.unknown());

/** The key may come in the body or, as payment APIs do, in an `Idempotency-Key` header. */
function withHeaderKey(body: Record<string, unknown>, header: string | null): Record<string, unknown> {
  if (header === null) return body;
  if (body.idempotencyKey !== undefined && body.idempotencyKey !== header) {
    throw new ApiError(400, "INVALID", "Some fields are not valid.", {
      idempotencyKey: "Differs from the Idempotency-Key header.",
    });
  }
  return { ...body, idempotencyKey: header };
}

/** Places an order: 201 `{ order }` with the units held until payment (200 for a replayed idempotency key). */
export const POST = handle(async (req) => {
  const user = await requireUser();
  const body = await parseBody(req, ZJsonObject);
  refuseClientPrices(body);
  const input = validate(ZPlaceOrderRequest, withHeaderKey(body, req.headers.get("idempotency-key")));
  const { order, created } = await placeOrder(user.id, input);
  return NextResponse.json({ order }, { status: created ? 201 : 200 });
});

/** My orders, newest first: `{ orders }`. */
export const GET = handle(async () => {
  const user = await requireUser();
  return NextResponse.json(
    { orders: await listMyOrders(user.id) },
    { headers: { "cache-control": "no-store" } },
  );
});

import { NextResponse } from "next/server";
import { z } from "zod";
import { handle, parseBody } from "@/server/http/handle";
import { requireUser } from "@/server/auth/request";
import { ZCheckoutRequest } from "@/lib/commerce/checkout.types";
import { checkOut } from "@/server/commerce/check-out";
import { refuseClientPrices, validate } from "@/server/commerce/validate";

const ZJsonObject = z.record(z.string(), z.unknown());

/**
 * Checks out the whole cart as one order: 201 `{ order }` with every line reserved, 200 for the same
 * idempotency key again, 409 with `error.productIds` when a line cannot be filled (nothing reserved).
 */
export const POST = handle(async (req) => {
  const user = await requireUser();
  const body = await parseBody(req, ZJsonObject);
  refuseClientPrices(body);
  const lines: unknown[] = Array.isArray(body.lines) ? body.lines : [];
  for (const line of lines)
    if (line && typeof line === "object") refuseClientPrices(line as Record<string, unknown>);
  const input = validate(ZCheckoutRequest, body);
  const { order, created } = await checkOut(user.id, input);
  return NextResponse.json({ order }, { status: created ? 201 : 200 });
});

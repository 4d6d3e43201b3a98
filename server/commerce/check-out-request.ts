import { z } from "zod";
import { ZCheckoutRequest } from "@/lib/commerce/checkout.types";
import { checkOut, type TCheckOutResult } from "@/server/commerce/check-out";
import { refuseClientPrices, validate } from "@/server/commerce/validate";

/** What `POST /api/checkout` reads before its own rules: any JSON object. */
export const ZJsonObject = z.record(z.string(), z.unknown());

/**
 * `POST /api/checkout` once the body is a JSON object and the buyer is known: a price sent on the cart or on
 * any line is refused, the cart is validated, then checked out. One function for both ways the request
 * arrives (the web server's own route, server/web/checkout.ts, and the Next.js route handler).
 */
export function checkOutBody(userId: string, body: z.infer<typeof ZJsonObject>): Promise<TCheckOutResult> {
  refuseClientPrices(body);
  const lines: unknown[] = Array.isArray(body.lines) ? body.lines : [];
  for (const line of lines)
    if (line && typeof line === "object") refuseClientPrices(line as Record<string, unknown>);
  return checkOut(userId, validate(ZCheckoutRequest, body));
}

import type { z } from "zod";
import { ApiError, fieldErrors } from "@/server/http/errors";
import { PRICE_FIELDS } from "@/lib/commerce/order-schemas";

/** Validates an already-parsed body; a bad one is a 400 INVALID naming each bad field. */
export function validate<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success)
    throw new ApiError(400, "INVALID", "Some fields are not valid.", fieldErrors(parsed.error));
  return parsed.data;
}

/** Refuses a body that tries to set its own price: prices are decided on the server only. */
export function refuseClientPrices(body: Record<string, unknown>): void {
  const sent = PRICE_FIELDS.filter((f) => f in body);
  if (sent.length === 0) return;
  const fields = Object.fromEntries(sent.map((f) => [f, "Prices are set by the server; leave this out."]));
  throw new ApiError(
    400,
    "PRICE_NOT_ALLOWED",
    "Prices are decided by the server and cannot be sent with an order.",
    fields,
  );
}

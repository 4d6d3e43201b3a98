import { z } from "zod";
import {
  MAX_DEAL_SECONDS,
  MAX_ORDER_QUANTITY,
  MAX_PRICE_MINOR,
  MIN_DEAL_SECONDS,
} from "@/lib/commerce/limits";

const ZId = z.string().trim().min(1).max(100);

/** `POST /api/rooms/:id/pin` (contract): `{ productId }` pins, `{ productId: null }` unpins. */
export const ZPinRequest = z.strictObject({ productId: ZId.nullable() });
export type TPinRequest = z.infer<typeof ZPinRequest>;

/** `POST /api/rooms/:id/deals`: a flash deal on one of the show's products. */
export const ZStartDealRequest = z.strictObject({
  productId: ZId,
  dealPriceMinor: z
    .number({ error: "Enter the deal price as a whole number of minor units." })
    .int("Enter the deal price as a whole number of minor units.")
    .min(1, "The deal price must be above zero.")
    .max(MAX_PRICE_MINOR),
  durationSeconds: z
    .number({ error: "Enter the duration in seconds." })
    .int("Enter the duration in whole seconds.")
    .min(MIN_DEAL_SECONDS, `A deal runs at least ${MIN_DEAL_SECONDS} seconds.`)
    .max(MAX_DEAL_SECONDS, "A deal runs at most 24 hours."),
  limitPerBuyer: z
    .number()
    .int("Enter a whole number.")
    .min(1, "Allow at least 1 per buyer.")
    .max(MAX_ORDER_QUANTITY)
    .nullable()
    .optional(),
});
export type TStartDealRequest = z.infer<typeof ZStartDealRequest>;

/** `PATCH /api/rooms/:id/sales`: the seller's commerce settings for the show. */
export const ZSalesSettingsRequest = z.strictObject({ announcePurchases: z.boolean() });

/** A running flash deal as the API returns it. */
export type TDealView = {
  roomId: string;
  productId: string;
  dealPriceMinor: number;
  priceMinor: number;
  currency: string;
  startedAt: string;
  endsAt: string;
  limitPerBuyer: number | null;
};

/** `GET /api/rooms/:id/sales`: the live sales panel. */
export type TShowSales = {
  roomId: string;
  /** Paid orders only: what was actually sold. */
  orders: number;
  units: number;
  revenueMinor: number;
  currency: string;
  /** Orders placed and still awaiting payment (their units are held). */
  pending: { orders: number; units: number };
  viewers: number | null;
  /** Paid orders per 100 current viewers, 2 decimals; null while the viewer count is unknown or 0. */
  ordersPerHundredViewers: number | null;
  products: {
    productId: string;
    name: string;
    orders: number;
    units: number;
    revenueMinor: number;
    stock: number;
  }[];
  recent: { orderId: string; productName: string; quantity: number; totalMinor: number; paidAt: string }[];
  announcePurchases: boolean;
  at: string;
};

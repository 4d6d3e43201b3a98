import { z } from "zod";
import { MAX_PRICE_MINOR, MAX_STOCK } from "@/lib/commerce/limits";

const ZName = z.string().trim().min(1, "Enter a product name.").max(120, "At most 120 characters.");
const ZDescription = z.string().trim().max(4000, "At most 4000 characters.");
const ZPriceMinor = z
  .number({ error: "Enter the price as a whole number of minor units." })
  .int("Enter the price as a whole number of minor units (e.g. 39000 for ₩39,000).")
  .min(1, "The price must be above zero.")
  .max(MAX_PRICE_MINOR, "That price is too high.");
const ZStock = z
  .number({ error: "Enter the stock as a whole number." })
  .int("Enter the stock as a whole number.")
  .min(0, "Stock cannot be negative.")
  .max(MAX_STOCK, `At most ${MAX_STOCK} units.`);
/** Our own upload URLs and other site paths, or an https image; never `javascript:` or protocol-relative. */
const ZImageUrl = z
  .string()
  .trim()
  .max(500)
  .regex(
    /^(\/(?!\/)[A-Za-z0-9._~\/-]*|https:\/\/[^\s"'<>]+)$/,
    "Use an uploaded image or an https:// address.",
  );
const ZCurrency = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase())
  .pipe(z.string().regex(/^[A-Z]{3}$/, "Use a three-letter currency code, e.g. KRW."));

/** `POST /api/products`. */
export const ZCreateProductRequest = z.strictObject({
  name: ZName,
  description: ZDescription.default(""),
  priceMinor: ZPriceMinor,
  currency: ZCurrency.default("KRW"),
  stock: ZStock,
  imageUrl: ZImageUrl.nullable().optional(),
});
export type TCreateProductRequest = z.infer<typeof ZCreateProductRequest>;

/**
 * `PATCH /api/products/:id`. `stock` sets the units on sale now; `stockDelta` adds or removes units
 * atomically (safer while orders are coming in). `archived: false` puts an archived product back on sale.
 */
export const ZUpdateProductRequest = z
  .strictObject({
    name: ZName.optional(),
    description: ZDescription.optional(),
    priceMinor: ZPriceMinor.optional(),
    currency: ZCurrency.optional(),
    stock: ZStock.optional(),
    stockDelta: z.number().int("Enter a whole number.").min(-MAX_STOCK).max(MAX_STOCK).optional(),
    imageUrl: ZImageUrl.nullable().optional(),
    archived: z.boolean().optional(),
  })
  .refine((v) => v.stock === undefined || v.stockDelta === undefined, {
    message: "Send stock or stockDelta, not both.",
    path: ["stockDelta"],
  });
export type TUpdateProductRequest = z.infer<typeof ZUpdateProductRequest>;

/** `PUT /api/rooms/:id/products`: the show's products, in display order. */
export const ZSetShowProductsRequest = z.strictObject({
  productIds: z.array(z.string().trim().min(1).max(100)).max(100, "At most 100 products in one show."),
});

/** A product as the products API returns it. */
export type TProductView = {
  id: string;
  sellerId: string;
  name: string;
  description: string;
  imageUrl: string | null;
  priceMinor: number;
  currency: string;
  stock: number;
  archived: boolean;
  createdAt: string;
  updatedAt: string;
};

import { z } from "zod";
import { detailedOutput, route, withHeaders, ZIdParams } from "@/lib/api/contract-kit";
import {
  ZCreateProductRequest,
  ZUpdateProductRequest,
  type TProductView,
} from "@/lib/commerce/product-schemas";

/** A product as the products API returns it (TProductView, as a schema for the contract). */
export const ZProductView = z.object({
  id: z.string(),
  sellerId: z.string(),
  name: z.string(),
  description: z.string(),
  imageUrl: z.string().nullable(),
  priceMinor: z.number().int(),
  currency: z.string(),
  stock: z.number().int(),
  archived: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
}) satisfies z.ZodType<TProductView>;

const ZProductAnswer = z.object({ product: ZProductView });

/** The catalog: `/api/products` and `/api/products/:id`. */
export const productsContract = {
  list: route
    .get(
      "/products",
      "SELLER/ADMIN: my catalog; `?archived=1` includes archived ones, ADMIN may pass `?sellerId=`.",
      detailedOutput,
    )
    .input(
      z.object({ query: z.object({ archived: z.string().optional(), sellerId: z.string().optional() }) }),
    )
    .output(withHeaders(z.object({ products: z.array(ZProductView) }))),
  create: route
    .post("/products", "SELLER/ADMIN: creates a product in my catalog.", { successStatus: 201 })
    .input(z.object({ body: ZCreateProductRequest }))
    .output(ZProductAnswer),
  get: route
    .get("/products/{id}", "One product (archived ones only for their seller or an ADMIN).")
    .input(z.object({ params: ZIdParams }))
    .output(ZProductAnswer),
  update: route
    .patch("/products/{id}", "The product's seller or an ADMIN edits it.")
    .input(z.object({ params: ZIdParams, body: ZUpdateProductRequest }))
    .output(ZProductAnswer),
  archive: route
    .delete("/products/{id}", "Archives the product (never deletes: orders refer to it) → `archived: true`.")
    .input(z.object({ params: ZIdParams }))
    .output(ZProductAnswer),
};

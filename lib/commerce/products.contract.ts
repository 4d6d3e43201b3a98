import { oc } from "@orpc/contract";
import { z } from "zod";
import { ZIdParams, withHeaders } from "@/lib/api/contract-kit";
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
const route = { tags: ["products"], inputStructure: "detailed" } as const;

/** The catalog: `/api/products` and `/api/products/:id`. */
export const productsContract = {
  list: oc
    .route({
      ...route,
      method: "GET",
      path: "/products",
      outputStructure: "detailed",
      summary: "SELLER/ADMIN: my catalog; `?archived=1` includes archived ones, ADMIN may pass `?sellerId=`.",
    })
    .input(
      z.object({ query: z.object({ archived: z.string().optional(), sellerId: z.string().optional() }) }),
    )
    .output(withHeaders(z.object({ products: z.array(ZProductView) }))),
  create: oc
    .route({
      ...route,
      method: "POST",
      path: "/products",
      successStatus: 201,
      summary: "SELLER/ADMIN: creates a product in my catalog.",
    })
    .input(z.object({ body: ZCreateProductRequest }))
    .output(ZProductAnswer),
  get: oc
    .route({
      ...route,
      method: "GET",
      path: "/products/{id}",
      summary: "One product (archived ones only for their seller or an ADMIN).",
    })
    .input(z.object({ params: ZIdParams }))
    .output(ZProductAnswer),
  update: oc
    .route({
      ...route,
      method: "PATCH",
      path: "/products/{id}",
      summary: "The product's seller or an ADMIN edits it.",
    })
    .input(z.object({ params: ZIdParams, body: ZUpdateProductRequest }))
    .output(ZProductAnswer),
  archive: oc
    .route({
      ...route,
      method: "DELETE",
      path: "/products/{id}",
      summary: "Archives the product (never deletes: orders refer to it) → `archived: true`.",
    })
    .input(z.object({ params: ZIdParams }))
    .output(ZProductAnswer),
};

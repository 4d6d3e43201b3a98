import "server-only";
import { api, NO_STORE, signedIn } from "@/server/api/base";
import { currentUser } from "@/server/auth/request";
import { createProduct } from "@/server/products/create-product";
import { listProducts } from "@/server/products/list-products";
import { getProduct } from "@/server/products/get-product";
import { updateProduct } from "@/server/products/update-product";
import { archiveProduct } from "@/server/products/archive-product";

/** lib/commerce/products.contract.ts, served. */
export const products = {
  list: api.products.list.use(signedIn("SELLER", "ADMIN")).handler(async ({ input, context }) => {
    const products = await listProducts(context.user, {
      includeArchived: input.query.archived === "1",
      sellerId: input.query.sellerId?.slice(0, 100),
    });
    return { headers: NO_STORE, body: { products } };
  }),
  create: api.products.create
    .use(signedIn("SELLER", "ADMIN"))
    .handler(async ({ input, context }) => ({ product: await createProduct(context.user.id, input.body) })),
  get: api.products.get.handler(async ({ input }) => ({
    product: await getProduct(await currentUser(), input.params.id),
  })),
  update: api.products.update.use(signedIn()).handler(async ({ input, context }) => ({
    product: await updateProduct(context.user, input.params.id, input.body),
  })),
  archive: api.products.archive.use(signedIn()).handler(async ({ input, context }) => ({
    product: await archiveProduct(context.user, input.params.id),
  })),
};

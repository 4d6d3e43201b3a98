import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePageUser } from "@/server/pages/require-page-user";
import { listProducts } from "@/server/products/list-products";
import { AccessDenied } from "@/components/shell/access-denied";
import { ProductCatalog } from "@/components/studio/product-catalog";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("commerce.catalog"))("title"), robots: { index: false } };
}

/** The seller's product catalog: create, edit, archive, images, price and stock. */
export default async function StudioProductsPage() {
  const user = await requirePageUser("/studio/products", ["SELLER", "ADMIN"]);
  if (!user) return <AccessDenied />;
  return <ProductCatalog initialProducts={await listProducts(user, { includeArchived: true })} />;
}

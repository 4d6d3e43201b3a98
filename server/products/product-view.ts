import type { Product } from "@prisma/client";
import type { TProductView } from "@/lib/commerce/product-schemas";

export function toProductView(p: Product): TProductView {
  return {
    id: p.id,
    sellerId: p.sellerId,
    name: p.name,
    description: p.description,
    imageUrl: p.imageUrl,
    priceMinor: p.priceMinor,
    currency: p.currency,
    stock: p.stock,
    archived: p.archivedAt !== null,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

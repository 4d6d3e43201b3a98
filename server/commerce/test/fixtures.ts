import { db } from "@/server/db";
import { hashPassword } from "@/server/auth/password";

let passwordHash: string | undefined;

/** A user of the given role with a unique email. */
export async function makeUser(role: "SHOPPER" | "SELLER" | "ADMIN" = "SHOPPER") {
  passwordHash ??= await hashPassword("onair-test-pw");
  const n = Math.random().toString(36).slice(2, 10);
  return db.user.create({
    data: { email: `${role.toLowerCase()}-${n}@test.onair`, name: `${role} ${n}`, role, passwordHash },
  });
}

/** A seller's product (and, with `room: true`, a show selling it). */
export async function makeProduct(opts: { stock: number; priceMinor?: number; sellerId?: string }) {
  const sellerId = opts.sellerId ?? (await makeUser("SELLER")).id;
  return db.product.create({
    data: {
      sellerId,
      name: `Product ${Math.random().toString(36).slice(2, 7)}`,
      priceMinor: opts.priceMinor ?? 39000,
      currency: "KRW",
      stock: opts.stock,
    },
  });
}

export async function makeShow(sellerId: string, productIds: string[]) {
  const slug = `show-${Math.random().toString(36).slice(2, 10)}`;
  return db.room.create({
    data: {
      slug,
      title: slug,
      sellerId,
      products: { create: productIds.map((productId, position) => ({ productId, position })) },
    },
  });
}

export async function stockOf(productId: string): Promise<number> {
  return (await db.product.findUniqueOrThrow({ where: { id: productId }, select: { stock: true } })).stock;
}

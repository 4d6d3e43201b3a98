/** Demo data of the contract, written only while the database has no users. */
import { db } from "@/server/db";
import { hashPassword } from "@/server/auth/password";
import { DEMO_ON_AIR_SLUG } from "@/server/media/demo-source/demo-args";

const DEMO_PASSWORD = "onair-demo";

const PRODUCTS = [
  {
    name: "Linen Summer Shirt",
    description: "Breathable washed linen, relaxed fit. Comes in white, sky blue and sand.",
    priceMinor: 39000,
    stock: 120,
    imageUrl: "/demo/shirt.svg",
  },
  {
    name: "Ceramic Pour-Over Set",
    description: "Hand-glazed dripper with a 600 ml server. Dishwasher safe.",
    priceMinor: 54000,
    stock: 40,
    imageUrl: "/demo/pour-over.svg",
  },
  {
    name: "Wireless Earbuds Mini",
    description: "28 hours with the case, IPX4, USB-C fast charge.",
    priceMinor: 89000,
    stock: 25,
    imageUrl: "/demo/earbuds.svg",
  },
  {
    name: "Vitamin C Serum 30 ml",
    description: "15% ascorbic acid with vitamin E and ferulic acid.",
    priceMinor: 28000,
    stock: 300,
    imageUrl: "/demo/serum.svg",
  },
] as const;

export async function seedIfEmpty(): Promise<boolean> {
  if ((await db.user.count()) > 0) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const user = (email: string, name: string, role: "ADMIN" | "SELLER" | "SHOPPER") =>
    db.user.create({ data: { email, name, role, passwordHash } });

  await user("admin@onair.test", "OnAir Admin", "ADMIN");
  const seller = await user("seller@onair.test", "Mina's Picks", "SELLER");
  await user("shopper@onair.test", "Jisoo", "SHOPPER");
  await user("shopper2@onair.test", "Alex", "SHOPPER");

  const products = [];
  for (const p of PRODUCTS) {
    products.push(await db.product.create({ data: { ...p, currency: "KRW", sellerId: seller.id } }));
  }

  const inOneHour = new Date(Date.now() + 60 * 60 * 1000);
  const tomorrow = new Date(Date.now() + 24 * 60 * 60 * 1000);
  await db.room.create({
    data: {
      slug: "demo-live",
      title: "Summer essentials with Mina",
      description: "Linen, coffee gear and the earbuds everyone asks about. Ask anything in the chat!",
      sellerId: seller.id,
      status: "SCHEDULED",
      scheduledAt: inOneHour,
      separation: "AUTO",
      autoSeparateAbove: 1000,
      products: { create: products.slice(0, 3).map((p, position) => ({ productId: p.id, position })) },
    },
  });
  // Kept live by the demo source (server/media/demo-source, DEMO_LIVE_SOURCE): a newcomer's first page has
  // a show playing, with chat and products. It goes LIVE through the real ingest, not by this seed.
  await db.room.create({
    data: {
      slug: DEMO_ON_AIR_SLUG,
      title: "On air now: the OnAir test channel",
      description:
        "A generated picture and tone, live around the clock, so you can try chat and the shop right away.",
      sellerId: seller.id,
      status: "SCHEDULED",
      scheduledAt: new Date(),
      products: { create: products.map((p, position) => ({ productId: p.id, position })) },
    },
  });
  await db.room.create({
    data: {
      slug: "skincare-friday",
      title: "Skincare Friday: serums explained",
      description: "What vitamin C actually does, and how to layer it.",
      sellerId: seller.id,
      status: "SCHEDULED",
      scheduledAt: tomorrow,
      products: { create: [{ productId: products[3]!.id, position: 0 }] },
    },
  });
  return true;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  void seedIfEmpty()
    .then((seeded) => console.log(seeded ? "Seeded demo data." : "Database has users; seed skipped."))
    .finally(() => void db.$disconnect());
}

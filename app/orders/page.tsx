import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePageUser } from "@/server/pages/require-page-user";
import { listMyOrders } from "@/server/commerce/list-my-orders";
import { MyOrders } from "@/components/commerce/my-orders";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("commerce"))("myOrders"), robots: { index: false } };
}

/** "My orders": the signed-in person's orders with their status (any role can buy). */
export default async function OrdersPage() {
  const user = await requirePageUser("/orders");
  if (!user) return null;
  return (
    <div className="py-6 sm:py-10">
      <MyOrders initialOrders={await listMyOrders(user.id)} />
    </div>
  );
}

"use client";
import { useCommerceT } from "@/components/commerce/use-commerce-t";
import { useLocale } from "next-intl";
import { formatPrice } from "@/lib/format";
import type { TOrderView } from "@/lib/commerce/order-types";
import { buttonStyles } from "@/components/ui/button-styles";
import { Button } from "@/components/ui/button";
import { OrderStatusBadge } from "@/components/commerce/order-status-badge";

/** After checkout: what was paid, and the way to My orders. */
export function OrderConfirmation({ orders, onClose }: { orders: TOrderView[]; onClose: () => void }) {
  const t = useCommerceT();
  const locale = useLocale();
  return (
    <div className="flex flex-col gap-4" role="status">
      <h3 className="text-lg font-black text-zinc-950">{t("confirmationTitle")}</h3>
      <p className="text-sm text-zinc-700">{t("confirmationBody", { count: orders.length })}</p>
      <ul className="flex flex-col gap-2">
        {orders.map((o) => (
          <li
            key={o.id}
            className="flex items-center justify-between gap-2 rounded-lg border border-zinc-200 bg-white p-3 text-sm"
          >
            <span className="min-w-0 flex-1 font-semibold">
              {o.lines.map((l) => `${l.product.name} × ${l.quantity}`).join(", ")}
            </span>
            <span className="tabular-nums">{formatPrice(o.totalMinor, o.currency, locale)}</span>
            <OrderStatusBadge status={o.status} />
          </li>
        ))}
      </ul>
      <div className="flex gap-2">
        <a href="/orders" className={buttonStyles({ variant: "primary" })}>
          {t("viewOrders")}
        </a>
        <Button onClick={onClose} variant="secondary">
          {t("continueShopping")}
        </Button>
      </div>
    </div>
  );
}

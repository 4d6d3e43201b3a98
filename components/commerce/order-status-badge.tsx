import { useCommerceT } from "@/components/commerce/use-commerce-t";
import type { TOrderStatus } from "@/lib/commerce/order-types";
import { cx } from "@/components/ui/cx";

const styles: Record<TOrderStatus, string> = {
  PENDING_PAYMENT: "bg-amber-100 text-amber-900",
  PAID: "bg-emerald-100 text-emerald-900",
  CANCELLED: "bg-zinc-200 text-zinc-800",
  EXPIRED: "bg-zinc-200 text-zinc-800",
  FAILED: "bg-rose-100 text-rose-900",
};

export function OrderStatusBadge({ status }: { status: TOrderStatus }) {
  const t = useCommerceT();
  return (
    <span className={cx("rounded-full px-2 py-0.5 text-xs font-bold", styles[status])}>
      {t(`status.${status}`)}
    </span>
  );
}

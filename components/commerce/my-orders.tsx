"use client";
import { useCommerceT } from "@/components/commerce/use-commerce-t";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useLocale } from "next-intl";
import { formatPrice } from "@/lib/format";
import type { TOrderView } from "@/lib/commerce/order-types";
import { cancelOrder } from "@/lib/commerce/client";
import { commerceQueries } from "@/lib/commerce/queries";
import { Button } from "@/components/ui/button";
import { ProductThumb } from "@/components/ui/product-thumb";
import { OrderStatusBadge } from "@/components/commerce/order-status-badge";

/** The content of `/orders`: the signed-in shopper's orders with their status, newest first. */
export function MyOrders({ initialOrders }: { initialOrders?: TOrderView[] }) {
  const t = useCommerceT();
  const locale = useLocale();
  const format = useFormatter();
  const queryClient = useQueryClient();
  const myOrders = commerceQueries.myOrders();
  const query = useQuery({ ...myOrders, initialData: initialOrders && { orders: initialOrders } });
  const orders = query.data?.orders ?? null;
  const cancel = useMutation({
    mutationFn: cancelOrder,
    onSuccess: ({ order }) => {
      queryClient.setQueryData(
        myOrders.queryKey,
        (old) => old && { orders: old.orders.map((o) => (o.id === order.id ? order : o)) },
      );
    },
  });
  // A refused cancel, else a failed load (the list keeps its last good answer under the message).
  const error = cancel.error?.message ?? query.error?.message ?? null;

  function retry() {
    cancel.reset();
    void query.refetch();
  }

  return (
    <section aria-labelledby="my-orders-heading" className="mx-auto flex max-w-3xl flex-col gap-4 p-4">
      <h1 id="my-orders-heading" className="text-2xl font-black text-zinc-950">
        {t("myOrders")}
      </h1>
      {error && (
        <p
          role="alert"
          className="flex items-center gap-3 rounded-lg bg-rose-50 px-3 py-2 text-sm text-rose-900"
        >
          {error}
          <Button onClick={retry} variant="secondary" size="sm">
            {t("retry")}
          </Button>
        </p>
      )}
      {orders === null ? (
        <p aria-live="polite">{t("loading")}</p>
      ) : orders.length === 0 ? (
        <p className="text-zinc-700">{t("noOrders")}</p>
      ) : (
        <ul className="flex flex-col gap-3">
          {orders.map((o) => (
            <li
              key={o.id}
              id={`order-${o.id}`}
              data-order-id={o.id}
              className="flex scroll-mt-24 gap-3 rounded-xl border border-zinc-200 bg-white p-3 shadow-sm target:ring-2 target:ring-emerald-600"
            >
              <ProductThumb src={o.product.imageUrl} className="size-16 shrink-0 rounded-lg" />
              <div className="flex min-w-0 flex-1 flex-col gap-1 text-sm">
                <div className="flex items-center justify-between gap-2">
                  <span className="font-semibold text-zinc-900">
                    {o.lines.map((l) => `${l.product.name} × ${l.quantity}`).join(", ")}
                  </span>
                  <OrderStatusBadge status={o.status} />
                </div>
                <span className="font-bold tabular-nums">
                  <span className="sr-only">{t("total")} </span>
                  {formatPrice(o.totalMinor, o.currency, locale)}
                </span>
                <span className="text-xs text-zinc-600">
                  {t("orderedAt")}{" "}
                  <time dateTime={o.createdAt}>
                    {format.dateTime(new Date(o.createdAt), { dateStyle: "medium", timeStyle: "short" })}
                  </time>
                </span>
                {o.failureReason && o.status !== "PAID" && (
                  <span className="text-xs text-rose-800">{o.failureReason}</span>
                )}
                {o.status === "PENDING_PAYMENT" && (
                  <div className="flex items-center justify-between gap-2">
                    <span className="text-xs text-amber-900">
                      {t("payBy", { time: format.dateTime(new Date(o.expiresAt), { timeStyle: "short" }) })}
                    </span>
                    <Button
                      onClick={() => cancel.mutate(o.id)}
                      disabled={cancel.isPending && cancel.variables === o.id}
                      variant="ghost"
                      size="sm"
                    >
                      {t("cancel")}
                    </Button>
                  </div>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

"use client";
import { useEffect, useRef } from "react";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { formatPrice } from "@/lib/format";
import type { TShowSales } from "@/lib/commerce/show-schemas";
import { setAnnouncePurchases } from "@/lib/commerce/client";
import { commerceQueries } from "@/lib/commerce/queries";
import { CheckboxWithHint } from "@/components/ui/checkbox-with-hint";

const POLL_MS = 5000;

/**
 * The live sales panel: paid orders, units, revenue and orders per 100 viewers (viewers from the staff
 * chat's room:state), the latest sales, and the seller's opt-in purchase announcements. Polls every 5 s
 * and refreshes at once when `refreshKey` changes (a product:update, i.e. a sale or a release).
 */
export function SalesPanel({
  roomId,
  viewers,
  refreshKey,
}: {
  roomId: string;
  viewers: number | null;
  refreshKey: number;
}) {
  const t = useTranslations("commerce.studio");
  const locale = useLocale();
  const format = useFormatter();
  const queryClient = useQueryClient();
  // A new viewer count is a new key: the last figures stay up until its answer arrives.
  const query = useQuery({
    ...commerceQueries.sales(roomId, viewers),
    placeholderData: keepPreviousData,
    refetchInterval: POLL_MS,
    refetchIntervalInBackground: false,
    retry: false, // the next poll is the retry
  });
  const sales = query.data ?? null;
  const failed = query.isError;
  const seenKey = useRef(refreshKey);
  useEffect(() => {
    if (seenKey.current === refreshKey) return;
    seenKey.current = refreshKey;
    void queryClient.invalidateQueries({ queryKey: commerceQueries.allSales(roomId) });
  }, [refreshKey, roomId, queryClient]);
  const announce = useMutation({
    mutationFn: (on: boolean) => setAnnouncePurchases(roomId, on),
    onSuccess: (res) =>
      queryClient.setQueriesData<TShowSales>({ queryKey: commerceQueries.allSales(roomId) }, (s) =>
        s ? { ...s, announcePurchases: res.announcePurchases } : s,
      ),
  });
  const announceBusy = announce.isPending;
  const announceError = announce.error?.message ?? null;

  const currency = sales?.currency ?? "KRW";
  const tiles = [
    { key: "orders", label: t("orders"), value: sales ? format.number(sales.orders) : "—" },
    { key: "units", label: t("units"), value: sales ? format.number(sales.units) : "—" },
    {
      key: "revenue",
      label: t("revenue"),
      value: sales ? formatPrice(sales.revenueMinor, currency, locale) : "—",
    },
    {
      key: "perHundred",
      label: t("perHundred"),
      value:
        sales?.ordersPerHundredViewers != null
          ? format.number(sales.ordersPerHundredViewers, { maximumFractionDigits: 2 })
          : "—",
      hint: sales && sales.ordersPerHundredViewers == null ? t("perHundredUnknown") : undefined,
    },
  ];

  return (
    <section
      aria-labelledby="sales-heading"
      data-testid="sales-panel"
      className="rounded-2xl border border-zinc-200 bg-white p-4 shadow-sm"
    >
      <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
        <h3 id="sales-heading" className="text-sm font-bold text-zinc-900">
          {t("salesHeading")}
        </h3>
        <p className="text-xs text-zinc-600 tabular-nums">
          {viewers !== null && <span className="mr-3">{t("viewers", { count: viewers })}</span>}
          {sales && t("pending", { orders: sales.pending.orders })}
        </p>
      </div>
      <dl className="grid grid-cols-2 gap-2 sm:grid-cols-4">
        {tiles.map((tile) => (
          <div key={tile.key} className="rounded-xl bg-zinc-50 px-3 py-2" data-testid={`sales-${tile.key}`}>
            <dt className="text-xs font-semibold text-zinc-600">{tile.label}</dt>
            <dd className="text-lg font-black text-zinc-950 tabular-nums">{tile.value}</dd>
            {tile.hint && <dd className="text-[11px] text-zinc-600">{tile.hint}</dd>}
          </div>
        ))}
      </dl>
      {failed && <p className="mt-2 text-xs font-semibold text-amber-800">{t("salesUnavailable")}</p>}

      <h4 className="mt-4 mb-1.5 text-xs font-bold tracking-wide text-zinc-600 uppercase">
        {t("recentHeading")}
      </h4>
      {sales && sales.recent.length > 0 ? (
        <ul className="flex flex-col divide-y divide-zinc-100 text-sm">
          {sales.recent.slice(0, 5).map((r) => (
            <li key={r.orderId} className="flex items-center justify-between gap-3 py-1.5">
              <span className="min-w-0 truncate text-zinc-800">
                {r.productName} × {r.quantity}
              </span>
              <span className="shrink-0 text-xs text-zinc-600">
                <time dateTime={r.paidAt}>{format.dateTime(new Date(r.paidAt), { timeStyle: "short" })}</time>
              </span>
              <span className="w-24 shrink-0 text-right font-semibold tabular-nums">
                {formatPrice(r.totalMinor, currency, locale)}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-zinc-600">{t("noSales")}</p>
      )}

      <CheckboxWithHint
        id="announce-purchases"
        label={t("announce")}
        hint={t("announceHint")}
        isSwitch
        checked={sales?.announcePurchases ?? false}
        disabled={!sales || announceBusy}
        onChange={(on) => announce.mutate(on)}
        className="mt-4 border-t border-zinc-100 pt-3"
      >
        {announceError && (
          <p role="alert" className="text-xs font-semibold text-rose-800">
            {announceError}
          </p>
        )}
      </CheckboxWithHint>
    </section>
  );
}

"use client";
import { useQuery } from "@tanstack/react-query";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import type { TAdminOverview } from "@/server/admin/get-overview";
import { formatPrice } from "@/lib/format";
import { ActivityCharts } from "@/components/admin/activity-charts";
import { ChatNodes } from "@/components/admin/chat-nodes";
import { MediaNodes } from "@/components/admin/media-nodes";
import { RoomsTable } from "@/components/admin/rooms-table";
import { StatTiles } from "@/components/admin/stat-tiles";
import { adminPoll, adminQueries } from "@/lib/admin/queries";

const POLL_MS = 3000;

/** The admin overview: headline numbers, the last hour, every show, every chat node and every media node, refreshed every 3 s. */
export function AdminDashboard({ initial }: { initial: TAdminOverview }) {
  const t = useTranslations("admin");
  const format = useFormatter();
  const locale = useLocale();
  // The last good answer stays on screen when a poll fails; the dot turns amber until one succeeds.
  const { data, isError } = useQuery({
    ...adminQueries.overview(),
    initialData: initial,
    ...adminPoll(POLL_MS),
  });
  const { summary } = data;
  const revenue =
    summary.revenueToday.length === 0
      ? "—"
      : summary.revenueToday.map((r) => formatPrice(r.totalMinor, r.currency, locale)).join(" · ");

  return (
    <div data-updated-at={data.at}>
      <p className="mb-3 flex items-center gap-2 text-xs text-zinc-600" role="status">
        <span
          aria-hidden="true"
          className={
            !isError ? "size-2 animate-pulse rounded-full bg-emerald-500" : "size-2 rounded-full bg-amber-500"
          }
        />
        {!isError
          ? t("liveUpdates", { time: format.dateTime(new Date(data.at), { timeStyle: "medium" }) })
          : t("staleUpdates")}
      </p>
      <StatTiles
        items={[
          {
            label: t("statLive"),
            value: summary.liveShows,
            hint: t("statScheduledHint", { count: summary.scheduledShows }),
          },
          { label: t("statViewers"), value: format.number(summary.viewers) },
          {
            label: t("statMessages"),
            value: format.number(summary.messagesPerSec, { maximumFractionDigits: 1 }),
          },
          { label: t("statOrders"), value: format.number(summary.ordersToday) },
          { label: t("statRevenue"), value: revenue },
        ]}
      />
      <ActivityCharts history={data.chat?.history ?? []} />
      <RoomsTable rooms={data.rooms} />
      <ChatNodes chat={data.chat} />
      <MediaNodes nodes={data.media} />
    </div>
  );
}

"use client";
import { useFormatter, useTranslations } from "next-intl";
import {
  Area,
  AreaChart,
  Bar,
  BarChart,
  CartesianGrid,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { EmptyNote } from "@/components/ui/empty-state";

export type TActivityPoint = { at: string; viewers: number; messages: number };

/** Viewers (peak per minute) and chat messages per minute over the last hour, from the chat master. */
export function ActivityCharts({ history }: { history: TActivityPoint[] }) {
  const t = useTranslations("admin.charts");
  const format = useFormatter();
  const data = history.map((h) => ({ ...h, label: format.dateTime(new Date(h.at), { timeStyle: "short" }) }));
  const chart = (title: string, key: "viewers" | "messages", color: string, summary: string) => (
    <figure className="rounded-2xl border border-zinc-200 bg-white p-4 shadow-sm">
      <figcaption className="mb-2 flex items-baseline justify-between gap-2">
        <span className="text-sm font-bold text-zinc-950">{title}</span>
        <span className="text-xs text-zinc-600">{summary}</span>
      </figcaption>
      <div className="h-44" role="img" aria-label={`${title}: ${summary}`}>
        <ResponsiveContainer width="100%" height="100%">
          {key === "viewers" ? (
            <AreaChart data={data} margin={{ top: 4, right: 8, bottom: 0, left: -16 }}>
              <CartesianGrid strokeDasharray="3 3" stroke="#e4e4e7" />
              <XAxis dataKey="label" tick={{ fontSize: 11, fill: "#52525b" }} interval={14} />
              <YAxis allowDecimals={false} tick={{ fontSize: 11, fill: "#52525b" }} />
              <Tooltip />
              <Area
                type="monotone"
                dataKey="viewers"
                name={title}
                stroke={color}
                fill={color}
                fillOpacity={0.2}
                isAnimationActive={false}
              />
            </AreaChart>
          ) : (
            <BarChart data={data} margin={{ top: 4, right: 8, bottom: 0, left: -16 }}>
              <CartesianGrid strokeDasharray="3 3" stroke="#e4e4e7" />
              <XAxis dataKey="label" tick={{ fontSize: 11, fill: "#52525b" }} interval={14} />
              <YAxis allowDecimals={false} tick={{ fontSize: 11, fill: "#52525b" }} />
              <Tooltip />
              <Bar dataKey="messages" name={title} fill={color} isAnimationActive={false} />
            </BarChart>
          )}
        </ResponsiveContainer>
      </div>
    </figure>
  );
  const peak = Math.max(0, ...history.map((h) => h.viewers));
  const total = history.reduce((sum, h) => sum + h.messages, 0);
  return (
    <section aria-labelledby="admin-activity" className="mt-8">
      <h2 id="admin-activity" className="mb-3 text-lg font-black tracking-tight text-zinc-950">
        {t("heading")}
      </h2>
      {history.length === 0 ? (
        <EmptyNote>{t("unavailable")}</EmptyNote>
      ) : (
        <div className="grid gap-4 md:grid-cols-2">
          {chart(t("viewers"), "viewers", "#6d28d9", t("peak", { count: peak }))}
          {chart(t("messages"), "messages", "#0284c7", t("total", { count: total }))}
        </div>
      )}
    </section>
  );
}

"use client";
import Link from "next/link";
import { useMemo, useState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import type { TAdminRoomLive } from "@/server/admin/get-overview";
import { StatusBadge } from "@/components/ui/status-badge";
import { cx } from "@/components/ui/cx";
import { AdminSection } from "@/components/admin/admin-section";
import { DataTable, EmptyRow } from "@/components/ui/data-table";
import { LabelledSearch, LabelledSelect } from "@/components/admin/labelled-field";

type TSortKey =
  | "title"
  | "status"
  | "sellerName"
  | "viewers"
  | "groups"
  | "separation"
  | "messagesPerSec"
  | "orders"
  | "likes";
const STATUS_ORDER = { LIVE: 0, SCHEDULED: 1, ENDED: 2 } as const;

/** Every show with its live figures; sortable by any column, filterable by text and status; each opens its console. */
export function RoomsTable({ rooms }: { rooms: TAdminRoomLive[] }) {
  const t = useTranslations("admin");
  const format = useFormatter();
  const [query, setQuery] = useState("");
  const [status, setStatus] = useState<"" | TAdminRoomLive["status"]>("");
  const [sort, setSort] = useState<{ key: TSortKey; dir: 1 | -1 }>({ key: "status", dir: 1 });

  const shown = useMemo(() => {
    const q = query.trim().toLowerCase();
    const rows = rooms.filter(
      (r) =>
        (!status || r.status === status) &&
        (!q || `${r.title} ${r.slug} ${r.sellerName}`.toLowerCase().includes(q)),
    );
    const value = (r: TAdminRoomLive) => (sort.key === "status" ? STATUS_ORDER[r.status] : r[sort.key]);
    return rows.sort((a, b) => {
      const x = value(a);
      const y = value(b);
      const c = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y));
      return c * sort.dir || b.viewers - a.viewers;
    });
  }, [rooms, query, status, sort]);

  const header = (key: TSortKey, label: string, numeric = false) => (
    <th
      scope="col"
      className={cx("px-3 py-3", numeric && "text-right")}
      aria-sort={sort.key === key ? (sort.dir === 1 ? "ascending" : "descending") : "none"}
    >
      <button
        type="button"
        onClick={() =>
          setSort((s) => ({ key, dir: s.key === key ? (s.dir === 1 ? -1 : 1) : numeric ? -1 : 1 }))
        }
        className="inline-flex items-center gap-1 font-bold tracking-wide uppercase hover:text-zinc-950"
      >
        {label}
        <span aria-hidden="true" className="text-zinc-400">
          {sort.key === key ? (sort.dir === 1 ? "▲" : "▼") : "↕"}
        </span>
      </button>
    </th>
  );

  return (
    <AdminSection
      id="admin-rooms"
      heading={t("rooms")}
      className="mt-8"
      tools={
        <>
          <LabelledSearch label={t("filterRooms")} value={query} onChange={setQuery} className="w-56" />
          <LabelledSelect
            label={t("filterStatus")}
            value={status}
            onChange={(v) => setStatus(v as typeof status)}
          >
            <option value="">{t("allStatuses")}</option>
            <option value="LIVE">{t("statusLive")}</option>
            <option value="SCHEDULED">{t("statusScheduled")}</option>
            <option value="ENDED">{t("statusEnded")}</option>
          </LabelledSelect>
        </>
      }
    >
      <DataTable
        minWidth="min-w-[860px]"
        head={
          <>
            {header("title", t("colShow"))}
            {header("status", t("colStatus"))}
            {header("sellerName", t("colSeller"))}
            {header("viewers", t("colViewers"), true)}
            {header("groups", t("colGroups"), true)}
            {header("separation", t("colSeparation"))}
            {header("messagesPerSec", t("colMessagesPerSec"), true)}
            {header("orders", t("colOrders"), true)}
            {header("likes", t("colLikes"), true)}
          </>
        }
      >
        {shown.length === 0 && (
          <EmptyRow colSpan={9}>{rooms.length === 0 ? t("noRooms") : t("noMatch")}</EmptyRow>
        )}
        {shown.map((r) => (
          <tr key={r.id} className="hover:bg-zinc-50">
            <th scope="row" className="px-3 py-3 font-semibold text-zinc-950">
              <Link href={`/admin/rooms/${r.id}`} className="underline-offset-2 hover:underline">
                {r.title}
              </Link>
              <div className="font-mono text-xs font-normal text-zinc-600">{r.slug}</div>
            </th>
            <td className="px-3 py-3">
              <StatusBadge status={r.status} />
            </td>
            <td className="px-3 py-3 text-zinc-700">{r.sellerName}</td>
            <td className="px-3 py-3 text-right text-zinc-700 tabular-nums">{format.number(r.viewers)}</td>
            <td className="px-3 py-3 text-right text-zinc-700 tabular-nums">{r.groups}</td>
            <td className="px-3 py-3 text-zinc-700">
              {t(`separation.${r.separation as "OFF" | "ON" | "AUTO"}`)}
              {r.separated && (
                <span className="bg-brand-50 text-brand-800 ml-1.5 rounded px-1.5 text-xs font-bold">
                  {t("separatedNow")}
                </span>
              )}
            </td>
            <td className="px-3 py-3 text-right text-zinc-700 tabular-nums">
              {format.number(r.messagesPerSec, { maximumFractionDigits: 1 })}
            </td>
            <td className="px-3 py-3 text-right text-zinc-700 tabular-nums">{format.number(r.orders)}</td>
            <td className="px-3 py-3 text-right text-zinc-700 tabular-nums">{format.number(r.likes)}</td>
          </tr>
        ))}
      </DataTable>
    </AdminSection>
  );
}

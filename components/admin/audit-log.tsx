"use client";
import { useCallback, useEffect, useState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import type { TAuditEntry } from "@/server/admin/list-audit";
import { buttonStyles } from "@/components/ui/button-styles";
import { DataTable, EmptyRow, HeadCell } from "@/components/ui/data-table";
import { LabelledSelect } from "@/components/admin/labelled-field";
import { request } from "@/lib/api/request";

export type TAuditPage = { entries: TAuditEntry[]; nextBefore: number | null };
export type TAuditFilterOptions = {
  actions: string[];
  rooms: { id: string; title: string }[];
  actors: { id: string; name: string }[];
};
type TFilters = { action: string; roomId: string; actorId: string };

const POLL_MS = 4000;
// One room's log (the room console) leaves out the room column.
const COLUMNS = ["colWhen", "colWho", "colWhat", "colTarget"] as const;

/** What an entry changed, in a few words: the details the moderation and admin actions record. */
function describe(entry: TAuditEntry): string {
  const d = entry.details;
  const parts: string[] = [];
  if (typeof d.nodeId === "string") parts.push(d.nodeId);
  if (typeof d.from === "string" && typeof d.to === "string") parts.push(`${d.from} → ${d.to}`);
  if (typeof d.type === "string")
    parts.push(typeof d.minutes === "number" ? `${d.type} ${d.minutes} min` : d.type);
  if (d.change && typeof d.change === "object") parts.push(JSON.stringify(d.change));
  if (typeof d.text === "string") parts.push(`“${d.text.slice(0, 80)}”`);
  if (parts.length === 0) {
    const rest = JSON.stringify(d);
    if (rest !== "{}") parts.push(rest.slice(0, 120));
  }
  return parts.join(" · ");
}

/**
 * The audit log, newest first and read-only: who did what, when, to whom, in which show. With `roomId` it is
 * one room's log (the room console) and refreshes itself; otherwise it offers filters and paging.
 */
export function AuditLog({
  initial,
  options,
  roomId,
}: {
  initial: TAuditPage;
  options?: TAuditFilterOptions;
  roomId?: string;
}) {
  const t = useTranslations("admin.audit");
  const format = useFormatter();
  const [filters, setFilters] = useState<TFilters>({ action: "", roomId: roomId ?? "", actorId: "" });
  const [page, setPage] = useState<TAuditPage>(initial);
  const [loadingMore, setLoadingMore] = useState(false);

  const url = useCallback(
    (before?: number) => {
      const params = new URLSearchParams();
      for (const [k, v] of Object.entries(filters)) if (v) params.set(k, v);
      if (before) params.set("before", String(before));
      return `/api/admin/audit?${params.toString()}`;
    },
    [filters],
  );

  useEffect(() => {
    let stopped = false;
    const load = async () => {
      const fresh = await request<TAuditPage>("GET", url()).catch(() => null);
      if (!fresh || stopped) return;
      // The filters may have changed while this answer was on its way: it belongs to the old ones.
      if (stopped) return;
      // Keep older pages the reader loaded; put new entries on top.
      setPage((prev) => {
        const known = new Set(fresh.entries.map((e) => e.id));
        const older = prev.entries.filter(
          (e) => !known.has(e.id) && e.id < (fresh.entries[fresh.entries.length - 1]?.id ?? 0),
        );
        return {
          entries: [...fresh.entries, ...older],
          nextBefore: older.length > 0 ? prev.nextBefore : fresh.nextBefore,
        };
      });
    };
    void load();
    const timer = window.setInterval(() => void load(), POLL_MS);
    return () => {
      stopped = true;
      window.clearInterval(timer);
    };
  }, [url]);

  async function more() {
    if (!page.nextBefore) return;
    setLoadingMore(true);
    const next = await request<TAuditPage>("GET", url(page.nextBefore)).catch(() => null);
    setLoadingMore(false);
    if (!next) return;
    setPage((prev) => ({ entries: [...prev.entries, ...next.entries], nextBefore: next.nextBefore }));
  }

  const select = (key: keyof TFilters, label: string, items: { value: string; label: string }[]) => (
    <LabelledSelect
      label={label}
      value={filters[key]}
      onChange={(value) => {
        setPage({ entries: [], nextBefore: null });
        setFilters((f) => ({ ...f, [key]: value }));
      }}
      className="max-w-60"
    >
      <option value="">{t("all")}</option>
      {items.map((i) => (
        <option key={i.value} value={i.value}>
          {i.label}
        </option>
      ))}
    </LabelledSelect>
  );

  return (
    <div>
      {options && (
        <div className="mb-3 flex flex-wrap gap-2">
          {select(
            "action",
            t("filterAction"),
            options.actions.map((a) => ({ value: a, label: a })),
          )}
          {select(
            "roomId",
            t("filterRoom"),
            options.rooms.map((r) => ({ value: r.id, label: r.title })),
          )}
          {select(
            "actorId",
            t("filterActor"),
            options.actors.map((a) => ({ value: a.id, label: a.name })),
          )}
        </div>
      )}
      <DataTable
        minWidth="min-w-[720px]"
        head={(roomId ? COLUMNS : [...COLUMNS, "colRoom" as const]).map((key) => (
          <HeadCell key={key}>{t(key)}</HeadCell>
        ))}
      >
        {page.entries.length === 0 && <EmptyRow colSpan={roomId ? 4 : 5}>{t("empty")}</EmptyRow>}
        {page.entries.map((e) => (
          <tr key={e.id} data-action={e.action}>
            <td className="px-3 py-2.5 whitespace-nowrap">
              <time dateTime={e.createdAt}>
                {format.dateTime(new Date(e.createdAt), { dateStyle: "short", timeStyle: "medium" })}
              </time>
            </td>
            <td className="px-3 py-2.5 font-semibold text-zinc-900">{e.actor?.name ?? t("system")}</td>
            <td className="px-3 py-2.5">
              <span className="rounded bg-zinc-100 px-1.5 py-0.5 font-mono text-xs text-zinc-800">
                {e.action}
              </span>
              <span className="ml-2 text-xs break-all text-zinc-600">{describe(e)}</span>
            </td>
            <td className="px-3 py-2.5">{e.target?.name ?? "—"}</td>
            {!roomId && <td className="px-3 py-2.5">{e.room?.title ?? "—"}</td>}
          </tr>
        ))}
      </DataTable>
      {page.nextBefore && (
        <div className="mt-3 flex justify-center">
          <button
            type="button"
            onClick={() => void more()}
            disabled={loadingMore}
            className={buttonStyles({ variant: "secondary", size: "sm" })}
          >
            {t("more")}
          </button>
        </div>
      )}
    </div>
  );
}

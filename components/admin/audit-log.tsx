"use client";
import { useState } from "react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import type { TAuditEntry } from "@/server/admin/list-audit";
import type { TAuditFilters, TAuditPage } from "@/lib/admin/client";
import { adminPoll, adminQueries } from "@/lib/admin/queries";
import { Button } from "@/components/ui/button";
import { DataTable, EmptyRow, HeadCell } from "@/components/ui/data-table";
import { LabelledSelect } from "@/components/admin/labelled-field";

export type TAuditFilterOptions = {
  actions: string[];
  rooms: { id: string; title: string }[];
  actors: { id: string; name: string }[];
};

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
  const start: TAuditFilters = { action: "", roomId: roomId ?? "", actorId: "" };
  const [filters, setFilters] = useState<TAuditFilters>(start);
  const unfiltered = !filters.action && !filters.actorId && filters.roomId === start.roomId;
  // The newest page, polled; the older pages the reader asked for stay below it until the filters change.
  const head = useQuery({
    ...adminQueries.audit(filters),
    initialData: unfiltered ? initial : undefined,
    ...adminPoll(POLL_MS),
  }).data;
  const queryClient = useQueryClient();
  const [older, setOlder] = useState<TAuditPage>({ entries: [], nextBefore: null });
  const [loadingMore, setLoadingMore] = useState(false);
  const oldestHead = head?.entries[head.entries.length - 1]?.id ?? 0;
  const kept = older.entries.filter((e) => e.id < oldestHead);
  const page: TAuditPage = {
    entries: [...(head?.entries ?? []), ...kept],
    nextBefore: kept.length > 0 ? older.nextBefore : (head?.nextBefore ?? null),
  };

  async function more() {
    if (!page.nextBefore) return;
    setLoadingMore(true);
    const next = await queryClient.fetchQuery(adminQueries.audit(filters, page.nextBefore)).catch(() => null);
    setLoadingMore(false);
    if (!next) return;
    setOlder({ entries: [...kept, ...next.entries], nextBefore: next.nextBefore });
  }

  const select = (key: keyof TAuditFilters, label: string, items: { value: string; label: string }[]) => (
    <LabelledSelect
      label={label}
      value={filters[key]}
      onChange={(value) => {
        setOlder({ entries: [], nextBefore: null });
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
        {page.entries.length === 0 && (
          <EmptyRow colSpan={roomId ? 4 : 5}>{head ? t("empty") : t("loading")}</EmptyRow>
        )}
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
          <Button onClick={() => void more()} disabled={loadingMore} variant="secondary" size="sm">
            {t("more")}
          </Button>
        </div>
      )}
    </div>
  );
}

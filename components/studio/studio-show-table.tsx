import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import type { TStudioShowRow } from "@/server/rooms/list-studio-shows";
import { StatusBadge } from "@/components/ui/status-badge";
import { EmptyState } from "@/components/ui/empty-state";
import { buttonStyles } from "@/components/ui/button-styles";
import { CameraIcon } from "@/components/ui/icons";
import { DataTable, HeadCell } from "@/components/ui/data-table";

/** A seller's shows (every show for an ADMIN) with status, schedule and actions. */
export function StudioShowTable({ shows, showSeller }: { shows: TStudioShowRow[]; showSeller: boolean }) {
  const t = useTranslations("studio");
  const format = useFormatter();
  if (shows.length === 0) {
    return (
      <EmptyState
        icon={<CameraIcon />}
        title={t("emptyTitle")}
        body={t("emptyBody")}
        action={
          <Link href="/studio/new" className={buttonStyles()}>
            {t("newShow")}
          </Link>
        }
      />
    );
  }
  return (
    <DataTable
      minWidth="min-w-[640px]"
      caption={t("tableCaption")}
      head={
        <>
          <HeadCell roomy>{t("colShow")}</HeadCell>
          {showSeller && <HeadCell roomy>{t("colSeller")}</HeadCell>}
          <HeadCell roomy>{t("colStatus")}</HeadCell>
          <HeadCell roomy>{t("colSchedule")}</HeadCell>
          <HeadCell roomy numeric>
            {t("colProducts")}
          </HeadCell>
          <HeadCell roomy numeric>
            {t("colReminders")}
          </HeadCell>
          <HeadCell roomy>
            <span className="sr-only">{t("colActions")}</span>
          </HeadCell>
        </>
      }
    >
      {shows.map((s) => (
        <tr key={s.id} className="hover:bg-zinc-50">
          <th scope="row" className="px-4 py-3 font-semibold text-zinc-950">
            <Link href={`/studio/${s.slug}`} className="underline-offset-2 hover:underline">
              {s.title}
            </Link>
            <div className="font-mono text-xs font-normal text-zinc-600">/live/{s.slug}</div>
          </th>
          {showSeller && <td className="px-4 py-3 text-zinc-700">{s.sellerName}</td>}
          <td className="px-4 py-3">
            <StatusBadge status={s.status} />
          </td>
          <td className="px-4 py-3 text-zinc-700">
            {s.scheduledAt ? (
              <time dateTime={s.scheduledAt.toISOString()}>
                {format.dateTime(s.scheduledAt, { dateStyle: "medium", timeStyle: "short" })}
              </time>
            ) : (
              "—"
            )}
          </td>
          <td className="px-4 py-3 text-right text-zinc-700 tabular-nums">{s.productCount}</td>
          <td className="px-4 py-3 text-right text-zinc-700 tabular-nums" data-testid="studio-reminders">
            {s.reminderCount}
          </td>
          <td className="px-4 py-3">
            <div className="flex justify-end gap-2">
              <Link
                href={`/studio/${s.slug}/edit`}
                className={buttonStyles({ variant: "secondary", size: "sm" })}
                aria-label={t("editNamed", { title: s.title })}
              >
                {t("edit")}
              </Link>
              <Link
                href={`/studio/${s.slug}`}
                className={buttonStyles({ variant: "primary", size: "sm" })}
                aria-label={t("openNamed", { title: s.title })}
              >
                {t("open")}
              </Link>
            </div>
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import type { TAdminRoomRow } from "@/server/rooms/list-admin-rooms";
import { StatusBadge } from "@/components/ui/status-badge";

/** Every show: status, seller, schedule and product count; each links to its viewer page. */
export function RoomsTable({ rooms }: { rooms: TAdminRoomRow[] }) {
  const t = useTranslations("admin");
  const format = useFormatter();
  return (
    <section aria-labelledby="admin-rooms" className="mt-8">
      <h2 id="admin-rooms" className="mb-3 text-lg font-black tracking-tight text-zinc-950">
        {t("rooms")}
      </h2>
      <div className="overflow-x-auto rounded-2xl border border-zinc-200 bg-white shadow-sm">
        <table className="w-full min-w-[640px] text-left text-sm">
          <thead className="border-b border-zinc-200 bg-zinc-50 text-xs font-bold tracking-wide text-zinc-700 uppercase">
            <tr>
              <th scope="col" className="px-4 py-3">{t("colShow")}</th>
              <th scope="col" className="px-4 py-3">{t("colStatus")}</th>
              <th scope="col" className="px-4 py-3">{t("colSeller")}</th>
              <th scope="col" className="px-4 py-3">{t("colScheduled")}</th>
              <th scope="col" className="px-4 py-3 text-right">{t("colProducts")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100">
            {rooms.length === 0 && (
              <tr>
                <td colSpan={5} className="px-4 py-8 text-center text-zinc-600">{t("noRooms")}</td>
              </tr>
            )}
            {rooms.map((r) => (
              <tr key={r.id} className="hover:bg-zinc-50">
                <th scope="row" className="px-4 py-3 font-semibold text-zinc-950">
                  <Link href={`/live/${r.slug}`} className="underline-offset-2 hover:underline">{r.title}</Link>
                  <div className="font-mono text-xs font-normal text-zinc-600">{r.slug}</div>
                </th>
                <td className="px-4 py-3"><StatusBadge status={r.status} /></td>
                <td className="px-4 py-3 text-zinc-700">{r.sellerName}</td>
                <td className="px-4 py-3 text-zinc-700">{r.scheduledAt ? <time dateTime={r.scheduledAt.toISOString()}>{format.dateTime(r.scheduledAt, { dateStyle: "medium", timeStyle: "short" })}</time> : "—"}</td>
                <td className="px-4 py-3 text-right text-zinc-700 tabular-nums">{r.productCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

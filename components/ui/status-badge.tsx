import { useTranslations } from "next-intl";
import type { RoomStatus } from "@prisma/client";
import { cx } from "@/components/ui/cx";

const styles: Record<RoomStatus, string> = {
  LIVE: "bg-live text-white",
  SCHEDULED: "bg-amber-100 text-amber-900 ring-1 ring-amber-300 ring-inset",
  ENDED: "bg-zinc-800 text-white",
};

/** "LIVE" / "Upcoming" / "Replay" pill for a show. */
export function StatusBadge({ status, className }: { status: RoomStatus; className?: string }) {
  const t = useTranslations("status");
  return (
    <span
      className={cx(
        "inline-flex items-center gap-1.5 rounded-full px-2.5 py-0.5 text-xs font-bold tracking-wide uppercase",
        styles[status],
        className,
      )}
    >
      {status === "LIVE" && (
        <span aria-hidden="true" className="size-1.5 animate-pulse rounded-full bg-white" />
      )}
      {t(status)}
    </span>
  );
}

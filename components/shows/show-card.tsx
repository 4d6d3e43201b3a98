import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import type { TShowCard } from "@/server/rooms/get-home-shows";
import { StatusBadge } from "@/components/ui/status-badge";
import { BroadcastIcon } from "@/components/ui/icons";
import { ReminderButton } from "@/components/reminders/reminder-button";

/** The viewer's reminders, for the "Remind me" button of upcoming shows. */
export type TCardReminders = { signedIn: boolean; remindedIds: ReadonlySet<string> };

/** A show in a shelf: thumbnail from its first product, status, title, seller and when ("Remind me" if upcoming). */
export function ShowCard({ show, reminders }: { show: TShowCard; reminders?: TCardReminders }) {
  const t = useTranslations("showCard");
  const format = useFormatter();
  const whenDate =
    show.status === "SCHEDULED" ? show.scheduledAt : show.status === "ENDED" ? show.endedAt : null;
  const when =
    show.status === "LIVE"
      ? t("liveNow")
      : show.status === "SCHEDULED"
        ? show.scheduledAt
          ? t("startsAt", {
              when: format.dateTime(show.scheduledAt, {
                weekday: "short",
                month: "short",
                day: "numeric",
                hour: "numeric",
                minute: "2-digit",
              }),
            })
          : t("notScheduled")
        : show.endedAt
          ? t("airedOn", { when: format.dateTime(show.endedAt, { month: "short", day: "numeric" }) })
          : t("replay");

  return (
    <article className="group relative flex flex-col overflow-hidden rounded-2xl border border-zinc-200 bg-white shadow-sm transition-shadow focus-within:shadow-md hover:shadow-md">
      <div className="to-brand-800 relative aspect-video overflow-hidden bg-gradient-to-br from-zinc-900 via-zinc-800">
        {!show.thumbnailUrl && (
          <div className="absolute inset-0 grid place-items-center text-white/40">
            <BroadcastIcon className="size-14" />
          </div>
        )}
        {show.thumbnailUrl && (
          // eslint-disable-next-line @next/next/no-img-element
          <img
            src={show.thumbnailUrl}
            alt=""
            loading="lazy"
            className="absolute inset-0 m-auto h-4/5 w-auto object-contain drop-shadow-xl transition-transform duration-300 group-hover:scale-105"
          />
        )}
        <StatusBadge status={show.status} className="absolute top-3 left-3 shadow" />
        {show.productCount > 0 && (
          <span className="absolute right-3 bottom-3 rounded-full bg-black/75 px-2 py-0.5 text-xs font-semibold text-white">
            {t("products", { count: show.productCount })}
          </span>
        )}
      </div>
      <div className="flex flex-1 flex-col gap-1 p-4">
        <h3 className="line-clamp-2 font-bold text-zinc-950">
          <Link
            href={`/live/${show.slug}`}
            className="after:absolute after:inset-0 after:content-[''] focus:outline-none"
          >
            {show.title}
          </Link>
        </h3>
        <p className="text-sm text-zinc-600">{t("by", { seller: show.sellerName })}</p>
        <p className="mt-auto pt-2 text-sm font-medium text-zinc-800">
          {whenDate ? <time dateTime={whenDate.toISOString()}>{when}</time> : when}
        </p>
        {reminders && show.status === "SCHEDULED" && (
          <ReminderButton
            roomId={show.id}
            title={show.title}
            initialReminded={reminders.remindedIds.has(show.id)}
            signedIn={reminders.signedIn}
            returnTo="/#upcoming"
            className="mt-3"
          />
        )}
      </div>
    </article>
  );
}

import { useTranslations } from "next-intl";
import type { TShow } from "@/server/rooms/get-show";
import { StatusBadge } from "@/components/ui/status-badge";

/** Title, seller and description under the video. */
export function ShowDetails({ show }: { show: TShow }) {
  const t = useTranslations("live");
  const initial = show.seller.name.trim().charAt(0).toUpperCase() || "?";
  return (
    <div>
      <div className="flex items-start gap-3">
        <div className="min-w-0 flex-1">
          <h1 className="text-xl font-black tracking-tight text-zinc-950 sm:text-2xl">{show.title}</h1>
          <p className="mt-1 flex items-center gap-2 text-sm text-zinc-700">
            <span
              aria-hidden="true"
              className="bg-brand-100 text-brand-800 grid size-6 place-items-center rounded-full text-xs font-bold"
            >
              {initial}
            </span>
            {t("hostedBy", { seller: show.seller.name })}
            <StatusBadge status={show.status} className="ml-1 md:hidden" />
          </p>
        </div>
      </div>
      {show.description && (
        <p className="mt-3 max-w-3xl text-sm whitespace-pre-line text-zinc-700">{show.description}</p>
      )}
    </div>
  );
}

import { useFormatter, useTranslations } from "next-intl";
import type { TShow } from "@/server/rooms/get-show";
import { Countdown } from "@/components/live/countdown";
import { StatusBadge } from "@/components/ui/status-badge";
import { ShowPlayer } from "@/components/player/show-player";
import { LivePlayerBoot } from "@/components/player/live-player-boot";

/**
 * The dark 16:9 video area. Scheduled: a countdown. Live or ended: the slot the HLS player
 * (components/player/) mounts into; until then a status panel says what is happening. `nonce` is this
 * answer's script nonce, for the live player's boot script.
 */
export function VideoStage({ show, now, nonce }: { show: TShow; now: number; nonce: string | undefined }) {
  const t = useTranslations("live");
  const format = useFormatter();
  return (
    <div
      id="player-slot"
      data-status={show.status}
      className="dark-surface relative aspect-video w-full overflow-hidden rounded-none bg-zinc-950 text-white sm:rounded-2xl"
    >
      <ShowPlayer
        roomId={show.id}
        initial={{
          status: show.status,
          hlsUrl: show.hlsUrl,
          startedAt: show.startedAt?.toISOString() ?? null,
        }}
      >
        <div
          aria-hidden="true"
          className="absolute inset-0 bg-[radial-gradient(ellipse_at_top,rgba(124,58,237,0.35),transparent_60%)]"
        />
        <StatusBadge status={show.status} className="absolute top-3 left-3 z-10" />
        <div
          data-stage-content
          className="relative flex h-full flex-col items-center justify-center gap-2 px-6 text-center"
        >
          {show.status === "SCHEDULED" && (
            <>
              <p className="text-sm font-semibold tracking-widest text-zinc-300 uppercase">{t("upNext")}</p>
              {show.scheduledAt ? (
                <>
                  <Countdown startsAt={show.scheduledAt.toISOString()} serverNow={now} />
                  <p className="text-sm text-zinc-300">
                    {format.dateTime(show.scheduledAt, { dateStyle: "full", timeStyle: "short" })}
                  </p>
                </>
              ) : (
                <p className="text-2xl font-bold">{t("notScheduled")}</p>
              )}
              <p
                data-stage-title
                className="mt-2 line-clamp-2 max-w-lg text-lg font-bold text-white sm:text-xl"
              >
                {show.title}
              </p>
            </>
          )}
          {show.status === "LIVE" && (
            <div role="status" className="flex flex-col items-center gap-2">
              <span
                aria-hidden="true"
                className="size-10 animate-spin rounded-full border-4 border-white/20 border-t-white"
              />
              <p className="text-lg font-bold">{t("liveConnecting")}</p>
              <p className="text-sm text-zinc-300">{t("liveConnectingHint")}</p>
            </div>
          )}
          {show.status === "ENDED" && (
            <div role="status" className="flex flex-col items-center gap-2">
              <p className="text-lg font-bold">{t("endedTitle")}</p>
              <p className="text-sm text-zinc-300">
                {show.endedAt
                  ? t("endedAt", {
                      when: format.dateTime(show.endedAt, { dateStyle: "medium", timeStyle: "short" }),
                    })
                  : t("endedHint")}
              </p>
            </div>
          )}
        </div>
      </ShowPlayer>
      {show.status === "LIVE" && show.hlsUrl ? <LivePlayerBoot hlsUrl={show.hlsUrl} nonce={nonce} /> : null}
    </div>
  );
}

"use client";
import { useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { HlsVideo } from "@/components/player/hls-video";
import { ReplayPlayer } from "@/components/player/replay-player";
import { useShowStatus, type TShowMedia } from "@/components/player/use-show-status";

/**
 * The viewer's video area through a show's life: scheduled (the page's countdown, passed as children),
 * live (low-latency HLS), ended (the replay). Switches by itself when the seller goes live or ends.
 */
export function ShowPlayer({
  roomId,
  initial,
  children,
}: {
  roomId: string;
  initial: TShowMedia;
  children: ReactNode;
}) {
  const t = useTranslations("player");
  const media = useShowStatus(initial);
  const [watchReplay, setWatchReplay] = useState(initial.status === "ENDED");

  if (media.status === "SCHEDULED") return <>{children}</>;

  const panel = (title: string, body: string, action?: ReactNode) => (
    <div role="status" className="absolute inset-0 grid place-items-center px-6 text-center text-white">
      <div className="flex flex-col items-center gap-2">
        <p className="text-lg font-bold">{title}</p>
        <p className="text-sm text-zinc-300">{body}</p>
        {action}
      </div>
    </div>
  );

  if (media.hlsUrl === undefined) {
    return (
      <div role="status" aria-label={t("loading")} className="absolute inset-0 grid place-items-center">
        <span
          aria-hidden="true"
          className="size-10 animate-spin rounded-full border-4 border-white/20 border-t-white"
        />
      </div>
    );
  }
  if (media.status === "LIVE") {
    if (!media.hlsUrl) return panel(t("startingTitle"), t("startingBody"));
    return <HlsVideo src={media.hlsUrl} live />;
  }
  if (!media.hlsUrl) return panel(t("endedTitle"), t("noRecording"));
  if (!watchReplay) {
    return panel(
      t("endedTitle"),
      t("endedBody"),
      <button
        type="button"
        onClick={() => setWatchReplay(true)}
        className="mt-2 rounded-full bg-white px-4 py-2 text-sm font-bold text-zinc-950"
      >
        {t("watchReplay")}
      </button>,
    );
  }
  return <ReplayPlayer roomId={roomId} src={media.hlsUrl} />;
}

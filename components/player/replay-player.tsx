"use client";
import { useCallback, useEffect, useMemo, useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import type { TReplay } from "@/server/media/get-replay";
import type { TAttached } from "@/lib/media/hls-attach";
import { HlsVideo } from "@/components/player/hls-video";
import { ReplayChat } from "@/components/player/replay-chat";
import { ReplayPin } from "@/components/player/replay-pin";
import { messagesUntil, pinAt } from "@/components/player/replay-timeline";
import { request } from "@/lib/api/request";
import { useLiveRoom } from "@/components/live/live-room-provider";

/**
 * The recording of an ended show, with the chat appearing as it did live (each message at its original
 * moment) and the product that was pinned at each moment highlighted.
 */
export function ReplayPlayer({ roomId, src }: { roomId: string; src: string }) {
  const t = useTranslations("player");
  const store = useLiveRoom();
  // An ended show's recording, chat and pins never change: read once.
  const { data: replay = null } = useQuery({
    queryKey: ["rooms", roomId, "replay"],
    queryFn: () => request<TReplay>("GET", `/api/rooms/${encodeURIComponent(roomId)}/replay`),
    staleTime: Infinity,
  });
  const [offsetMs, setOffsetMs] = useState(0);

  const startedAt = replay ? Date.parse(replay.startedAt) : null;
  const onTick = useCallback(
    (video: HTMLVideoElement, attached: TAttached) => {
      // The playlist's program date time maps the picture to the wall clock, gaps and restarts included.
      const date = attached.playingDate();
      const next = date && startedAt !== null ? date.getTime() - startedAt : video.currentTime * 1000;
      setOffsetMs((prev) => (Math.abs(prev - next) < 100 ? prev : Math.max(0, next)));
    },
    [startedAt],
  );

  const visible = useMemo(
    () => (replay ? messagesUntil(replay.messages, offsetMs, 6) : []),
    [replay, offsetMs],
  );
  const pinnedId = replay ? pinAt(replay.pins, offsetMs) : null;
  const pinned = replay?.products.find((p) => p.id === pinnedId) ?? null;

  useEffect(() => {
    store.setReplayPin(pinnedId);
  }, [store, pinnedId]);

  return (
    <HlsVideo src={src} live={false} onTick={onTick}>
      <span className="absolute top-3 left-3 z-10 rounded-full bg-zinc-800 px-2.5 py-0.5 text-xs font-bold tracking-wide text-white uppercase">
        {t("replay")}
      </span>
      {pinned && <ReplayPin product={pinned} />}
      <ReplayChat messages={visible} label={t("replayChat")} />
    </HlsVideo>
  );
}

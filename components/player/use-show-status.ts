"use client";
import { useEffect, useState } from "react";
import { request } from "@/lib/api/request";

export type TShowStatus = "SCHEDULED" | "LIVE" | "ENDED";
/** `hlsUrl` is undefined until known (the page passes it when it rendered the show). */
export type TShowMedia = { status: TShowStatus; hlsUrl?: string | null; startedAt: string | null };

const POLL_MS = 3000;

/**
 * The show's status and playlist, refreshed while it can still change (scheduled → live → ended) so a
 * viewer never has to reload. The chat tier's `room:state` may also push a change through `update`.
 */
export function useShowStatus(roomId: string, initial: TShowMedia) {
  const [media, setMedia] = useState<TShowMedia>(initial);
  useEffect(() => {
    let stopped = false;
    let timer: number | null = null;
    const poll = async () => {
      try {
        const room = await request<Required<TShowMedia>>("GET", `/api/rooms/${roomId}`);
        if (!stopped) {
          setMedia((prev) =>
            prev.status === room.status && prev.hlsUrl === room.hlsUrl && prev.startedAt === room.startedAt
              ? prev
              : { status: room.status, hlsUrl: room.hlsUrl, startedAt: room.startedAt },
          );
          if (room.status === "ENDED" && room.hlsUrl) return;
        }
      } catch {
        // offline for a moment: try again on the next tick
      }
      if (!stopped) timer = window.setTimeout(() => void poll(), POLL_MS);
    };
    // The page was rendered with the playlist: the player starts at once and the first check waits a tick.
    if (initial.hlsUrl === undefined) void poll();
    else timer = window.setTimeout(() => void poll(), POLL_MS);
    return () => {
      stopped = true;
      if (timer !== null) window.clearTimeout(timer);
    };
    // `initial` is the server's render of this room: only a new room restarts the checks.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [roomId]);
  return media;
}

"use client";
import { useEffect, useMemo } from "react";
import { useLiveRoom, useRoomSlice } from "@/components/live/live-room-provider";
import { laterStatus, type TRoomMedia } from "@/lib/rooms/live-feed";

/** `hlsUrl` is undefined until known (the page passes it when it rendered the show). */
export type TShowMedia = TRoomMedia;

/**
 * The show's status and playlist from the page's LiveRoomProvider, so the player switches by itself when
 * the seller goes live or ends: room:state pushes the status, and the provider reads the room once for the
 * playlist. Until then, what the page rendered with.
 */
export function useShowStatus(initial: TShowMedia): TShowMedia {
  const store = useLiveRoom();
  const media = useRoomSlice((s) => s.media.value);
  const pushed = useRoomSlice((s) => s.state?.status ?? null);
  const known = media !== null;
  useEffect(() => {
    // Rendered without the playlist (the admin console): the first paint needs one read.
    if (!known && initial.hlsUrl === undefined) void store.readRoom();
    // `initial` is the server's render of this room: only a new room reads again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [store]);
  return useMemo(() => {
    const base = media ?? initial;
    const status = pushed ? laterStatus(base.status, pushed) : base.status;
    return status === base.status ? base : { status, hlsUrl: undefined, startedAt: base.startedAt };
  }, [media, initial, pushed]);
}

"use client";
import { useEffect, useMemo } from "react";
import { useLiveRoom, useRoomSlice } from "@/components/live/live-room-provider";
import { applyMediaUpdate, type TRoomMedia } from "@/lib/rooms/live-feed";

/** `hlsUrl` is undefined until known (the page passes it when it rendered the show). */
export type TShowMedia = TRoomMedia;

/**
 * The show's status and playlist from the page's LiveRoomProvider, so the player switches by itself when
 * the seller goes live or ends: room:state pushes both. Until then, what the page rendered with.
 */
export function useShowStatus(initial: TShowMedia): TShowMedia {
  const store = useLiveRoom();
  const media = useRoomSlice((s) => s.media.value);
  // Primitives, not the state object: a viewer count change must not render the player again.
  const pushed = useRoomSlice((s) => s.state?.status ?? null);
  const pushedUrl = useRoomSlice((s) => s.state?.hlsUrl);
  const pushedStart = useRoomSlice((s) => s.state?.startedAt);
  const known = media !== null;
  useEffect(() => {
    // Rendered without the playlist (the admin console): the first paint needs one read.
    if (!known && initial.hlsUrl === undefined) void store.readRoom();
    // `initial` is the server's render of this room: only a new room reads again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [store]);
  return useMemo(() => {
    const base = media ?? initial;
    // The store has already applied the push to `media`; before its first read, apply it to the render.
    return pushed
      ? applyMediaUpdate(base, { status: pushed, hlsUrl: pushedUrl, startedAt: pushedStart })
      : base;
  }, [media, initial, pushed, pushedUrl, pushedStart]);
}

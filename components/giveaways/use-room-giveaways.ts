"use client";
import { useCallback, useState } from "react";
import { liveFeed, useRoomLiveList } from "@/components/engage/use-room-live-list";
import { isNewerGiveaway, ZGiveawayUpdate, type TGiveawayView } from "@/lib/giveaways/giveaway-schemas";
import { listGiveaways } from "@/lib/giveaways/client";

const GIVEAWAYS = liveFeed<TGiveawayView>("giveaway", ZGiveawayUpdate, isNewerGiveaway);

/**
 * A show's giveaways, live (see useRoomLiveList), newest first, and the ones this viewer entered: read
 * with the list (so a reload still says "You are in") and marked on a successful `giveaway:enter`.
 */
export function useRoomGiveaways(roomId: string) {
  const [entered, setEntered] = useState<ReadonlySet<string>>(new Set());
  const load = useCallback(async () => {
    const res = await listGiveaways(roomId);
    setEntered((current) => new Set([...current, ...res.entered]));
    return res.giveaways;
  }, [roomId]);
  const markEntered = useCallback((id: string) => setEntered((current) => new Set([...current, id])), []);
  return { ...useRoomLiveList(roomId, GIVEAWAYS, load), entered, markEntered };
}

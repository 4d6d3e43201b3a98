"use client";
import { useCallback } from "react";
import { liveFeed, useRoomLiveList } from "@/components/engage/use-room-live-list";
import { isNewerAuction, ZAuctionUpdate, type TAuctionView } from "@/lib/auctions/auction-schemas";
import { listAuctions } from "@/lib/auctions/client";

const AUCTIONS = liveFeed<TAuctionView>("auction", ZAuctionUpdate, isNewerAuction);

/** A show's auctions, live (see useRoomLiveList), newest first. */
export function useRoomAuctions(roomId: string) {
  const load = useCallback(async () => (await listAuctions(roomId)).auctions, [roomId]);
  return useRoomLiveList(roomId, AUCTIONS, load);
}

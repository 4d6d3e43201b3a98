"use client";
import { useCallback } from "react";
import { AUCTION_UPDATE_EVENT } from "@/components/chat/use-chat-room";
import { useRoomLiveList } from "@/components/engage/use-room-live-list";
import { isNewerAuction, ZAuctionUpdate, type TAuctionView } from "@/lib/auctions/auction-schemas";
import { listAuctions } from "@/lib/auctions/client";

function parseAuctionUpdate(detail: unknown): TAuctionView | null {
  if (!ZAuctionUpdate.safeParse(detail).success) return null;
  const { auctionId: _id, ...view } = detail as TAuctionView & { auctionId: string };
  return view;
}

/** A show's auctions, live (see useRoomLiveList), newest first. */
export function useRoomAuctions(roomId: string) {
  const load = useCallback(async () => (await listAuctions(roomId)).auctions, [roomId]);
  const { items, ...rest } = useRoomLiveList({
    roomId,
    event: AUCTION_UPDATE_EVENT,
    load,
    parse: parseAuctionUpdate,
    isNewer: isNewerAuction,
  });
  return { auctions: items, ...rest };
}

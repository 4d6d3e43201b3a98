import type { TAuctionBidView, TAuctionView, TCreateAuctionRequest } from "@/lib/auctions/auction-schemas";
import { apiCall } from "@/lib/commerce/client";

const base = (roomId: string) => `/api/rooms/${encodeURIComponent(roomId)}/auctions`;

export const listAuctions = (roomId: string) => apiCall<{ auctions: TAuctionView[] }>("GET", base(roomId));
export const startAuction = (roomId: string, input: TCreateAuctionRequest) =>
  apiCall<{ auction: TAuctionView }>("POST", base(roomId), input);
export const listBids = (roomId: string, auctionId: string) =>
  apiCall<{ bids: TAuctionBidView[] }>("GET", `${base(roomId)}/${encodeURIComponent(auctionId)}/bids`);
export const cancelAuction = (roomId: string, auctionId: string, reason: string) =>
  apiCall<{ auction: TAuctionView }>("POST", `${base(roomId)}/${encodeURIComponent(auctionId)}/cancel`, {
    reason,
  });

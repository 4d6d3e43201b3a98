import type { TAuctionBidView, TAuctionView, TCreateAuctionRequest } from "@/lib/auctions/auction-schemas";
import { request } from "@/lib/api/request";

const base = (roomId: string) => `/api/rooms/${encodeURIComponent(roomId)}/auctions`;

export const listAuctions = (roomId: string) => request<{ auctions: TAuctionView[] }>("GET", base(roomId));
export const startAuction = (roomId: string, input: TCreateAuctionRequest) =>
  request<{ auction: TAuctionView }>("POST", base(roomId), { body: input });
export const listBids = (roomId: string, auctionId: string) =>
  request<{ bids: TAuctionBidView[] }>("GET", `${base(roomId)}/${encodeURIComponent(auctionId)}/bids`);
export const cancelAuction = (roomId: string, auctionId: string, reason: string) =>
  request<{ auction: TAuctionView }>("POST", `${base(roomId)}/${encodeURIComponent(auctionId)}/cancel`, {
    body: { reason },
  });

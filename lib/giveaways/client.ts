import type { TCreateGiveawayRequest, TGiveawayView } from "@/lib/giveaways/giveaway-schemas";
import { apiCall } from "@/lib/commerce/client";

const base = (roomId: string) => `/api/rooms/${encodeURIComponent(roomId)}/giveaways`;

/** The show's giveaways, newest first, and the ids the caller entered. */
export const listGiveaways = (roomId: string) =>
  apiCall<{ giveaways: TGiveawayView[]; entered: string[] }>("GET", base(roomId));
export const startGiveaway = (roomId: string, input: TCreateGiveawayRequest) =>
  apiCall<{ giveaway: TGiveawayView }>("POST", base(roomId), input);
export const cancelGiveaway = (roomId: string, giveawayId: string, reason: string) =>
  apiCall<{ giveaway: TGiveawayView }>("POST", `${base(roomId)}/${encodeURIComponent(giveawayId)}/cancel`, {
    reason,
  });

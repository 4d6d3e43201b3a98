import type { TCreateGiveawayRequest, TGiveawayView } from "@/lib/giveaways/giveaway-schemas";
import { request } from "@/lib/api/request";

const base = (roomId: string) => `/api/rooms/${encodeURIComponent(roomId)}/giveaways`;

/** The show's giveaways, newest first, and the ids the caller entered. */
export const listGiveaways = (roomId: string) =>
  request<{ giveaways: TGiveawayView[]; entered: string[] }>("GET", base(roomId));
export const startGiveaway = (roomId: string, input: TCreateGiveawayRequest) =>
  request<{ giveaway: TGiveawayView }>("POST", base(roomId), { body: input });
export const cancelGiveaway = (roomId: string, giveawayId: string, reason: string) =>
  request<{ giveaway: TGiveawayView }>("POST", `${base(roomId)}/${encodeURIComponent(giveawayId)}/cancel`, {
    body: { reason },
  });

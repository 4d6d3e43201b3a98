import { request } from "@/lib/api/request";

/** The show's ingest as the studio sees it (`GET /api/rooms/:id/live`); only the fields the studio reads. */
export type TLiveInfo = { status: string; publishing: boolean; testSourceAvailable?: boolean };

export const getLiveInfo = (roomId: string) =>
  request<TLiveInfo>("GET", `/api/rooms/${encodeURIComponent(roomId)}/live`);

/** Ends the show: the recording becomes the replay. */
export const endLive = (roomId: string) =>
  request<{ status: "ENDED"; endedAt: string; hlsUrl: string | null }>(
    "DELETE",
    `/api/rooms/${encodeURIComponent(roomId)}/live`,
  );

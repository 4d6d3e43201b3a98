import type { TAuctionBidView, TAuctionView, TCreateAuctionRequest } from "@/lib/auctions/auction-schemas";
import { CommerceApiError } from "@/lib/commerce/client";

async function call<T>(method: string, url: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      credentials: "same-origin",
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: "no-store",
    });
  } catch {
    throw new CommerceApiError(0, "NETWORK", "You seem to be offline. Check your connection and try again.");
  }
  const json = (await res.json().catch(() => null)) as {
    error?: { code: string; message: string; fields?: Record<string, string> };
  } | null;
  if (!res.ok)
    throw new CommerceApiError(
      res.status,
      json?.error?.code ?? `HTTP_${res.status}`,
      json?.error?.message ?? "Something went wrong.",
      json?.error?.fields,
    );
  return json as T;
}

const base = (roomId: string) => `/api/rooms/${encodeURIComponent(roomId)}/auctions`;

export const listAuctions = (roomId: string) => call<{ auctions: TAuctionView[] }>("GET", base(roomId));
export const startAuction = (roomId: string, input: TCreateAuctionRequest) =>
  call<{ auction: TAuctionView }>("POST", base(roomId), input);
export const listBids = (roomId: string, auctionId: string) =>
  call<{ bids: TAuctionBidView[] }>("GET", `${base(roomId)}/${encodeURIComponent(auctionId)}/bids`);
export const cancelAuction = (roomId: string, auctionId: string, reason: string) =>
  call<{ auction: TAuctionView }>("POST", `${base(roomId)}/${encodeURIComponent(auctionId)}/cancel`, {
    reason,
  });
